/**
 * The playground's settings as labelled Observable Inputs, grouped like
 * TensorFlow Playground's panels. Every change is checked against the URL
 * schema and reported as a patch; `set` moves controls when the widget
 * changes a setting itself (e.g. a click turns the data into "your points").
 */
import * as Inputs from "npm:@observablehq/inputs";
import {activations} from "../nn/activations.js";
import {labelledRange} from "../course/dom.js";
import {parseParam} from "../course/url-state.js";
import {DATA_SOURCES, playgroundSchema, selectedFeatures, type DataSource, type PlaygroundConfig} from "../playground/config.js";
import {DATASET_NAMES} from "../playground/datasets.js";
import {FEATURE_IDS, FEATURE_LABELS, type FeatureId} from "../playground/features.js";

type Key = keyof PlaygroundConfig;
type Input = HTMLElement & {value: unknown};

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

/** The preset choices plus the link's own value when it is another one. */
function choices(presets: number[], value: number): number[] {
  return presets.includes(value) ? presets : [...presets, value].sort((a, b) => a - b);
}

function group(title: string, ...inputs: HTMLElement[]): HTMLElement {
  const fieldset = document.createElement("fieldset");
  const legend = document.createElement("legend");
  legend.textContent = title;
  fieldset.append(legend, ...inputs);
  return fieldset;
}

export interface Controls {
  element: HTMLElement;
  /** Shows new values for the given settings without reporting them as changes. */
  set(patch: Partial<PlaygroundConfig>): void;
}

export function createControls(config: PlaygroundConfig, onChange: (patch: Partial<PlaygroundConfig>) => void, onNewSeed: () => void): Controls {
  const inputs: Partial<Record<Key, Input>> = {};
  const sanitize = <K extends Key>(key: K, value: unknown) => parseParam(key, playgroundSchema[key], String(value)).value as PlaygroundConfig[K];
  const bind = <K extends Key>(key: K, input: Input) => {
    inputs[key] = input;
    input.addEventListener("input", () => onChange({[key]: sanitize(key, input.value)} as Partial<PlaygroundConfig>));
    return input;
  };
  const datasetNames: Record<DataSource, string> = {...DATASET_NAMES, custom: "Your own points"};
  const dataset = bind("dataset", Inputs.select([...DATA_SOURCES], {label: "Dataset", value: config.dataset, format: (d) => datasetNames[d as DataSource]}));
  const classes = bind("classes", labelledRange([3, 5], {label: "Blobs (classes)", step: 1, value: config.classes}));
  const noise = bind("noise", labelledRange([0, 50], {label: "Noise (%)", step: 1, value: config.noise}));
  const train = bind("train", labelledRange([10, 90], {label: "Training data (%)", step: 1, value: config.train}));
  const points = bind("points", labelledRange([20, 1000], {label: "Points", step: 1, value: config.points}));
  const seed = bind("seed", Inputs.number([0, 999999], {label: "Seed", step: 1, value: config.seed}));
  const newSeed = document.createElement("button");
  newSeed.type = "button";
  newSeed.textContent = "Regenerate (new seed)";
  newSeed.addEventListener("click", onNewSeed);

  const features = Inputs.checkbox([...FEATURE_IDS], {label: "Input features", value: selectedFeatures(config), format: (id) => FEATURE_LABELS[id]});
  features.addEventListener("input", () => {
    const on = new Set(features.value as FeatureId[]);
    onChange(Object.fromEntries(FEATURE_IDS.map((id) => [id, on.has(id)])) as Partial<PlaygroundConfig>);
  });

  const activation = bind("activation", Inputs.select(Object.keys(activations), {label: "Activation", value: config.activation, format: (id) => activations[id as keyof typeof activations].name}));
  const loss = bind("loss", Inputs.select(["cross-entropy", "mse"], {label: "Loss", value: config.loss, format: (l) => (l === "mse" ? "Mean squared error" : "Cross-entropy")}));
  const lr = bind("lr", Inputs.select(choices(LEARNING_RATES, config.lr), {label: "Learning rate", value: config.lr}));
  const batch = bind("batch", labelledRange([1, 1000], {label: "Batch size", step: 1, value: config.batch}));
  const optimizer = bind("optimizer", Inputs.select(["sgd", "momentum", "adam"], {label: "Optimiser", value: config.optimizer, format: (o) => ({sgd: "SGD", momentum: "Momentum", adam: "Adam"})[o] ?? o}));
  const reg = bind("reg", Inputs.select(["none", "l1", "l2"], {label: "Regularisation", value: config.reg, format: (r) => (r === "none" ? "None" : r.toUpperCase())}));
  const rate = bind("rate", Inputs.select(choices(REGULARIZATION_RATES, config.rate), {label: "Regularisation rate", value: config.rate}));
  const discretize = bind("discretize", Inputs.toggle({label: "Discretise output", value: config.discretize}));
  const showTest = bind("showTest", Inputs.toggle({label: "Show test data", value: config.showTest}));

  const element = document.createElement("div");
  element.className = "playground-controls";
  element.append(
    group("Data", dataset, classes, noise, train, points, seed, newSeed),
    group("Features", features),
    group("Training", activation, loss, lr, batch, optimizer, reg, rate),
    group("View", discretize, showTest)
  );
  return {
    element,
    set(patch) {
      for (const [key, value] of Object.entries(patch) as [Key, unknown][]) {
        const input = inputs[key];
        if (input) input.value = value;
      }
      if (FEATURE_IDS.some((id) => id in patch)) {
        features.value = FEATURE_IDS.filter((id) => (patch[id] ?? (features.value as FeatureId[]).includes(id)) === true);
      }
    }
  };
}
