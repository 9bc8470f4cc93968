/**
 * Every playground setting as one URL schema, so any configuration is a link,
 * plus the checks the schema alone cannot express (at least one input feature).
 */
import {activations} from "../nn/activations.js";
import {parseState, type Schema, type State} from "../course/url-state.js";
import {DATASET_IDS} from "./datasets.js";
import {FEATURE_IDS, type FeatureId} from "./features.js";

export const MAX_LAYERS = 6;
export const MAX_NEURONS = 8;

/** Generated datasets, or "custom": the learner's own points (clicked or imported; not stored in the link). */
export const DATA_SOURCES = [...DATASET_IDS, "custom"] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

export const playgroundSchema = {
  dataset: {kind: "enum", values: DATA_SOURCES, default: "circle"},
  /** Number of blobs for the multi-class dataset. */
  classes: {kind: "number", min: 3, max: 5, default: 3, integer: true},
  /** Noise in percent, 0–50 (TensorFlow Playground's scale). */
  noise: {kind: "number", min: 0, max: 50, default: 0, integer: true},
  /** Share of the points used for training, in percent. */
  train: {kind: "number", min: 10, max: 90, default: 50, integer: true},
  points: {kind: "number", min: 20, max: 1000, default: 500, integer: true},
  seed: {kind: "number", min: 0, max: 999999, default: 1, integer: true},
  x1: {kind: "boolean", default: true},
  x2: {kind: "boolean", default: true},
  x1sq: {kind: "boolean", default: false},
  x2sq: {kind: "boolean", default: false},
  x1x2: {kind: "boolean", default: false},
  sinx1: {kind: "boolean", default: false},
  sinx2: {kind: "boolean", default: false},
  /** Neurons per hidden layer. */
  layers: {kind: "int-list", min: 1, max: MAX_NEURONS, minLength: 0, maxLength: MAX_LAYERS, default: [4, 2]},
  activation: {kind: "enum", values: Object.keys(activations), default: "tanh"},
  loss: {kind: "enum", values: ["cross-entropy", "mse"], default: "cross-entropy"},
  reg: {kind: "enum", values: ["none", "l1", "l2"], default: "none"},
  rate: {kind: "number", min: 0, max: 1, default: 0.001},
  lr: {kind: "number", min: 0.00001, max: 10, default: 0.03},
  batch: {kind: "number", min: 1, max: 1000, default: 10, integer: true},
  optimizer: {kind: "enum", values: ["sgd", "momentum", "adam"], default: "sgd"},
  discretize: {kind: "boolean", default: false},
  showTest: {kind: "boolean", default: false}
} satisfies Schema;

export type PlaygroundConfig = State<typeof playgroundSchema>;

/** The input features a configuration switches on, in the fixed order of FEATURE_IDS. */
export function selectedFeatures(config: PlaygroundConfig): FeatureId[] {
  return FEATURE_IDS.filter((id) => config[id]);
}

/** Fixes what the schema cannot: a network needs at least one input. */
export function validateConfig(config: PlaygroundConfig): {config: PlaygroundConfig; notices: string[]} {
  if (selectedFeatures(config).length > 0) return {config, notices: []};
  return {config: {...config, x1: true, x2: true}, notices: ["features: none was selected; using x₁ and x₂."]};
}

/** Parses a query string into a valid configuration and the list of what had to change. */
export function parseConfig(search: string): {config: PlaygroundConfig; notices: string[]} {
  const parsed = parseState(playgroundSchema, search);
  const checked = validateConfig(parsed.values);
  return {config: checked.config, notices: [...parsed.notices, ...checked.notices]};
}
