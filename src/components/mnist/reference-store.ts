/**
 * The stored reference runs (src/data/reference-runs/<key>.json): reuse a
 * stored log whose key matches, train only what is missing. Node only.
 */
import {existsSync, mkdirSync, readFileSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-wasm";
import type {Comparison} from "./comparisons.js";
import {readMnist} from "./mnist-files.js";
import {referenceKey} from "./reference-key.js";
import {validateReferenceLog, type ReferenceLog} from "./reference-log.js";
import {runReference} from "./reference-run.js";

export const REFERENCE_DIR = join(import.meta.dirname, "..", "..", "data", "reference-runs");

export function storedLogPath(key: string): string {
  return join(REFERENCE_DIR, `${key}.json`);
}

/** The wasm backend: the fastest tfjs backend in Node here, and deterministic. */
export async function useWasmBackend(): Promise<void> {
  if (!(await tf.setBackend("wasm"))) throw new Error("the tfjs wasm backend failed to start");
  await tf.ready();
}

export interface ReferenceRun extends Comparison {
  log: ReferenceLog;
}

/** Every comparison's log, training (and storing) those without a current one. */
export async function referenceRuns(comparisons: Comparison[], report: (line: string) => void): Promise<ReferenceRun[]> {
  const runs: ReferenceRun[] = [];
  let mnist: ReturnType<typeof readMnist> | undefined;
  for (const comparison of comparisons) {
    const key = referenceKey(comparison.recipe);
    const path = storedLogPath(key);
    let log: ReferenceLog;
    if (existsSync(path)) {
      log = validateReferenceLog(JSON.parse(readFileSync(path, "utf8")));
    } else {
      report(`reference run "${comparison.id}" (${key}) is not stored: training it`);
      mnist ??= readMnist();
      await useWasmBackend();
      log = await runReference({key, recipe: comparison.recipe, ...mnist, report: (line) => report(`${comparison.id}: ${line}`)});
      mkdirSync(REFERENCE_DIR, {recursive: true});
      writeFileSync(path, JSON.stringify(log) + "\n");
    }
    runs.push({...comparison, log});
  }
  return runs;
}

/**
 * A reference data loader's whole job: the runs as JSON on stdout, progress on
 * stderr. REFERENCE_RUNS=id,id limits them (to train some in parallel processes).
 */
export async function printRuns(comparisons: Comparison[], name: string): Promise<void> {
  const only = process.env.REFERENCE_RUNS?.split(",");
  const runs = await referenceRuns(
    comparisons.filter((c) => !only || only.includes(c.id)),
    (line) => process.stderr.write(`${name}: ${line}\n`)
  );
  process.stdout.write(JSON.stringify(runs));
}
