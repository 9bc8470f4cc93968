import {describe, expect, test} from "vitest";
import {aboutCount, formatNumber} from "../../src/components/course/format.js";
import {checkExercise, exerciseIterates, exerciseWorking, parseDecimal} from "../../src/components/course/gd-exercise.js";
import {behaviour, descendCurve, distanceToMinimum, logSpace, race, rateGrid, stepsToReach, stepsVersusRate} from "../../src/components/nn/descent-analysis.js";
import {CURVE_IDS, curve, SURFACE_IDS, SURFACES} from "../../src/components/nn/loss-surfaces.js";

describe("curves and surfaces", () => {
  test.each(CURVE_IDS.map((id) => [id]))("%s: derivative matches a central difference away from kinks", (id) => {
    const c = curve(id, 2.5);
    const h = 1e-6;
    for (let k = 0; k < 50; ++k) {
      const x = -3 + (6 * (k + 0.5)) / 50;
      expect(c.df(x)).toBeCloseTo((c.f(x + h) - c.f(x - h)) / (2 * h), 5);
    }
  });
  test("the curves' minima are stationary points with the lowest values nearby", () => {
    for (const id of CURVE_IDS) {
      const c = curve(id);
      for (const m of c.minima) {
        expect(Math.abs(c.df(m))).toBeLessThan(1e-9);
        expect(c.f(m)).toBeLessThanOrEqual(Math.min(c.f(m - 1e-3), c.f(m + 1e-3)));
      }
    }
  });
  test.each(SURFACE_IDS.map((id) => [id]))("%s: gradient matches central differences; minimum has zero gradient", (id) => {
    const s = SURFACES[id];
    const h = 1e-6;
    for (let k = 0; k < 20; ++k) {
      const x = -1.5 + 0.15 * k;
      const y = 1.2 - 0.1 * k;
      const [gx, gy] = s.gradient(x, y);
      expect(gx).toBeCloseTo((s.f(x + h, y) - s.f(x - h, y)) / (2 * h), 4);
      expect(gy).toBeCloseTo((s.f(x, y + h) - s.f(x, y - h)) / (2 * h), 4);
    }
    expect(s.gradient(...s.minimum)).toEqual([0, 0].map((z) => expect.closeTo(z, 12)));
  });
});

