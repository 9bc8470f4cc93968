/**
 * The playground's settings as labelled Observable Inputs, grouped like
 * TensorFlow Playground's panels. Every change is checked against the URL
 * schema and reported as a patch; `set` moves controls when the widget
 * changes a setting itself (e.g. a click turns the data into "your points").
 */
import * as Inputs from "npm:@observablehq/inputs";
import {activations, type ActivationId} from "../nn/activations.js";
import {button, element, labelledRange} from "../course/dom.js";
import {parseParam} from "../course/url-state.js";
import {DATA_SOURCES, playgroundSchema, selectedFeatures, type DataSource, type PlaygroundConfig} from "../playground/config.js";
import {FEATURE_IDS, FEATURE_LABELS, type FeatureId} from "../playground/features.js";
import type {PlaygroundTranslate} from "./playground.js";

type Key = keyof PlaygroundConfig;
type Input = HTMLElement & {value: unknown};

const LEARNING_RATES = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];

/** The preset choices plus the link's own value when it is another one. */
function choices(presets: number[], value: number): number[] {
  return presets.includes(value) ? presets : [...presets, value].sort((a, b) => a - b);
}

function group(title: string, ...inputs: HTMLElement[]): HTMLElement {
  return element("fieldset", "", element("legend", "", title), ...inputs);
}

export interface Controls {
  element: HTMLElement;
  /** Shows new values for the given settings without reporting them as changes. */
  set(patch: Partial<PlaygroundConfig>): void;
}

export function createControls(t: PlaygroundTranslate, config: PlaygroundConfig, onChange: (patch: Partial<PlaygroundConfig>) => void, onNewSeed: () => void): Controls {
  const inputs: Partial<Record<Key, Input>> = {};
  const sanitize = <K extends Key>(key: K, value: unknown) => parseParam(key, playgroundSchema[key], String(value)).value as PlaygroundConfig[K];
  const bind = <K extends Key>(key: K, input: Input) => {
    inputs[key] = input;
    input.addEventListener("input", () => onChange({[key]: sanitize(key, input.value)} as Partial<PlaygroundConfig>));
    return input;
  };
  const dataset = bind("dataset", Inputs.select([...DATA_SOURCES], {label: t("dataset"), value: config.dataset, format: (d) => t(`dataset.${d as DataSource}`)}));
  const classes = bind("classes", labelledRange([3, 5], {label: t("classes"), step: 1, value: config.classes}));
  const noise = bind("noise", labelledRange([0, 50], {label: t("noise"), step: 1, value: config.noise}));
  const train = bind("train", labelledRange([10, 90], {label: t("train"), step: 1, value: config.train}));
  const points = bind("points", labelledRange([20, 1000], {label: t("points"), step: 1, value: config.points}));
  const seed = bind("seed", Inputs.number([0, 999999], {label: t("seed"), step: 1, value: config.seed}));
  const newSeed = button(t("newSeed"), onNewSeed);

  const features = Inputs.checkbox([...FEATURE_IDS], {label: t("features"), value: selectedFeatures(config), format: (id) => FEATURE_LABELS[id]});
  features.addEventListener("input", () => {
    const on = new Set(features.value as FeatureId[]);
    onChange(Object.fromEntries(FEATURE_IDS.map((id) => [id, on.has(id)])) as Partial<PlaygroundConfig>);
  });

  const activation = bind("activation", Inputs.select(Object.keys(activations), {label: t("activation"), value: config.activation, format: (id) => t(`act.${id as ActivationId}`)}));
  const loss = bind("loss", Inputs.select(["cross-entropy", "mse"], {label: t("loss"), value: config.loss, format: (l) => t(l === "mse" ? "loss.mse" : "loss.crossEntropy")}));
  const lr = bind("lr", Inputs.select(choices(LEARNING_RATES, config.lr), {label: t("lr"), value: config.lr}));
  const batch = bind("batch", labelledRange([1, 1000], {label: t("batch"), step: 1, value: config.batch}));
  const optimizer = bind("optimizer", Inputs.select(["sgd", "momentum", "adam"], {label: t("optimizer"), value: config.optimizer, format: (o) => t(`optimizer.${o as "sgd" | "momentum" | "adam"}`)}));
  const reg = bind("reg", Inputs.select(["none", "l1", "l2"], {label: t("reg"), value: config.reg, format: (r) => (r === "none" ? t("reg.none") : r.toUpperCase())}));
  const rate = bind("rate", Inputs.select(choices(REGULARIZATION_RATES, config.rate), {label: t("rate"), value: config.rate}));
  const discretize = bind("discretize", Inputs.toggle({label: t("discretize"), value: config.discretize}));
  const showTest = bind("showTest", Inputs.toggle({label: t("showTest"), value: config.showTest}));

  return {
    element: element(
      "div",
      "playground-controls",
      group(t("group.data"), dataset, classes, noise, train, points, seed, newSeed),
      group(t("group.features"), features),
      group(t("group.training"), activation, loss, lr, batch, optimizer, reg, rate),
      group(t("group.view"), discretize, showTest)
    ),
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
