/**
 * The run-to-run spread of one recipe: the same recipe trained with several
 * seeds (different initial weights, a different shuffle), summarised by its
 * test accuracy after the last epoch. It says how far one run's final figure,
 * the lecture's included, can be from another's for no reason but chance. Pure.
 */
import type {Recipe} from "./recipe.js";
import type {ReferenceLog} from "./reference-log.js";

export interface SeedCurve {
  seed: number;
  /** Test accuracy after each epoch. */
  test: {epoch: number; accuracy: number}[];
  /** After the last epoch: correct of all test images, and the lecture's batch mean. */
  accuracy: number;
  batchMean: number;
}

export interface SeedSpread {
  /** By seed, ascending. */
  curves: SeedCurve[];
  epochs: number;
  /** Of the final accuracies (share of correct test images). */
  min: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n − 1). */
  sd: number;
  /** The largest change of one run's test accuracy from an epoch to the next, from epoch ⌈epochs / 2⌉ on. */
  largestLateSwing: number;
}

/** The spread of complete runs of one recipe; throws if they are not that. */
export function seedSpread(logs: readonly ReferenceLog[]): SeedSpread {
  if (logs.length < 2) throw new Error("a spread needs at least two runs");
  const epochs = logs[0].recipe.epochs;
  const unseeded = (r: Recipe) => JSON.stringify({...r, seed: 0});
  for (const log of logs) {
    if (unseeded(log.recipe) !== unseeded(logs[0].recipe)) throw new Error(`seed ${log.recipe.seed} was trained with a different recipe`);
    if (log.status !== "done" || log.test.length !== epochs) throw new Error(`seed ${log.recipe.seed} did not finish its ${epochs} epochs`);
  }
  const curves = logs
    .map(({recipe: {seed}, test}) => {
      const end = test[test.length - 1];
      return {seed, test: test.map(({epoch, accuracy}) => ({epoch, accuracy})), accuracy: end.accuracy, batchMean: end.batchMeanAccuracy};
    })
    .sort((a, b) => a.seed - b.seed);
  const finals = curves.map((c) => c.accuracy);
  const mean = finals.reduce((s, x) => s + x, 0) / finals.length;
  const sd = Math.sqrt(finals.reduce((s, x) => s + (x - mean) ** 2, 0) / (finals.length - 1));
  let largestLateSwing = 0;
  for (const {test} of curves) {
    for (let i = Math.ceil(epochs / 2); i < test.length; ++i) largestLateSwing = Math.max(largestLateSwing, Math.abs(test[i].accuracy - test[i - 1].accuracy));
  }
  return {curves, epochs, min: Math.min(...finals), max: Math.max(...finals), mean, sd, largestLateSwing};
}
