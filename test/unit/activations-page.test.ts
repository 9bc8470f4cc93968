import {describe, expect, test} from "vitest";
import {CATALOGUE_IDS, catalogueEntry, curveSamples, DEFAULT_PARAMS, type CatalogueParams} from "../../src/components/nn/activation-catalogue.js";
import {timeActivation, timingInputs, warmUp} from "../../src/components/nn/activation-timing.js";

const PARAM_SETS: CatalogueParams[] = [
  DEFAULT_PARAMS,
  {beta: 2.5, alpha: 0.3, eluAlpha: 0.5, maxout: [{w: 2, b: 1}, {w: -1, b: 0.5}]}
];

describe("the activation catalogue", () => {
  test.each(PARAM_SETS.flatMap((p, i) => CATALOGUE_IDS.map((id) => [`${id} (parameter set ${i})`, id, p] as const)))(
    "%s: derivative matches a finite difference at 50 points away from kinks",
    (_name, id, params) => {
      const entry = catalogueEntry(id, params);
      const h = 1e-6;
      let checked = 0;
      for (let k = 0; k < 60 && checked < 50; ++k) {
        const s = -4 + (8 * (k + 0.37)) / 60;
        if (entry.kinks.some((kink) => Math.abs(s - kink) < 1e-3)) continue;
        const numeric = (entry.f(s + h) - entry.f(s - h)) / (2 * h);
        expect(entry.derivative(s)).toBeCloseTo(numeric, 5);
        checked++;
      }
      expect(checked).toBe(50);
    }
  );
  test("sigmoid with slope β: derivative is β·τ(1−τ), at most β/4 at s = 0", () => {
    for (const beta of [0.5, 1, 2.5]) {
      const entry = catalogueEntry("sigmoid", {...DEFAULT_PARAMS, beta});
      for (const s of [-3, -0.5, 0, 1.2, 6]) {
        const t = entry.f(s);
        expect(entry.derivative(s)).toBeCloseTo(beta * t * (1 - t), 14);
      }
      expect(entry.derivative(0)).toBeCloseTo(beta / 4, 14);
    }
  });
  test("step: zero derivative everywhere it exists, a kink (undefined derivative) at 0", () => {
    const entry = catalogueEntry("step");
    expect(entry.kinks).toEqual([0]);
    for (const s of [-2, -1e-3, 1e-3, 2]) expect(entry.derivative(s)).toBe(0);
  });
  test("leaky ReLU is max(αx, x) with the lecture's α = 0.1 by default", () => {
    const entry = catalogueEntry("leaky-relu");
    expect(entry.f(-2)).toBeCloseTo(-0.2, 12);
    expect(entry.f(3)).toBe(3);
    expect(entry.tex).toContain("0.1");
  });
  test("leaky ReLU at α = 0.1 is not zero-centred: over standard-normal s its mean output is 0.36, ReLU's 0.40", () => {
    // Midpoint rule over s ∈ [−8, 8] with the normal density.
    const meanOutput = (f: (s: number) => number) => {
      const h = 1e-3;
      let sum = 0;
      for (let s = -8 + h / 2; s < 8; s += h) sum += (f(s) * Math.exp(-s * s / 2) * h) / Math.sqrt(2 * Math.PI);
      return sum;
    };
    const leaky = meanOutput(catalogueEntry("leaky-relu").f);
    expect(leaky).toBeCloseTo(0.9 / Math.sqrt(2 * Math.PI), 4);
    expect(leaky).toBeGreaterThan(0.85 * meanOutput(catalogueEntry("relu").f));
    expect(catalogueEntry("leaky-relu").notes.zeroCentred).toMatch(/^no/);
  });
  test("maxout's kink is where its two lines cross; parallel lines have none", () => {
    const entry = catalogueEntry("maxout", {...DEFAULT_PARAMS, maxout: [{w: 1, b: 0}, {w: -1, b: 2}]});
    expect(entry.kinks).toEqual([1]);
    expect(entry.f(1)).toBe(1);
    expect([entry.derivative(0), entry.derivative(2)]).toEqual([-1, 1]);
    expect(catalogueEntry("maxout", {...DEFAULT_PARAMS, maxout: [{w: 1, b: 0}, {w: 1, b: 2}]}).kinks).toEqual([]);
    expect(entry.tex).toContain(String.raw`\max(s,\ -s + 2)`);
    expect(catalogueEntry("maxout", {...DEFAULT_PARAMS, maxout: [{w: 0.5, b: -1}, {w: 0, b: 0}]}).tex).toContain(String.raw`\max(0.5\,s - 1,\ 0)`);
  });
  test("ELU has a kink in its slope only when α ≠ 1", () => {
    expect(catalogueEntry("elu").kinks).toEqual([]);
    expect(catalogueEntry("elu", {...DEFAULT_PARAMS, eluAlpha: 0.5}).kinks).toEqual([0]);
  });
  test("every entry has a note on range, zero-centring, zero gradient and cost", () => {
    for (const id of CATALOGUE_IDS) {
      const {notes} = catalogueEntry(id);
      for (const text of Object.values(notes)) expect(text.length).toBeGreaterThan(1);
    }
  });
});

describe("curve samples", () => {
  test("break at kinks: no segment crosses one, and the derivative is never sampled at a kink", () => {
    const entry = catalogueEntry("relu");
    const points = curveSamples(entry, [-3, 3], 120);
    const segments = new Set(points.map((p) => p.segment));
    expect(segments).toEqual(new Set([0, 1]));
    for (const p of points) {
      expect(p.s === 0).toBe(false);
      expect(p.derivative).toBe(p.segment === 0 ? 0 : 1);
    }
    expect(points[0].s).toBe(-3);
    expect(points.at(-1)!.s).toBe(3);
  });
  test("smooth functions are one segment of finite numbers", () => {
    const points = curveSamples(catalogueEntry("tanh"), [-5, 5], 50);
    expect(new Set(points.map((p) => p.segment)).size).toBe(1);
    expect(points.every((p) => Number.isFinite(p.f) && Number.isFinite(p.derivative))).toBe(true);
  });
});

describe("activation timing", () => {
  test("keeps the fastest of the repeats and the sum of the outputs", () => {
    let t = 0;
    const durations = [5, 3, 4];
    let call = 0;
    // Each repeat reads the clock twice: start, then start + duration.
    const now = () => (call++ % 2 === 0 ? t : (t += durations[(call >> 1) - 1]));
    const inputs = timingInputs(11);
    expect(inputs[0]).toBe(-5);
    expect(inputs[10]).toBe(5);
    const timing = timeActivation((s) => (s > 0 ? s : 0), inputs, now, 3);
    expect(timing.bestMs).toBe(3);
    expect(timing.nsPerValue).toBeCloseTo((3 * 1e6) / 11, 9);
    expect(timing.checksum).toBeCloseTo(1 + 2 + 3 + 4 + 5, 12);
  });
  test("the warm-up runs every function before any is timed", () => {
    const seen = new Set<string>();
    warmUp([(s) => (seen.add("a"), s), (s) => (seen.add("b"), -s)], timingInputs(100));
    expect(seen).toEqual(new Set(["a", "b"]));
  });
});
