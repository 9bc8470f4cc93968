// The run-to-run spread: its figures from synthetic logs with known answers, and what it refuses.
import {expect, test} from "vitest";
import {LECTURE_RECIPE} from "../../src/components/mnist/recipe.js";
import type {ReferenceLog} from "../../src/components/mnist/reference-log.js";
import {seedSpread} from "../../src/components/mnist/seed-spread.js";

function log(seed: number, accuracies: number[], change: Partial<ReferenceLog["recipe"]> = {}): ReferenceLog {
  return {
    schema: 1,
    key: "0".repeat(24),
    recipe: {...LECTURE_RECIPE, hidden: [...LECTURE_RECIPE.hidden], epochs: accuracies.length, seed, ...change},
    trainImages: 60_000,
    testImages: 10_000,
    train: [],
    test: accuracies.map((accuracy, i) => ({epoch: i + 1, loss: 0.1, accuracy, batchMeanAccuracy: accuracy + 0.0001})),
    status: "done",
    backend: "wasm",
    versions: {tfjs: "4.22.0", node: "20"},
    wallSeconds: 1
  };
}

test("final accuracies: range, mean and sample standard deviation, by seed", () => {
  const spread = seedSpread([log(123, [0.9, 0.96, 0.97, 0.98]), log(1, [0.9, 0.95, 0.97, 0.96]), log(2, [0.9, 0.95, 0.99, 0.97])]);
  expect(spread.curves.map((c) => c.seed)).toEqual([1, 2, 123]);
  expect(spread.epochs).toBe(4);
  expect(spread.min).toBe(0.96);
  expect(spread.max).toBe(0.98);
  expect(spread.mean).toBeCloseTo(0.97, 12);
  // Deviations −0.01, 0, +0.01: Σ = 0.0002 over n − 1 = 2.
  expect(spread.sd).toBeCloseTo(0.01, 12);
  expect(spread.curves[2]).toMatchObject({accuracy: 0.98, batchMean: 0.9801});
  // From epoch 2 on (the second half of 4): seed 2 rises 0.04 from epoch 2 to 3; seed 123's 0.06 from epoch 1 to 2 does not count.
  expect(spread.largestLateSwing).toBeCloseTo(0.04, 12);
});

test("refuses runs of different recipes, unfinished or diverged runs, and a lone run", () => {
  expect(() => seedSpread([log(1, [0.9, 0.95]), log(2, [0.9, 0.95], {learningRate: 0.01})])).toThrow(/seed 2 was trained with a different recipe/);
  const short = {...log(2, [0.9, 0.95]), test: log(2, [0.9]).test};
  expect(() => seedSpread([log(1, [0.9, 0.95]), short])).toThrow(/seed 2 did not finish its 2 epochs/);
  expect(() => seedSpread([log(1, [0.9, 0.95]), {...log(2, [0.9, 0.95]), status: "diverged"}])).toThrow(/did not finish/);
  expect(() => seedSpread([log(1, [0.9, 0.95])])).toThrow(/at least two/);
});
