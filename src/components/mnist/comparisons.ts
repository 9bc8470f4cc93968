/**
 * The lecture's result and the recipes that get a reference run at build
 * time. Not part of the reference key: each run is keyed by its own recipe.
 */
import {LECTURE_RECIPE, type Recipe} from "./recipe.js";

/** What the lecture's PyTorch run printed after 15 epochs: TEST-Accuracy 0.9776503443717957. */
export const LECTURE_TEST_ACCURACY = 0.9776503443717957;

export interface Comparison {
  id: string;
  label: string;
  recipe: Recipe;
}

/** Epochs of the comparison reference runs (the lecture recipe itself gets all 15). */
export const COMPARISON_EPOCHS = 5;

function variant(id: string, label: string, change: Partial<Recipe>): Comparison {
  return {id, label, recipe: {...LECTURE_RECIPE, hidden: [...LECTURE_RECIPE.hidden], epochs: COMPARISON_EPOCHS, ...change}};
}

/** The recipes that get a reference run at build time; the first is the lecture's. */
export const REFERENCE_RECIPES: Comparison[] = [
  {id: "lecture", label: "The lecture's recipe", recipe: {...LECTURE_RECIPE, hidden: [...LECTURE_RECIPE.hidden]}},
  variant("sigmoid", "Sigmoid instead of ReLU", {activation: "sigmoid"}),
  variant("sgd", "SGD instead of Adam, at Adam's learning rate", {optimizer: "sgd"}),
  // Plain SGD takes steps of η·g, Adam of about η per coordinate: SGD needs a far larger η.
  variant("sgd-0.1", "SGD at a learning rate that suits it", {optimizer: "sgd", learningRate: 0.1}),
  variant("lr-0.01", "Learning rate 0.01", {learningRate: 0.01}),
  variant("lr-0.0001", "Learning rate 0.0001", {learningRate: 0.0001}),
  variant("one-hidden", "One hidden layer of 256", {hidden: [256]})
];

/**
 * Seeds of the run-to-run spread: the lecture's recipe, 15 epochs, trained
 * again with each of these in place of its own 123 (which is the lecture run
 * above). Only the initial weights and the shuffle change between them.
 */
export const SPREAD_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

export const SEED_RUNS: Comparison[] = SPREAD_SEEDS.map((seed) => ({
  id: `seed-${seed}`,
  label: `Seed ${seed}`,
  recipe: {...LECTURE_RECIPE, hidden: [...LECTURE_RECIPE.hidden], seed}
}));

/** Same recipe apart from the number of epochs. */
export function sameRecipe(a: Recipe, b: Recipe): boolean {
  return (
    a.hidden.join() === b.hidden.join() &&
    a.activation === b.activation &&
    a.optimizer === b.optimizer &&
    a.learningRate === b.learningRate &&
    a.batchSize === b.batchSize &&
    a.seed === b.seed
  );
}
