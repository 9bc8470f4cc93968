// Reference training logs: the runner's output format and determinism, and a store that is current.
import {execFileSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {COMPARISON_EPOCHS, LECTURE_TEST_ACCURACY, REFERENCE_RECIPES, SEED_RUNS, SPREAD_SEEDS} from "../../src/components/mnist/comparisons.js";
import {readMnist} from "../../src/components/mnist/mnist-files.js";
import {LECTURE_RECIPE, LOG_EVERY} from "../../src/components/mnist/recipe.js";
import {referenceKey} from "../../src/components/mnist/reference-key.js";
import {validateReferenceLog, type ReferenceLog} from "../../src/components/mnist/reference-log.js";
import {runReference} from "../../src/components/mnist/reference-run.js";
import {REFERENCE_DIR, storedLogPath, useWasmBackend} from "../../src/components/mnist/reference-store.js";
import {referenceRows} from "../../src/components/mnist/reference-table.js";
import {seedSpread} from "../../src/components/mnist/seed-spread.js";
import type {Digits} from "../../src/components/mnist/shard-format.js";

const root = join(import.meta.dirname, "..", "..");

function first(d: Digits, count: number): Digits {
  return {...d, count, pixels: d.pixels.subarray(0, count * 784), labels: d.labels.subarray(0, count)};
}

describe("a shortened reference run", () => {
  let logs: ReferenceLog[];
  beforeAll(async () => {
    await useWasmBackend();
    const mnist = readMnist();
    const recipe = {...LECTURE_RECIPE, hidden: [64, 64], batchSize: 16, epochs: 2};
    const run = () => runReference({key: referenceKey(recipe), recipe, train: first(mnist.train, 4096), test: first(mnist.test, 1000)});
    logs = [await run(), await run()];
  }, 240_000);

  test("validates against the log schema and logs like the lecture", () => {
    const log = validateReferenceLog(JSON.parse(JSON.stringify(logs[0])));
    expect(log.status).toBe("done");
    // 4096 / 16 = 256 iterations per epoch: two lines per epoch, at 128 and 256.
    expect(log.train.map((e) => [e.epoch, e.iteration, e.step])).toEqual([[1, LOG_EVERY, 128], [1, 2 * LOG_EVERY, 256], [2, LOG_EVERY, 384], [2, 2 * LOG_EVERY, 512]]);
    expect(log.test.map((e) => e.epoch)).toEqual([1, 2]);
    expect(log.test[1].accuracy).toBeGreaterThan(0.8);
    expect(log.backend).toBe("wasm");
  });

  test("is deterministic: two runs give the same log apart from the wall time", () => {
    const [a, b] = logs.map(({wallSeconds: _, ...rest}) => JSON.stringify(rest));
    expect(a).toBe(b);
  });

  test("rejects malformed logs", () => {
    expect(() => validateReferenceLog({...logs[0], schema: 2})).toThrow(/schema/);
    expect(() => validateReferenceLog({...logs[0], test: logs[0].test.slice(1)})).toThrow(/test epoch/);
    expect(() => validateReferenceLog({...logs[0], train: [...logs[0].train].reverse()})).toThrow(/out of order/);
  });
});

describe("the stored reference runs", () => {
  const hint =
    "the stored reference logs are stale: run `node --import tsx src/data/reference-runs.json.ts` and `node --import tsx src/data/seed-runs.json.ts` to retrain what changed (a 15-epoch run takes ~2 min on one core) and commit src/data/reference-runs/";
  // The comparisons and the seed runs share the store.
  const stored = [...REFERENCE_RECIPES, ...SEED_RUNS];
  const readLog = (recipe: ReferenceLog["recipe"]) => validateReferenceLog(JSON.parse(readFileSync(storedLogPath(referenceKey(recipe)), "utf8")));

  test.each(stored.map((c) => [c.id, c] as const))("%s is stored under its current key", (_, comparison) => {
    const key = referenceKey(comparison.recipe);
    let text: string;
    try {
      text = readFileSync(storedLogPath(key), "utf8");
    } catch {
      throw new Error(`${comparison.id}: no log for key ${key}; ${hint}`);
    }
    const log = validateReferenceLog(JSON.parse(text));
    expect(log.key).toBe(key);
    expect(log.recipe).toEqual(comparison.recipe);
    expect(log.trainImages).toBe(60_000);
    expect(log.testImages).toBe(10_000);
  });

  test("holds nothing but current logs", () => {
    const current = new Set(stored.map((c) => `${referenceKey(c.recipe)}.json`));
    expect(readdirSync(REFERENCE_DIR).filter((f) => !current.has(f))).toEqual([]);
  });

  test("the lecture's recipe reaches at least 97.5 % test accuracy after 15 epochs", () => {
    const log = readLog(LECTURE_RECIPE);
    expect(log.test).toHaveLength(15);
    expect(log.test[14].accuracy).toBeGreaterThanOrEqual(0.975);
  });

  test("include SGD at a learning rate that suits it, not only at Adam's", () => {
    const sgd = REFERENCE_RECIPES.filter((c) => c.recipe.optimizer === "sgd").map((c) => c.recipe.learningRate);
    expect(sgd).toContain(LECTURE_RECIPE.learningRate);
    expect(Math.max(...sgd)).toBeGreaterThanOrEqual(0.05);
  });

  // Only when every log is stored: otherwise the loader would start training (the tests above say what to do).
  const allStored = stored.every((c) => existsSync(storedLogPath(referenceKey(c.recipe))));
  test.runIf(allStored).each([
    ["reference-runs", REFERENCE_RECIPES],
    ["seed-runs", SEED_RUNS]
  ] as const)("the %s loader serves them without training, in its output format", (loader, comparisons) => {
    const out = execFileSync("node", ["--import", "tsx", `src/data/${loader}.json.ts`], {cwd: root, encoding: "utf8", maxBuffer: 1 << 26});
    const runs = JSON.parse(out) as {id: string; label: string; log: unknown}[];
    expect(runs.map((r) => r.id)).toEqual(comparisons.map((c) => c.id));
    for (const run of runs) expect(validateReferenceLog(run.log).key).toBe(referenceKey(comparisons.find((c) => c.id === run.id)!.recipe));
  }, 60_000);

  test.runIf(allStored)("the lecture's recipe over its seeds: a mean of at least 97.7 % after 15 epochs, with the lecture's result inside the spread", () => {
    const spread = seedSpread([LECTURE_RECIPE, ...SEED_RUNS.map((c) => c.recipe)].map(readLog));
    expect(spread.curves.map((c) => c.seed)).toEqual([...SPREAD_SEEDS, LECTURE_RECIPE.seed].sort((a, b) => a - b));
    expect(spread.epochs).toBe(15);
    expect(spread.mean).toBeGreaterThanOrEqual(0.977);
    // The page says so: the lecture's PyTorch run is one more run of the same spread.
    expect(LECTURE_TEST_ACCURACY).toBeGreaterThanOrEqual(spread.min);
    expect(LECTURE_TEST_ACCURACY).toBeLessThanOrEqual(spread.max);
  });

  test.runIf(allStored)("the page's table compares every run at the same epoch and names its learning rate", () => {
    const runs = REFERENCE_RECIPES.map((c) => ({...c, log: readLog(c.recipe)}));
    const rows = referenceRows(runs);
    const row = (id: string) => rows[runs.findIndex((r) => r.id === id)];
    expect(row("lecture").optimizer).toBe("Adam, η = 0.001");
    expect(row("sgd-0.1").optimizer).toBe("SGD, η = 0.1");
    // The lecture run appears at 5 epochs (beside the comparisons) and at 15.
    expect(row("lecture").atComparison).toBe(runs[0].log.test[COMPARISON_EPOCHS - 1].accuracy);
    expect(row("lecture").atEnd).toBe(runs[0].log.test[14].accuracy);
    for (const id of ["sigmoid", "sgd", "sgd-0.1", "lr-0.01", "lr-0.0001", "one-hidden"]) expect(row(id).atEnd).toBeNull();
    // What the table teaches: SGD at a learning rate that suits it is far better than at Adam's.
    expect(row("sgd-0.1").atComparison!).toBeGreaterThan(row("sgd").atComparison! + 0.03);
  });
});
