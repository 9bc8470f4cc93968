/**
 * The MNIST page's reference-run table as plain rows: every run's optimiser
 * and learning rate, and its test accuracy after COMPARISON_EPOCHS, so the
 * 5-epoch comparisons sit beside the lecture run at the same epoch (its
 * 15-epoch result in its own column). Pure; the page renders it.
 */
import {COMPARISON_EPOCHS} from "./comparisons.js";
import type {ReferenceLog} from "./reference-log.js";

export interface ReferenceRow {
  label: string;
  /** e.g. "Adam, η = 0.001" */
  optimizer: string;
  /** Test accuracy after COMPARISON_EPOCHS epochs; null when the run diverged before. */
  atComparison: number | null;
  /** Test accuracy after the run's last epoch, for runs longer than the comparisons. */
  atEnd: number | null;
  /** The lecture's own measure at the last epoch: the mean of per-batch accuracies. */
  batchMean: number | null;
  epochs: number;
  wallSeconds: number;
  backend: string;
}

export function referenceRows(runs: {label: string; log: ReferenceLog}[]): ReferenceRow[] {
  return runs.map(({label, log}) => {
    const {recipe, test} = log;
    const last = test.at(-1);
    return {
      label,
      optimizer: `${recipe.optimizer === "adam" ? "Adam" : "SGD"}, η = ${recipe.learningRate}`,
      atComparison: test.find((e) => e.epoch === COMPARISON_EPOCHS)?.accuracy ?? null,
      atEnd: recipe.epochs > COMPARISON_EPOCHS && last?.epoch === recipe.epochs ? last.accuracy : null,
      batchMean: last?.batchMeanAccuracy ?? null,
      epochs: recipe.epochs,
      wallSeconds: log.wallSeconds,
      backend: `${log.backend}, TensorFlow.js ${log.versions.tfjs}`
    };
  });
}
