import {describe, expect, test} from "vitest";
import {sigmoidWithSlope, step} from "../../src/components/nn/activations.js";
import {truthTable} from "../../src/components/nn/gates.js";
import {bentGrid, hiddenPoints, hiddenSeparatingLine, segmentsIntersect, separates, separatingLine} from "../../src/components/nn/hidden-space.js";
import {compositionLayers, compositionTable, composeForward, XOR_COMPOSITION} from "../../src/components/nn/xor-composition.js";
import {gradientList, lossAndGradients, parameters, type Mlp} from "../../src/components/nn/mlp.js";
import {CONVERGING_SEED, correctCount, STALLING_SEED, XOR_DATA, XOR_DEFAULTS, xorOutputs, xorStatus, xorTrainer} from "../../src/components/nn/xor-training.js";

/** √(sum of squares) over all entries of the arrays. */
const euclidean = (arrays: Float64Array[]) => Math.sqrt(arrays.reduce((sum, a) => sum + a.reduce((q, v) => q + v * v, 0), 0));

/**
 * The largest eigenvalue of the loss's Hessian at the network's weights: power iteration
 * on Hessian-vector products, each a central difference of two gradients.
 */
function largestCurvature(net: Mlp, iterations = 100): number {
  const params = parameters(net);
  const gradient = () => gradientList(lossAndGradients(net, XOR_DATA.inputs, XOR_DATA.targets, XOR_DEFAULTS.loss).grad).flatMap((g) => [...g]);
  const shift = (direction: number[], h: number) => {
    let k = 0;
    for (const p of params) for (let i = 0; i < p.length; ++i) p[i] += h * direction[k++];
  };
  let v = gradient().map((_, i) => Math.sin(i + 1));
  let curvature = 0;
  const h = 1e-5;
  for (let it = 0; it < iterations; ++it) {
    const length = Math.hypot(...v);
    v = v.map((x) => x / length);
    shift(v, h);
    const plus = gradient();
    shift(v, -2 * h);
    const minus = gradient();
    shift(v, h);
    const hv = plus.map((g, i) => (g - minus[i]) / (2 * h));
    curvature = hv.reduce((sum, x, i) => sum + x * v[i], 0);
    v = hv;
  }
  return curvature;
}

describe("XOR by composition: AND(NAND(x₁, x₂), OR(x₁, x₂))", () => {
  test("gives XOR's truth table, with NAND and OR in the hidden layer", () => {
    const rows = compositionTable();
    expect(rows.map((r) => [r.x[0], r.x[1], r.y])).toEqual(truthTable("xor").map((r) => [r.x1, r.x2, r.y]));
    expect(rows.map((r) => r.s[0])).toEqual(truthTable("nand").map((r) => r.y));
    expect(rows.map((r) => r.s[1])).toEqual(truthTable("or").map((r) => r.y));
  });
  test("uses the lecture's weights and keeps the weighted sums", () => {
    expect(XOR_COMPOSITION.hidden[0]).toEqual({w1: -0.5, w2: -0.5, b: 0.7});
    expect(XOR_COMPOSITION.hidden[1]).toEqual({w1: 0.5, w2: 0.5, b: -0.2});
    expect(XOR_COMPOSITION.output).toEqual({w1: 0.5, w2: 0.5, b: -0.7});
    const v = composeForward(XOR_COMPOSITION, 1, 1);
    expect(v.g[0]).toBeCloseTo(-0.3, 12);
    expect(v.g[1]).toBeCloseTo(0.8, 12);
    expect(v.h).toBeCloseTo(-0.2, 12);
  });
  test("in the engine's layout weights[0][j·2 + i] connects input i to hidden unit j", () => {
    const {weights, biases} = compositionLayers(XOR_COMPOSITION);
    expect(Array.from(weights[0])).toEqual([-0.5, -0.5, 0.5, 0.5]);
    expect(Array.from(biases[0])).toEqual([0.7, -0.2]);
    expect(Array.from(weights[1])).toEqual([0.5, 0.5]);
    expect(Array.from(biases[1])).toEqual([-0.7]);
  });
});

