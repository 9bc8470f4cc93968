import {describe, expect, test} from "vitest";
import {
  backpropSteps,
  DEFAULT_EXAMPLE,
  DEFAULT_PARAMETERS,
  finiteDifferences,
  forwardPass,
  gradientsOf,
  loss,
  num,
  PARAMETER_NAMES,
  toEngineLayout,
  update,
  type TinyParameters
} from "../../src/components/nn/backprop-steps.js";
import {createMlp, forward, lossAndGradients} from "../../src/components/nn/mlp.js";
import {rng} from "../../src/components/nn/rng.js";

/** The engine's 2-2-1 sigmoid network with the same weights. */
function engineNet(p: TinyParameters) {
  const net = createMlp({sizes: [2, 2, 1], hidden: "sigmoid", output: "sigmoid"});
  const {weights, biases} = toEngineLayout(p);
  net.weights.forEach((w, l) => w.set(weights[l]));
  net.biases.forEach((b, l) => b.set(biases[l]));
  return net;
}

function randomParameters(seed: number): TinyParameters {
  const random = rng(seed);
  return Object.fromEntries(PARAMETER_NAMES.map((n) => [n, random.uniform(-2, 2)])) as TinyParameters;
}

describe("the step-through of the 2-2-1 network", () => {
  test("forward pass of the default example: y ≈ 0.690, E ≈ 0.0181", () => {
    const f = forwardPass(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
    expect(f.g[0]).toBeCloseTo(0.1 * 0.35 + 0.8 * 0.9, 12);
    expect(f.g[1]).toBeCloseTo(0.4 * 0.35 + 0.6 * 0.9, 12);
    expect(f.a[0]).toBeCloseTo(0.6803, 4);
    expect(f.a[1]).toBeCloseTo(0.6637, 4);
    expect(f.y).toBeCloseTo(0.6903, 4);
    expect(f.E).toBeCloseTo(0.5 * (f.y - 0.5) ** 2, 14);
    const net = engineNet(DEFAULT_PARAMETERS);
    expect(forward(net, [0.35, 0.9])[0]).toBeCloseTo(f.y, 14);
  });

  test.each([0, 1, 2, 3, 4])("every parameter's gradient equals the engine's (random weights, seed %i)", (seed) => {
    const p = seed === 0 ? DEFAULT_PARAMETERS : randomParameters(seed);
    const random = rng(100 + seed);
    const example = seed === 0 ? DEFAULT_EXAMPLE : {x1: random.uniform(-1, 1), x2: random.uniform(-1, 1), t: random.int(2)};
    const grads = gradientsOf(backpropSteps(p, example));
    const {grad} = lossAndGradients(engineNet(p), [[example.x1, example.x2]], [[example.t]], "mse");
    // The engine's layout: weights[0][j·2 + i] = v_ij, weights[1][j] = w_j.
    const expected: TinyParameters = {
      v11: grad.weights[0][0], v21: grad.weights[0][1], v12: grad.weights[0][2], v22: grad.weights[0][3],
      b1: grad.biases[0][0], b2: grad.biases[0][1], w1: grad.weights[1][0], w2: grad.weights[1][1], c: grad.biases[1][0]
    };
    for (const n of PARAMETER_NAMES) expect(grads[n]).toBeCloseTo(expected[n], 14);
  });

  test("the factors multiply up: upstream gradient × local gradient, in the lecture's closed forms", () => {
    const steps = backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
    const value = (id: string) => steps.find((s) => s.id === id)!.value;
    const {y, a, x, t} = forwardPass(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
    expect(value("dE/dy")).toBeCloseTo(y - t, 14);
    expect(value("dy/dh")).toBeCloseTo(y * (1 - y), 14);
    expect(value("dE/dh")).toBeCloseTo(value("dE/dy") * value("dy/dh"), 14);
    expect(value("dE/dw1")).toBeCloseTo((y - t) * y * (1 - y) * a[0], 14);
    expect(value("dE/dg2")).toBeCloseTo(value("dE/dh") * value("dh/da2") * value("da2/dg2"), 14);
    expect(value("dE/dv12")).toBeCloseTo((y - t) * y * (1 - y) * DEFAULT_PARAMETERS.w2 * a[1] * (1 - a[1]) * x[0], 14);
    // Output layer first, then each hidden unit; every parameter exactly once.
    expect(steps.map((s) => s.id)).toEqual([
      "dE/dy", "dy/dh", "dE/dh", "dE/dw1", "dE/dw2", "dE/dc",
      "dh/da1", "da1/dg1", "dE/dg1", "dE/dv11", "dE/dv21", "dE/db1",
      "dh/da2", "da2/dg2", "dE/dg2", "dE/dv12", "dE/dv22", "dE/db2"
    ]);
    expect(steps.filter((s) => s.parameter).map((s) => s.parameter).sort()).toEqual([...PARAMETER_NAMES].sort());
  });

  test("each step's substituted formula shows its numbers, and what it points at on the drawing", () => {
    const steps = backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
    const dEdy = steps[0];
    expect(dEdy.substituted).toBe("0.6903 - 0.5000");
    const v21 = steps.find((s) => s.id === "dE/dv21")!;
    expect(v21.highlight.edges).toEqual([[0, 0, 1]]); // input x₂ → hidden a₁
    expect(v21.substituted).toContain("0.9000");
    for (const s of steps) expect(s.highlight.nodes.length + s.highlight.edges.length + s.highlight.biases.length).toBeGreaterThan(0);
  });

  test("finite differences agree with every analytic gradient", () => {
    for (const seed of [0, 7, 8]) {
      const p = seed === 0 ? DEFAULT_PARAMETERS : randomParameters(seed);
      const rows = finiteDifferences(p, DEFAULT_EXAMPLE, gradientsOf(backpropSteps(p, DEFAULT_EXAMPLE)));
      expect(rows).toHaveLength(9);
      for (const r of rows) expect(r.difference).toBeLessThan(1e-9);
    }
  });

  test("a wrong gradient is caught by the finite-difference check", () => {
    const grads = gradientsOf(backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE));
    const rows = finiteDifferences(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE, {...grads, v22: grads.v22 * 1.1});
    expect(rows.find((r) => r.parameter === "v22")!.difference).toBeGreaterThan(1e-5);
  });

  test("the update w ← w − η·∂E/∂w lowers the loss for a small η", () => {
    const grads = gradientsOf(backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE));
    const next = update(DEFAULT_PARAMETERS, grads, 0.5);
    expect(next.w1).toBeCloseTo(DEFAULT_PARAMETERS.w1 - 0.5 * grads.w1, 14);
    expect(loss(next, DEFAULT_EXAMPLE)).toBeLessThan(loss(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE));
  });
});

describe("numbers in formulas", () => {
  test("fixed decimals, significant digits for small values, a sign and parentheses for negatives", () => {
    expect(num(0.69034)).toBe("0.6903");
    expect(num(0.0026543)).toBe("0.002654");
    expect(num(-3.1717e-7)).toBe(String.raw`(-3.172 \times 10^{-7})`);
    expect(num(-0.5, 4, false)).toBe("-0.5000");
    expect(num(0)).toBe("0.0000");
    expect(num(NaN)).toBe(String.raw`\text{—}`);
  });
});
