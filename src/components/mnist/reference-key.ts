/**
 * The key a reference run is stored under: a hash of its recipe, the tfjs
 * version and the source of every module that decides the numbers it
 * produces. Page and chart code are not part of it, so editing them never
 * retrains. Node only.
 */
import {createHash} from "node:crypto";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import type {Recipe} from "./recipe.js";

/** The training code, relative to this folder. */
export const TRAINING_SOURCES = [
  "recipe.ts",
  "../nn/rng.ts",
  "normalize.ts",
  "model.ts",
  "device-data.ts",
  "epoch-order.ts",
  "evaluation.ts",
  "backprop.ts",
  "updates.ts",
  "trainer.ts",
  "reference-run.ts"
];

/** Hash of the training code alone (computed once per process). */
let codeHash: string | undefined;
function trainingCodeHash(): string {
  if (!codeHash) {
    const hash = createHash("sha256").update(`tfjs ${tf.version_core}\n`);
    for (const file of TRAINING_SOURCES) hash.update(`${file}\n`).update(readFileSync(join(import.meta.dirname, file)));
    codeHash = hash.digest("hex");
  }
  return codeHash;
}

/** Canonical JSON of a recipe (fixed field order). */
function canonicalRecipe(r: Recipe): string {
  const {hidden, activation, optimizer, learningRate, batchSize, epochs, seed} = r;
  return JSON.stringify({hidden, activation, optimizer, learningRate, batchSize, epochs, seed});
}

export function referenceKey(recipe: Recipe): string {
  return createHash("sha256").update(trainingCodeHash()).update(canonicalRecipe(recipe)).digest("hex").slice(0, 24);
}
