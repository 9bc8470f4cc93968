/** The MNIST page's settings as URL parameters (a link presets a recipe), and the recipe they make. */
import type {Schema, State} from "../course/url-state.js";
import {BACKENDS} from "./protocol.js";
import {LECTURE_RECIPE, type Activation, type OptimizerName, type Recipe} from "./recipe.js";

export const MNIST_SCHEMA = {
  hidden: {kind: "int-list", min: 1, max: 1024, minLength: 1, maxLength: 2, default: LECTURE_RECIPE.hidden},
  activation: {kind: "enum", values: ["relu", "sigmoid"], default: LECTURE_RECIPE.activation},
  optimizer: {kind: "enum", values: ["adam", "sgd"], default: LECTURE_RECIPE.optimizer},
  lr: {kind: "number", min: 1e-6, max: 100, default: LECTURE_RECIPE.learningRate},
  batch: {kind: "number", min: 1, max: 1024, integer: true, default: LECTURE_RECIPE.batchSize},
  epochs: {kind: "number", min: 1, max: 50, integer: true, default: LECTURE_RECIPE.epochs},
  backend: {kind: "enum", values: ["auto", ...BACKENDS], default: "auto"}
} satisfies Schema;

export type MnistSettings = State<typeof MNIST_SCHEMA>;

export function recipeOf(s: Pick<MnistSettings, "hidden" | "activation" | "optimizer" | "lr" | "batch" | "epochs">): Recipe {
  return {
    hidden: s.hidden.slice(),
    activation: s.activation as Activation,
    optimizer: s.optimizer as OptimizerName,
    learningRate: s.lr,
    batchSize: s.batch,
    epochs: s.epochs,
    seed: LECTURE_RECIPE.seed
  };
}

/** One line per recipe, for captions. */
export function describeRecipe(r: Recipe): string {
  return `784-${r.hidden.join("-")}-10 with ${r.activation === "relu" ? "ReLU" : "sigmoid"}, ${r.optimizer === "adam" ? "Adam" : "SGD"} at learning rate ${r.learningRate}, batch ${r.batchSize}, ${r.epochs} epoch${r.epochs === 1 ? "" : "s"}`;
}

/** Option lists for the controls, with a value from a link added when it is not among them. */
export function withValue(options: number[], value: number): number[] {
  return options.includes(value) ? options : [...options, value].sort((a, b) => a - b);
}
