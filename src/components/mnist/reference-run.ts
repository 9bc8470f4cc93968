/**
 * One reference run: trains a recipe with the page's own Trainer on the
 * backend tfjs currently uses (wasm at build time) and records the log.
 */
import * as tf from "@tensorflow/tfjs-core";
import {DeviceSplit} from "./device-data.js";
import type {Recipe} from "./recipe.js";
import type {ReferenceLog} from "./reference-log.js";
import type {Digits} from "./shard-format.js";
import {Trainer} from "./trainer.js";

export interface ReferenceRunOptions {
  key: string;
  recipe: Recipe;
  train: Digits;
  test: Digits;
  /** Progress lines (e.g. to stderr). */
  report?: (line: string) => void;
}

export async function runReference({key, recipe, train, test, report}: ReferenceRunOptions): Promise<ReferenceLog> {
  const start = performance.now();
  const data = {train: new DeviceSplit(train.count), test: new DeviceSplit(test.count)};
  data.train.append(train);
  data.test.append(test);
  const trainer = new Trainer(recipe, data);
  const log: ReferenceLog = {
    schema: 1,
    key,
    recipe,
    trainImages: train.count,
    testImages: test.count,
    train: [],
    test: [],
    status: "done",
    backend: tf.getBackend(),
    versions: {tfjs: tf.version_core, node: process.versions.node},
    wallSeconds: 0
  };
  try {
    const outcome = await trainer.train({
      onLog: (entry) => log.train.push(entry),
      onEpoch: (epoch, e) => {
        log.test.push({epoch, loss: e.loss, accuracy: e.accuracy, batchMeanAccuracy: e.batchMeanAccuracy});
        report?.(`epoch ${epoch}/${recipe.epochs}: test accuracy ${e.accuracy.toFixed(4)}, ${((performance.now() - start) / 1000).toFixed(0)} s`);
      }
    });
    if (outcome.status === "diverged") {
      log.status = "diverged";
      log.train.push({...outcome.entry, loss: Number.NaN});
    }
  } finally {
    trainer.dispose();
    data.train.dispose();
    data.test.dispose();
  }
  log.wallSeconds = Math.round((performance.now() - start) / 100) / 10;
  return log;
}
