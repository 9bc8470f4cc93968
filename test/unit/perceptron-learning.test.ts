import {describe, expect, test} from "vitest";
import {sigmoid, step, tanh} from "../../src/components/nn/activations.js";
import {truthTable, type GateId} from "../../src/components/nn/gates.js";
import {perceptron} from "../../src/components/nn/perceptron.js";
import {
  countErrors,
  initialWeights,
  perceptronRule,
  predictedClass,
  sigmoidRule,
  train,
  trainingReports,
  type EpochReport,
  type StepReport
} from "../../src/components/nn/perceptron-learning.js";

const SEPARABLE: GateId[] = ["and", "nand", "or", "nor"];
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const initialWeightsNorm = (seed: number) => {
  const {w1, w2, b} = initialWeights(seed);
  return Math.hypot(w1, w2, b);
};

describe("one update", () => {
  test("the perceptron rule adds η(t − y)x on a mistake and nothing otherwise", () => {
    const zero = {w1: 0, w2: 0, b: 0};
    // Output 0 (sum 0 is not > 0), target 1: every weight on an active input grows by η.
    expect(perceptronRule.update(zero, {x1: 1, x2: 1, y: 1}, 0.1)).toEqual({output: 0, next: {w1: 0.1, w2: 0.1, b: 0.1}});
    // x₂ = 0 leaves w₂ alone.
    expect(perceptronRule.update({w1: 0.5, w2: 0.5, b: 0}, {x1: 1, x2: 0, y: 0}, 0.25)).toEqual({output: 1, next: {w1: 0.25, w2: 0.5, b: -0.25}});
    // Right answer: no change.
    expect(perceptronRule.update({w1: 0.5, w2: 0.5, b: -0.7}, {x1: 1, x2: 1, y: 1}, 1).next).toEqual({w1: 0.5, w2: 0.5, b: -0.7});
  });

  test("gradient descent on a sigmoid unit steps by −η(y − t)·y(1 − y)·x", () => {
    // s = 0 → y = 0.5, δ = (0.5 − 1)·0.25 = −0.125.
    const {output, next} = sigmoidRule.update({w1: 0, w2: 0, b: 0}, {x1: 1, x2: 0, y: 1}, 1);
    expect(output).toBe(0.5);
    expect(next).toEqual({w1: 0.125, w2: 0, b: 0.125});
  });
});

describe("predicted class", () => {
  test("is w₁x₁ + w₂x₂ + b > 0 whatever the activation's range", () => {
    const w = {w1: 0.5, w2: 0.5, b: -0.7};
    for (const activation of [step, sigmoid, tanh]) {
      expect(predictedClass(activation, w, 1, 1)).toBe(1);
      expect(predictedClass(activation, w, 1, 0)).toBe(0);
    }
    expect(countErrors(step, w, truthTable("and"))).toBe(0);
    expect(countErrors(step, w, truthTable("or"))).toBe(2);
  });
});

