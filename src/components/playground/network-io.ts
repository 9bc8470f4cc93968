/**
 * A trained playground network as JSON, and back. Import checks the file
 * against the current architecture and returns a clear message instead of
 * throwing on anything malformed, through the strings hook (namespace
 * "playground-weights"; English unless a translator is given).
 */
import {translator, type Messages, type Translate} from "../course/strings.js";
import type {Mlp} from "../nn/mlp.js";

export const WEIGHTS_FORMAT = "perceptron-to-mnist/playground-weights";
const VERSION = 1;
/** Larger files cannot be weights of a network of at most 6 × 8 hidden units. */
const MAX_BYTES = 1_000_000;

export const weightsMessages = {
  tooLarge: "The file is too large ({length} characters) to be playground weights.",
  notJson: "The file is not valid JSON.",
  notWeights: "The file is not a playground weights file (its \"format\" field is missing or different).",
  version: "Unsupported weights file version {version}; expected {expected}.",
  sizes: "The file's \"sizes\" field is not a list of layer sizes.",
  otherNetwork: "The file is for a {file} network, but this network is {network}. Set the same features, layers and dataset classes, then import again.",
  weights: "The weights of layer {layer} are missing, have the wrong shape or hold values that are not finite numbers.",
  biases: "The biases of layer {layer} are missing, have the wrong length or hold values that are not finite numbers.",
  features: "The file was trained on the features {file}; they are now fed {network}.",
  activation: "The file was trained with {file}; this network uses {network}."
} satisfies Messages;

export type WeightsTranslate = Translate<typeof weightsMessages>;
const english: WeightsTranslate = translator("playground-weights", weightsMessages, "en");

export interface WeightsFile {
  format: typeof WEIGHTS_FORMAT;
  version: number;
  /** Layer sizes, input and output included, e.g. [2, 8, 8, 1]. */
  sizes: number[];
  /** Names of the input features, in order. */
  features: string[];
  activation: string;
  output: string;
  /** weights[l][j][i] connects input i to unit j of layer l + 1. */
  weights: number[][][];
  biases: number[][];
}

export function exportWeights(net: Mlp, features: readonly string[], activation: string): WeightsFile {
  return {
    format: WEIGHTS_FORMAT,
    version: VERSION,
    sizes: net.sizes.slice(),
    features: features.slice(),
    activation,
    output: net.output,
    weights: net.weights.map((w, l) => {
      const nIn = net.sizes[l];
      return Array.from({length: net.sizes[l + 1]}, (_, j) => Array.from(w.subarray(j * nIn, (j + 1) * nIn)));
    }),
    biases: net.biases.map((b) => Array.from(b))
  };
}

export type ImportResult = {ok: true; weights: Float64Array[]; biases: Float64Array[]; notes: string[]} | {ok: false; message: string};

function isNumberList(value: unknown, length: number): value is number[] {
  return Array.isArray(value) && value.length === length && value.every((x) => typeof x === "number" && Number.isFinite(x));
}

/**
 * Reads weights for a network of the given layer sizes. Features and
 * activation that differ from the current ones are allowed (same shapes) but
 * reported in `notes`.
 */
export function importWeights(text: string, sizes: readonly number[], features: readonly string[], activation: string, t: WeightsTranslate = english): ImportResult {
  if (text.length > MAX_BYTES) return {ok: false, message: t("tooLarge", {length: text.length})};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {ok: false, message: t("notJson")};
  }
  if (typeof data !== "object" || data === null || (data as {format?: unknown}).format !== WEIGHTS_FORMAT) {
    return {ok: false, message: t("notWeights")};
  }
  const file = data as Partial<WeightsFile>;
  if (file.version !== VERSION) return {ok: false, message: t("version", {version: String(JSON.stringify(file.version)?.slice(0, 20)), expected: VERSION})};
  const fileSizes = file.sizes;
  if (!Array.isArray(fileSizes) || !fileSizes.every((n) => Number.isInteger(n) && n > 0 && n <= 1000) || fileSizes.length > 20) {
    return {ok: false, message: t("sizes")};
  }
  if (fileSizes.length !== sizes.length || fileSizes.some((n, l) => n !== sizes[l])) {
    return {ok: false, message: t("otherNetwork", {file: fileSizes.join("-"), network: sizes.join("-")})};
  }
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; ++l) {
    const rows = file.weights?.[l];
    if (!Array.isArray(rows) || rows.length !== sizes[l + 1] || !rows.every((row) => isNumberList(row, sizes[l]))) {
      return {ok: false, message: t("weights", {layer: l + 1})};
    }
    const bias = file.biases?.[l];
    if (!isNumberList(bias, sizes[l + 1])) return {ok: false, message: t("biases", {layer: l + 1})};
    weights.push(Float64Array.from(rows.flat()));
    biases.push(Float64Array.from(bias));
  }
  const notes: string[] = [];
  if (Array.isArray(file.features) && file.features.join(",") !== features.join(",")) {
    notes.push(t("features", {file: file.features.map(String).join(", ").slice(0, 80), network: features.join(", ")}));
  }
  if (typeof file.activation === "string" && file.activation !== activation) {
    notes.push(t("activation", {file: file.activation.slice(0, 20), network: activation}));
  }
  return {ok: true, weights, biases, notes};
}