describe("gradient descent on a curve", () => {
  const square = curve("square");
  test("the lecture's exercise: x² from 3 with η = 0.1 gives 2.4, then 1.92 (to 1e-12)", () => {
    const {points, diverged} = descendCurve(square, 3, 0.1, 2);
    expect(diverged).toBe(false);
    expect(Math.abs(points[1].x - 2.4)).toBeLessThan(1e-12);
    expect(Math.abs(points[2].x - 1.92)).toBeLessThan(1e-12);
    expect(Math.abs(points[2].y - 1.92 ** 2)).toBeLessThan(1e-12);
  });
  test("η = 1.5 diverges, is reported as diverged, and the path holds finite numbers only", () => {
    const run = descendCurve(square, 3, 1.5, 100);
    expect(run.diverged).toBe(true);
    expect(behaviour(run)).toBe("diverged");
    expect(run.points.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))).toBe(true);
    expect(stepsToReach(square, 3, 1.5).status).toBe("diverged");
  });
  test("η = 0.9 overshoots: x flips sign every update but shrinks by 0.8", () => {
    const run = descendCurve(square, 3, 0.9, 10);
    expect(behaviour(run)).toBe("oscillating");
    // Still oscillating when the swings have become tiny.
    expect(behaviour(descendCurve(square, 3, 0.9, 100))).toBe("oscillating");
    run.points.slice(1).forEach((p, k) => expect(p.x).toBeCloseTo(-0.8 * run.points[k].x, 12));
  });
  test("η = 0.01 crawls; η = 0.5 jumps to the minimum in one update", () => {
    expect(behaviour(descendCurve(square, 3, 0.01, 20))).toBe("descending");
    expect(behaviour(descendCurve(square, 3, 0.5, 5))).toBe("settled");
  });
  test("steps to |x| < 0.01 match the closed form ⌈ln(300) / −ln|1 − 2η|⌉", () => {
    for (const eta of [0.001, 0.01, 0.1, 0.3, 0.7, 0.9, 0.99]) {
      const expected = Math.ceil(Math.log(300) / -Math.log(Math.abs(1 - 2 * eta)));
      expect(stepsToReach(square, 3, eta)).toEqual({eta, status: "reached", steps: expected});
    }
    expect(stepsToReach(square, 3, 0.5).steps).toBe(1);
    // η = 1 bounces between 3 and −3 forever.
    expect(stepsToReach(square, 3, 1, {maxSteps: 500})).toEqual({eta: 1, status: "not-reached", steps: 500});
  });
  test("steps versus η over a log range: fastest at η = 0.5, symmetric around it, diverging above 1", () => {
    const etas = logSpace(0.001, 2, 61);
    expect(etas[0]).toBeCloseTo(0.001, 12);
    expect(etas[60]).toBeCloseTo(2, 12);
    const reach = stepsVersusRate(square, 3, etas);
    const reached = reach.filter((r) => r.status === "reached");
    expect(Math.min(...reached.map((r) => r.steps))).toBeLessThanOrEqual(2);
    expect(reach.filter((r) => r.eta > 1.001).every((r) => r.status === "diverged")).toBe(true);
    expect(stepsToReach(square, 3, 0.2).steps).toBe(stepsToReach(square, 3, 0.8).steps);
  });
  test("the chart's grid holds η = 0.5, so its fewest updates on y = x² from 3 is 1 at η = 0.5", () => {
    const etas = rateGrid(square);
    expect(etas).toContain(0.5);
    expect(etas[0]).toBeCloseTo(0.001, 12);
    expect(etas.at(-1)).toBeCloseTo(2, 12);
    etas.slice(1).forEach((eta, k) => expect(eta).toBeGreaterThan(etas[k]));
    const reached = stepsVersusRate(square, 3, etas).filter((r) => r.status === "reached" && r.steps > 0);
    const fastest = reached.reduce((best, r) => (r.steps < best.steps ? r : best));
    expect(fastest).toEqual({eta: 0.5, status: "reached", steps: 1});
    // Without it the best log-spaced neighbour needs two updates: the chart's old "2 at η ≈ 0.49".
    expect(Math.min(...stepsVersusRate(square, 3, logSpace(0.001, 2, 120)).map((r) => r.steps).filter((n) => n > 0))).toBe(2);
    // On a·x² the one-step rate is 1/(2a); a curve without a constant f″ gets the plain grid.
    expect(rateGrid(curve("scaled", 4))).toContain(0.125);
    expect(rateGrid(curve("double-well"))).toEqual(logSpace(0.001, 2, 120));
  });
  test("on the double well, the start decides which minimum gradient descent finds", () => {
    const well = curve("double-well");
    const left = descendCurve(well, -2, 0.01, 2000).points.at(-1)!.x;
    const right = descendCurve(well, 2, 0.01, 2000).points.at(-1)!.x;
    expect(left).toBeCloseTo(well.minima[0], 6);
    expect(right).toBeCloseTo(well.minima[1], 6);
    expect(well.f(left)).toBeLessThan(well.f(right));
  });
});

