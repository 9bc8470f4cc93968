import {describe, expect, test} from "vitest";
import {sigmoidWithSlope} from "../../src/components/nn/activations.js";
import {deepNet, firstToLastRatio, gradientNormsAtInit, quadrantDataset, vanishingExperiment} from "../../src/components/nn/vanishing.js";

describe("gradient norm per layer", () => {
  test("the dataset is reproducible and labels the XOR quadrants", () => {
    const a = quadrantDataset(32, 5);
    expect(a).toEqual(quadrantDataset(32, 5));
    a.inputs.forEach(([x, y], k) => expect(a.targets[k][0]).toBe(x * y > 0 ? 1 : 0));
    expect(new Set(a.targets.map((t) => t[0])).size).toBe(2);
  });
  test("a 10-layer sigmoid network at initialisation: first/last ratio below 1e-3", () => {
    for (const init of ["small-uniform", "xavier"] as const) {
      const m = gradientNormsAtInit({depth: 10, width: 16, activation: "sigmoid", init});
      expect(m.norms).toHaveLength(11);
      expect(m.ratio).toBeLessThan(1e-3);
      // The norms grow layer by layer from the input to the output.
      m.norms.slice(1).forEach((n, k) => expect(n).toBeGreaterThan(m.norms[k]));
    }
  });
  test("the bound β/4 per layer matters: β = 4 (slope up to 1) keeps over 100× more of the gradient than β = 1 (up to 1/4)", () => {
    const flat = gradientNormsAtInit({depth: 10, width: 16, activation: sigmoidWithSlope(1), init: "xavier"}).ratio!;
    const steep = gradientNormsAtInit({depth: 10, width: 16, activation: sigmoidWithSlope(4), init: "xavier"}).ratio!;
    expect(steep / flat).toBeGreaterThan(100);
  });
  test("ReLU with He initialisation: first/last ratio between 0.1 and 10", () => {
    const m = gradientNormsAtInit({depth: 10, width: 16, activation: "relu", init: "he"});
    expect(m.ratio).toBeGreaterThan(0.1);
    expect(m.ratio).toBeLessThan(10);
  });
  test("a fixed ±0.5 range ignores fan-in: with ReLU, narrow layers shrink the gradient and wide ones blow it up; He keeps it in size", () => {
    const lastLayer = (width: number, init: "small-uniform" | "he") => gradientNormsAtInit({depth: 10, width, activation: "relu", init}).norms.at(-1)!;
    // The page: about 1e-5 with 4 units per layer, about 15 with 64.
    expect(lastLayer(4, "small-uniform")).toBeLessThan(1e-4);
    expect(lastLayer(64, "small-uniform")).toBeGreaterThan(5);
    for (const width of [4, 8, 16, 32, 64]) {
      const he = gradientNormsAtInit({depth: 10, width, activation: "relu", init: "he"}).norms;
      // The page: every layer between about 0.03 and 3.
      for (const n of he) expect(n, `He, width ${width}`).toBeGreaterThan(0.02);
      for (const n of he) expect(n, `He, width ${width}`).toBeLessThan(3);
    }
  });
  test("ReLU and tanh keep the layers level (first/last within 10×) under every initialisation and width; sigmoid never does", () => {
    for (const init of ["small-uniform", "xavier", "he"] as const) {
      for (const width of [4, 8, 16, 32, 64]) {
        for (const activation of ["relu", "tanh"] as const) {
          const ratio = gradientNormsAtInit({depth: 10, width, activation, init}).ratio!;
          expect(ratio, `${activation} ${init} ${width}`).toBeGreaterThan(0.1);
          expect(ratio, `${activation} ${init} ${width}`).toBeLessThan(10);
        }
        expect(gradientNormsAtInit({depth: 10, width, activation: "sigmoid", init}).ratio!).toBeLessThan(1e-3);
      }
    }
  });
  test("the ratio is null rather than infinite when the last layer's gradient is zero", () => {
    expect(firstToLastRatio([1, 0])).toBeNull();
    expect(firstToLastRatio([1e-6, 1e-2])).toBeCloseTo(1e-4, 15);
  });
  test("depth is the number of hidden layers", () => {
    expect(deepNet({depth: 2, width: 8, activation: "tanh", init: "xavier"}).sizes).toEqual([2, 8, 8, 1]);
    expect(deepNet({depth: 20, width: 4, activation: "relu", init: "he"}).weights).toHaveLength(21);
  });
});

describe("training a deep network", () => {
  test("ReLU with He initialisation learns the quadrants; a 10-layer sigmoid network barely moves", () => {
    const relu = vanishingExperiment({depth: 10, width: 16, activation: "relu", init: "he"});
    const sigmoid = vanishingExperiment({depth: 10, width: 16, activation: "sigmoid", init: "xavier"});
    relu.train(300);
    sigmoid.train(300);
    expect(relu.epochs).toBe(300);
    expect(relu.current.loss).toBeLessThan(0.1 * relu.initial.loss);
    expect(sigmoid.current.loss).toBeGreaterThan(0.9 * sigmoid.initial.loss);
    // The sigmoid network's first layer still gets almost no gradient.
    expect(sigmoid.current.norms[0]).toBeLessThan(1e-5);
    expect(relu.current.norms.every((n) => Number.isFinite(n))).toBe(true);
  });
});