describe("the hidden layer's view", () => {
  test("no line separates XOR in input space; one does in hidden space", () => {
    expect(separatingLine([[1, 0], [0, 1]], [[0, 0], [1, 1]])).toBeNull();
    const points = hiddenPoints(XOR_COMPOSITION, step);
    expect(points.map((p) => p.s)).toEqual([[1, 0], [1, 1], [1, 1], [0, 1]]);
    const line = hiddenSeparatingLine(points);
    expect(line).not.toBeNull();
    expect(separates(line!, points)).toBe(true);
    // The lecture's AND unit is such a line.
    expect(separates(XOR_COMPOSITION.output, points)).toBe(true);
  });
  test("with sigmoid hidden units of slope 5 the points still separate, and the grid bends", () => {
    const sigmoid5 = sigmoidWithSlope(5);
    const points = hiddenPoints(XOR_COMPOSITION, sigmoid5);
    expect(separates(hiddenSeparatingLine(points)!, points)).toBe(true);
    const [line] = bentGrid(XOR_COMPOSITION, sigmoid5, [0], 21);
    // The image of the straight line x₁ = 0 is not straight: its midpoint leaves the chord.
    const [a, m, b] = [line.points[0], line.points[10], line.points[20]];
    const offChord = Math.abs((b[0] - a[0]) * (m[1] - a[1]) - (b[1] - a[1]) * (m[0] - a[0]));
    expect(offChord).toBeGreaterThan(1e-3);
  });
  test("two copies of the OR unit put the points on one diagonal: no line separates them", () => {
    const net = {...XOR_COMPOSITION, hidden: [XOR_COMPOSITION.hidden[1], XOR_COMPOSITION.hidden[1]] as typeof XOR_COMPOSITION.hidden};
    expect(hiddenSeparatingLine(hiddenPoints(net, sigmoidWithSlope(5)))).toBeNull();
  });
  test("segment intersection handles crossing, touching and disjoint segments", () => {
    expect(segmentsIntersect([0, 0], [1, 1], [1, 0], [0, 1])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [1, 0], [2, 5])).toBe(true);
    expect(segmentsIntersect([0, 0], [1, 0], [0, 1], [1, 1])).toBe(false);
  });
});

describe("training a 2-H-1 network on XOR", () => {
  const runUntilSolved = (settings: typeof XOR_DEFAULTS, maxEpochs: number) => {
    const trainer = xorTrainer(settings);
    for (const _ of trainer.epochs(maxEpochs)) if (xorStatus(trainer) === "solved") break;
    return trainer;
  };
  test("the page's default settings reach 4/4 within 1000 epochs", () => {
    const trainer = runUntilSolved(XOR_DEFAULTS, 1000);
    expect(correctCount(trainer.net)).toBe(4);
    expect(trainer.epoch).toBeLessThan(1000);
  });
  test(`H = 2 from seed ${STALLING_SEED} stalls on a plateau: two outputs stuck at 0.5, E = 0.0625`, () => {
    const trainer = xorTrainer({...XOR_DEFAULTS, hidden: 2, seed: STALLING_SEED});
    for (const _ of trainer.epochs(20_000));
    expect(xorStatus(trainer)).toBe("stalled");
    expect(trainer.evaluate()).toBeCloseTo(0.0625, 3);
    expect(xorOutputs(trainer.net).filter((y) => Math.abs(y - 0.5) < 0.01)).toHaveLength(2);
  });
  test(`the H = 2, seed ${STALLING_SEED} stall is a plateau approached as the weights grow, not a finite minimum`, () => {
    const trainer = xorTrainer({...XOR_DEFAULTS, hidden: 2, seed: STALLING_SEED});
    const snapshots: {loss: number; weights: number; gradient: number}[] = [];
    let done = 0;
    for (const epochs of [1000, 5000, 20_000]) {
      for (const _ of trainer.epochs(epochs - done));
      done = epochs;
      const {loss, grad} = lossAndGradients(trainer.net, XOR_DATA.inputs, XOR_DATA.targets, XOR_DEFAULTS.loss);
      snapshots.push({loss, weights: euclidean(parameters(trainer.net)), gradient: euclidean(gradientList(grad))});
    }
    const [a, b, c] = snapshots;
    // The loss keeps falling toward 0.0625 but never below it…
    expect(a.loss).toBeGreaterThan(b.loss);
    expect(b.loss).toBeGreaterThan(c.loss);
    expect(c.loss).toBeGreaterThan(0.0625);
    // …while the weights keep growing (the page: about 11, then 18) and the gradient fades (2e-3, then 5e-5).
    expect(b.weights).toBeGreaterThan(a.weights);
    expect(c.weights).toBeGreaterThan(b.weights);
    expect(a.weights).toBeCloseTo(11, 0);
    expect(c.weights).toBeCloseTo(18, 0);
    expect(a.gradient).toBeGreaterThan(1e-3);
    expect(a.gradient).toBeLessThan(3e-3);
    expect(c.gradient).toBeLessThan(1e-4);
  });
  test("the XOR loss curves about 0.14 at the start, so η = 2 is far below its 2/c ≈ 14 limit (x² curves 2: limit 1)", () => {
    const trainer = xorTrainer(XOR_DEFAULTS);
    const c = largestCurvature(trainer.net);
    expect(c).toBeGreaterThan(0.13);
    expect(c).toBeLessThan(0.15);
    expect(2 / c).toBeGreaterThan(XOR_DEFAULTS.learningRate * 5);
  });
  test(`H = 2 from seed ${CONVERGING_SEED} solves XOR`, () => {
    const trainer = runUntilSolved({...XOR_DEFAULTS, hidden: 2, seed: CONVERGING_SEED}, 20_000);
    expect(xorStatus(trainer)).toBe("solved");
  });
  test("a linear hidden layer cannot solve XOR", () => {
    const trainer = xorTrainer({...XOR_DEFAULTS, activation: "linear", learningRate: 0.5});
    for (const _ of trainer.epochs(5000));
    expect(correctCount(trainer.net)).toBeLessThan(4);
    expect(xorStatus(trainer)).toBe("stalled");
  });
});
