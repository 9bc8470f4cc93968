/**
 * The lecture's MNIST recipe: its type, constants and sizes. Pure data (no
 * tfjs). Part of the reference runs' key: what changes here retrains them.
 */

export type Activation = "relu" | "sigmoid";
export type OptimizerName = "adam" | "sgd";

export interface Recipe {
  /** Sizes of the hidden layers, e.g. [256, 256]. */
  hidden: number[];
  activation: Activation;
  optimizer: OptimizerName;
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** Seeds the weight initialisation and the per-epoch shuffle. */
  seed: number;
}

export const INPUT_SIZE = 28 * 28;
export const CLASSES = 10;
/** The lecture's transforms.Normalize((0.1307,), (0.3081,)). */
export const NORMALIZATION = {mean: 0.1307, std: 0.3081};
/** The lecture's test loader batch size. */
export const TEST_BATCH = 128;
/** The lecture prints loss and batch accuracy every 128 iterations of an epoch. */
export const LOG_EVERY = 128;

/** Flatten → 784-256-256-10 with ReLU, Adam lr 0.001, batch 64, 15 epochs. */
export const LECTURE_RECIPE: Readonly<Recipe> = Object.freeze({
  hidden: [256, 256],
  activation: "relu",
  optimizer: "adam",
  learningRate: 0.001,
  batchSize: 64,
  epochs: 15,
  // The lecture's torch.manual_seed(123). This generator is not PyTorch's: the number is the lecture's, the weights are not.
  seed: 123
});

/** Layer sizes from input to output, e.g. [784, 256, 256, 10]. */
export function layerSizes(recipe: Pick<Recipe, "hidden">): number[] {
  return [INPUT_SIZE, ...recipe.hidden, CLASSES];
}

/** Weights plus biases: 269,322 for the lecture's network. */
export function parameterCount(recipe: Pick<Recipe, "hidden">): number {
  const sizes = layerSizes(recipe);
  let total = 0;
  for (let i = 1; i < sizes.length; ++i) total += sizes[i - 1] * sizes[i] + sizes[i];
  return total;
}
