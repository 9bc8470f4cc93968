/** The reference training log: what a build-time run of a recipe records, and its schema check. */
import type {Recipe} from "./recipe.js";
import type {TrainLogEntry} from "./trainer.js";

export interface TestLogEntry {
  epoch: number;
  loss: number;
  accuracy: number;
  /** The lecture's TEST-Accuracy (mean of per-batch accuracies). */
  batchMeanAccuracy: number;
}

export interface ReferenceLog {
  schema: 1;
  /** Hash of the recipe and the training code that produced this log. */
  key: string;
  recipe: Recipe;
  trainImages: number;
  testImages: number;
  train: TrainLogEntry[];
  test: TestLogEntry[];
  /** "done", or "diverged" when the loss became NaN (the log then ends there). */
  status: "done" | "diverged";
  backend: string;
  versions: {tfjs: string; node: string};
  wallSeconds: number;
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Checks a parsed log; throws naming the first problem. */
export function validateReferenceLog(value: unknown): ReferenceLog {
  const fail = (what: string): never => {
    throw new Error(`Reference log is invalid: ${what}`);
  };
  const log = value as ReferenceLog;
  if (typeof log !== "object" || log === null) fail("not an object");
  if (log.schema !== 1) fail("schema");
  if (typeof log.key !== "string" || !/^[0-9a-f]{16,64}$/.test(log.key)) fail("key");
  if (typeof log.recipe !== "object" || !Array.isArray(log.recipe?.hidden)) fail("recipe");
  if (!Number.isInteger(log.trainImages) || !Number.isInteger(log.testImages)) fail("image counts");
  if (log.status !== "done" && log.status !== "diverged") fail("status");
  if (!Array.isArray(log.train)) fail("train entries");
  let lastStep = 0;
  for (const e of log.train) {
    if (![e.epoch, e.iteration, e.step].every(Number.isInteger)) fail("train entry fields");
    if (!Number.isInteger(e.step) || e.step <= lastStep) fail(`train step ${e.step} out of order`);
    if (!(isNumber(e.loss) || log.status === "diverged")) fail(`train loss at step ${e.step}`);
    if (!isNumber(e.accuracy) || e.accuracy < 0 || e.accuracy > 1) fail(`train accuracy at step ${e.step}`);
    lastStep = e.step;
  }
  if (!Array.isArray(log.test)) fail("test entries");
  log.test.forEach((e, i) => {
    if (e.epoch !== i + 1) fail(`test epoch ${e.epoch}`);
    if (![e.loss, e.accuracy, e.batchMeanAccuracy].every(isNumber)) fail(`test figures of epoch ${e.epoch}`);
  });
  if (log.status === "done" && log.test.length !== log.recipe.epochs) fail("a finished run has one test entry per epoch");
  if (typeof log.backend !== "string" || typeof log.versions?.tfjs !== "string") fail("backend/versions");
  if (!isNumber(log.wallSeconds)) fail("wallSeconds");
  return log;
}
