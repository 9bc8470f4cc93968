/**
 * Vanishing gradients, measured: a deep MLP on a small 2-D dataset, and the
 * norm of each layer's weight gradient at initialisation and while it trains.
 * With sigmoid every layer multiplies the backward signal by τ′ ≤ β/4, so the
 * norms shrink toward the input; with ReLU (τ′ = 1 where active) they do not.
 */
import type {Activation, ActivationId} from "./activations.js";
import {createMlp, layerGradientNorms, lossAndGradients, zeroGradients, type Gradients, type InitKind, type Mlp} from "./mlp.js";
import {createOptimizer} from "./optimizers.js";
import {rng} from "./rng.js";
import {createTrainer} from "./trainer.js";

export interface Dataset {
  inputs: number[][];
  targets: number[][];
}

/** Points in [−1, 1]², labelled 1 in the quadrants where x₁·x₂ > 0 (an XOR pattern). */
export function quadrantDataset(samples = 32, seed = 5): Dataset {
  const random = rng(seed);
  const inputs = Array.from({length: samples}, () => [random.uniform(-1, 1), random.uniform(-1, 1)]);
  return {inputs, targets: inputs.map(([a, b]) => [a * b > 0 ? 1 : 0])};
}

export interface DeepNetSpec {
  /** Number of hidden layers. */
  depth: number;
  /** Units per hidden layer. */
  width: number;
  activation: ActivationId | Activation;
  init: InitKind;
  seed?: number;
}

/** 2 inputs → depth hidden layers of `width` units → one sigmoid output. */
export function deepNet({depth, width, activation, init, seed = 3}: DeepNetSpec): Mlp {
  return createMlp({sizes: [2, ...new Array(depth).fill(width), 1], hidden: activation, output: "sigmoid", init, seed});
}

export interface GradientMeasurement {
  /** Norm of each layer's weight gradient, input layer first (depth + 1 entries). */
  norms: number[];
  /** First layer's norm divided by the last (output) layer's; null when the last is zero. */
  ratio: number | null;
  loss: number;
}

/** Mean cross-entropy gradient over the dataset, summarised per layer (computed in `grad` when given, reused between measurements). */
export function measureGradients(net: Mlp, data: Dataset, grad?: Gradients): GradientMeasurement {
  const result = lossAndGradients(net, data.inputs, data.targets, "cross-entropy", grad);
  const norms = layerGradientNorms(result.grad);
  return {norms, ratio: firstToLastRatio(norms), loss: result.loss};
}

export function firstToLastRatio(norms: number[]): number | null {
  const last = norms[norms.length - 1];
  return last > 0 ? norms[0] / last : null;
}

/** The measurement at initialisation for a freshly built network. */
export function gradientNormsAtInit(spec: DeepNetSpec, data: Dataset = quadrantDataset()): GradientMeasurement {
  return measureGradients(deepNet(spec), data);
}

export interface VanishingExperiment {
  readonly net: Mlp;
  readonly initial: GradientMeasurement;
  /** The measurement after the updates so far (measured when read). */
  readonly current: GradientMeasurement;
  readonly epochs: number;
  /** Why training stopped (the loss or a gradient stopped being finite); null while it can go on. */
  readonly diverged: string | null;
  /** Full-batch updates through the shared trainer; returns the measurement after them. */
  train(epochs: number): GradientMeasurement;
}

/**
 * A deep network that trains full-batch with plain gradient descent (so the
 * updates are as small as the gradients: vanished gradients mean no learning).
 */
export function vanishingExperiment(spec: DeepNetSpec, data: Dataset = quadrantDataset(), learningRate = 0.1): VanishingExperiment {
  const net = deepNet(spec);
  const trainer = createTrainer({net, data, loss: "cross-entropy", optimizer: createOptimizer("sgd", {learningRate})});
  // The widget measures after every frame's update: one buffer for all its measurements.
  const grad = zeroGradients(net);
  const initial = measureGradients(net, data, grad);
  let current: GradientMeasurement | null = initial;
  const experiment: VanishingExperiment = {
    net,
    initial,
    get current() {
      return (current ??= measureGradients(net, data, grad));
    },
    get epochs() {
      return trainer.steps;
    },
    get diverged() {
      return trainer.diverged;
    },
    train(n) {
      for (let k = 0; k < n && trainer.step(); ++k) current = null;
      return experiment.current;
    }
  };
  return experiment;
}