describe("optimisers on 2-D surfaces (the page's defaults)", () => {
  test("elongated bowl: momentum and Adam get within 0.05 of the minimum; plain descent is still on its way", () => {
    const s = SURFACES.bowl;
    const r = race(s, s.start, s.steps);
    expect(Object.values(r).every((run) => !run.diverged)).toBe(true);
    expect(distanceToMinimum(s, r.momentum.path.at(-1)!.x)).toBeLessThan(0.05);
    expect(distanceToMinimum(s, r.adam.path.at(-1)!.x)).toBeLessThan(0.05);
    expect(distanceToMinimum(s, r.sgd.path.at(-1)!.x)).toBeGreaterThan(0.05);
    // Plain descent zig-zags across the steep direction: y flips sign every update.
    const ys = r.sgd.path.slice(0, 10).map((p) => p.x[1]);
    ys.slice(1).forEach((y, k) => expect(Math.sign(y)).toBe(-Math.sign(ys[k])));
  });
  test("Rosenbrock: Adam and momentum reach the valley's end; plain descent crawls", () => {
    const s = SURFACES.rosenbrock;
    const r = race(s, s.start, s.steps);
    expect(distanceToMinimum(s, r.adam.path.at(-1)!.x)).toBeLessThan(0.05);
    expect(distanceToMinimum(s, r.momentum.path.at(-1)!.x)).toBeLessThan(0.05);
    expect(distanceToMinimum(s, r.sgd.path.at(-1)!.x)).toBeGreaterThan(1);
  });
  test("a learning rate too large for the surface is reported as diverged", () => {
    const s = SURFACES.rosenbrock;
    expect(race(s, s.start, 200, {sgd: 0.01, momentum: 0.01, adam: 0.1}).sgd.diverged).toBe(true);
  });
});

describe("the lecture's exercise", () => {
  test("iterates and working show 3 → 2.4 → 1.92", () => {
    expect(exerciseIterates().map((x) => Number(x.toFixed(12)))).toEqual([3, 2.4, 1.92]);
    const working = exerciseWorking();
    expect(working).toHaveLength(2);
    expect(working[0]).toMatch(/= 3 - 0\.1 \\cdot 2 \\cdot 3 = 3 - 0\.6 = 2\.4$/);
    expect(working[1]).toMatch(/= 2\.4 - 0\.48 = 1\.92$/);
  });
  test.each(["1.92", " 1.920", "1,92", "+1.92", "1.9200 "])("accepts %j", (text) => {
    expect(checkExercise(text).correct).toBe(true);
  });
  test.each(["2.4", "1.9", "1.921", "192", "", "abc", "1.92.0", "1,9,2"])("rejects %j with a message", (text) => {
    const result = checkExercise(text);
    expect(result.correct).toBe(false);
    expect(result.message.length).toBeGreaterThan(10);
  });
  test("a first wrong number gets a nudge about one update, not 2.4; a second gets the first update worked out", () => {
    const first = checkExercise("1.5").message;
    expect(first).toMatch(/one update moves x/);
    expect(first).not.toContain("2.4");
    expect(checkExercise("1.5", 1).message).toContain("= 2.4");
    expect(checkExercise("2.4").message).toMatch(/after one update/);
    expect(parseDecimal("-.5")).toBe(-0.5);
    expect(parseDecimal("1e3")).toBeNull();
  });
});

describe("numbers as page text", () => {
  test("never NaN or Infinity; a real minus sign", () => {
    expect([NaN, Infinity, -Infinity].map((x) => formatNumber(x))).toEqual(["—", "—", "—"]);
    expect(formatNumber(-2.4)).toBe("−2.4");
    expect(formatNumber(1.92, 6)).toBe("1.92");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(2.5e7, 3)).toBe("2.50e+7");
    expect(formatNumber(-3e-7, 2)).toBe("−3.0e−7");
  });
  test("large counts are said as a reader would: exact below 10,000, two digits in words above", () => {
    expect(aboutCount(37.4)).toBe("37");
    expect(aboutCount(4528)).toBe("4,528");
    expect(aboutCount(4_528_315)).toBe("about 4.5 million");
    expect(aboutCount(45_280)).toBe("about 45 thousand");
    expect(aboutCount(999_999)).toBe("about 1 million");
    expect(aboutCount(2.3e10)).toBe("about 23 billion");
    expect(aboutCount(4.5e17)).toBe("about 4.5e+17");
    expect(aboutCount(Infinity)).toBe("—");
  });
});