describe("the perceptron rule", () => {
  test.each(SEPARABLE)("converges on %s from ten seeds and four learning rates, to weights that compute the gate", (gate) => {
    for (const learningRate of [0.01, 0.1, 0.5, 1]) {
      for (const seed of SEEDS) {
        const result = train({samples: truthTable(gate), rule: "perceptron", learningRate, seed}, 1000);
        expect(result.convergedAt, `${gate} η=${learningRate} seed ${seed}`).not.toBeNull();
        for (const row of truthTable(gate)) expect(perceptron(result.weights, row.x1, row.x2)).toBe(row.y);
      }
    }
  });

  test("never converges on XOR within 1,000 epochs, and its weights come back round", () => {
    for (const learningRate of [0.01, 0.1, 0.5, 1]) {
      for (const seed of SEEDS) {
        const result = train({samples: truthTable("xor"), rule: "perceptron", learningRate, seed}, 1000);
        expect(result.convergedAt).toBeNull();
        expect(result.epochs).toHaveLength(1000);
        expect(Math.min(...result.epochs.map((e) => e.errors))).toBeGreaterThanOrEqual(1);
        // A weight state repeats: the rule is in a cycle, not slowly getting there.
        const repeat = result.epochs.find((e) => e.repeatOf !== null);
        expect(repeat).toBeDefined();
        const {repeatOf, weights} = repeat!;
        const earlier = repeatOf === 0 ? initialWeights(seed) : result.epochs[repeatOf! - 1].weights;
        for (const key of ["w1", "w2", "b"] as const) expect(weights[key]).toBeCloseTo(earlier[key], 9);
      }
    }
  });

  test("stops changing the weights once every row is right", () => {
    const reports = trainingReports({samples: truthTable("or"), rule: "perceptron", learningRate: 0.1, seed: 3});
    let converged: EpochReport | undefined;
    const steps: StepReport[] = [];
    for (const report of reports) {
      if (report.kind === "step") steps.push(report);
      else if (report.converged) {
        if (converged) break;
        converged = report;
      }
      if (steps.length > 4000) throw new Error("did not converge");
    }
    const after = steps.filter((s) => s.epoch === converged!.epoch + 1);
    expect(after).toHaveLength(4);
    for (const s of after) expect(s.after).toEqual(s.before);
  });
});

describe("the page's claims about speed at the default η = 0.1", () => {
  const epochsToLearn = (gate: GateId, rule: "perceptron" | "sigmoid", learningRate: number) =>
    SEEDS.map((seed) => train({samples: truthTable(gate), rule, learningRate, seed}, 5000).convergedAt!);

  test("the perceptron rule learns every separable gate within 11 epochs from seeds 1–10", () => {
    for (const gate of SEPARABLE) {
      expect(Math.max(...epochsToLearn(gate, "perceptron", 0.1)), gate).toBeLessThanOrEqual(11);
    }
  });

  test("the sigmoid rule needs 119–160 epochs for AND and up to 195 for OR; at η = 2, AND takes 2–7 and OR 9–12", () => {
    const and = epochsToLearn("and", "sigmoid", 0.1);
    expect([Math.min(...and), Math.max(...and)]).toEqual([119, 160]);
    expect(Math.max(...epochsToLearn("or", "sigmoid", 0.1))).toBe(195);
    const fastAnd = epochsToLearn("and", "sigmoid", 2);
    const fastOr = epochsToLearn("or", "sigmoid", 2);
    expect([Math.min(...fastAnd), Math.max(...fastAnd)]).toEqual([2, 7]);
    expect([Math.min(...fastOr), Math.max(...fastOr)]).toEqual([9, 12]);
  });

  test("the sigmoid rule never stops updating: after learning AND its weights keep growing", () => {
    const norm = ({w1, w2, b}: {w1: number; w2: number; b: number}) => Math.hypot(w1, w2, b);
    // train() stops at the first epoch with every row right, so run past it on the reports.
    const checkpoints = [1, 100, 1000, 5000];
    const norms: number[] = [];
    for (const r of trainingReports({samples: truthTable("and"), rule: "sigmoid", learningRate: 2, seed: 1})) {
      if (r.kind === "epoch" && checkpoints.includes(r.epoch)) norms.push(norm(r.weights));
      if (norms.length === checkpoints.length) break;
    }
    for (let k = 1; k < norms.length; ++k) expect(norms[k]).toBeGreaterThan(norms[k - 1]);
  });
});

describe("gradient descent on a sigmoid unit", () => {
  test.each(SEPARABLE)("classifies %s correctly within 1,000 epochs from ten seeds at η = 0.5, 1, 2", (gate) => {
    for (const learningRate of [0.5, 1, 2]) {
      for (const seed of SEEDS) {
        const result = train({samples: truthTable(gate), rule: "sigmoid", learningRate, seed}, 1000);
        expect(result.convergedAt, `${gate} η=${learningRate} seed ${seed}`).not.toBeNull();
      }
    }
  });

  test("never gets XOR right within 1,000 epochs: at least one row stays wrong and the loss stalls near ⅛", () => {
    for (const learningRate of [0.1, 0.5, 1, 2]) {
      for (const seed of SEEDS) {
        const result = train({samples: truthTable("xor"), rule: "sigmoid", learningRate, seed}, 1000);
        expect(result.convergedAt).toBeNull();
        expect(Math.min(...result.epochs.map((e) => e.errors))).toBeGreaterThanOrEqual(1);
        // The best a line can do for XOR with squared error is output ½ everywhere: E = ½·(½)² = 0.125.
        expect(result.epochs.at(-1)!.loss).toBeGreaterThan(0.12);
      }
    }
  });

  test("on XOR the unit cannot commit: outputs drift to about ½ and two or three rows end up wrong", () => {
    const outputs = (w: {w1: number; w2: number; b: number}) => truthTable("xor").map((r) => sigmoid.f(w.w1 * r.x1 + w.w2 * r.x2 + w.b));
    for (const seed of SEEDS) {
      // Small steps: the weights shrink toward 0, so every output ends within 0.01 of ½.
      const slow = train({samples: truthTable("xor"), rule: "sigmoid", learningRate: 0.1, seed}, 5000).weights;
      expect(Math.hypot(slow.w1, slow.w2, slow.b)).toBeLessThan(initialWeightsNorm(seed));
      for (const y of outputs(slow)) expect(Math.abs(y - 0.5)).toBeLessThan(0.01);
      // η = 2: the row-by-row steps circle near ½, with three rows wrong at the end of every epoch.
      const fast = train({samples: truthTable("xor"), rule: "sigmoid", learningRate: 2, seed}, 1000);
      expect(fast.epochs.at(-1)!.errors).toBe(3);
      for (const y of outputs(fast.weights)) expect(Math.abs(y - 0.5)).toBeLessThan(0.15);
    }
    // At η = 0.1, seed 3 also ends with three rows wrong.
    expect(train({samples: truthTable("xor"), rule: "sigmoid", learningRate: 0.1, seed: 3}, 5000).epochs.at(-1)!.errors).toBe(3);
  });

  test("on XOR both rules end their epochs with two or three rows wrong", () => {
    for (const rule of ["perceptron", "sigmoid"] as const) {
      for (const learningRate of [0.5, 1, 2]) {
        for (const seed of SEEDS) {
          const late = train({samples: truthTable("xor"), rule, learningRate, seed}, 1000).epochs.slice(500);
          for (const e of late) expect([2, 3], `${rule} η=${learningRate} seed ${seed}`).toContain(e.errors);
        }
      }
    }
  });
});

describe("training reports", () => {
  test("visit the samples in order and chain the weights from step to step", () => {
    const reports = trainingReports({samples: truthTable("and"), rule: "sigmoid", learningRate: 0.5, initial: {w1: 0, w2: 0, b: 0}});
    const first: (StepReport | EpochReport)[] = [];
    for (const r of reports) {
      first.push(r);
      if (first.length === 10) break;
    }
    expect(first.map((r) => r.kind)).toEqual(["step", "step", "step", "step", "epoch", "step", "step", "step", "step", "epoch"]);
    const steps = first.filter((r): r is StepReport => r.kind === "step");
    expect(steps[0].before).toEqual({w1: 0, w2: 0, b: 0});
    for (let i = 1; i < steps.length; ++i) expect(steps[i].before).toEqual(steps[i - 1].after);
    expect(steps.map((s) => [s.sample.x1, s.sample.x2])).toEqual([[0, 0], [1, 0], [0, 1], [1, 1], [0, 0], [1, 0], [0, 1], [1, 1]]);
  });

  test("reject a learning rate that is not a positive number", () => {
    for (const learningRate of [0, -1, NaN, Infinity]) {
      expect(() => trainingReports({samples: truthTable("and"), rule: "perceptron", learningRate}).next()).toThrow(RangeError);
    }
  });
});
