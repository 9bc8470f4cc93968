/**
 * A playground training session: the network, its optimiser and the
 * mini-batch cursor over the training set. One `step` is one mini-batch;
 * an epoch is one pass over the (reshuffled) training set, as in
 * TensorFlow Playground. Pure: no DOM, no timers.
 */
import type {ActivationId} from "../nn/activations.js";
import {
  allFinite,
  createMlp,
  exampleLoss,
  forward,
  gradientList,
  lossAndGradients,
  outputClass,
  parameters,
  zeroGradients,
  type Gradients,
  type LossKind,
  type Mlp
} from "../nn/mlp.js";
import {createOptimizer, type Optimizer, type OptimizerKind} from "../nn/optimizers.js";
import {rng as seededRng, type Rng} from "../nn/rng.js";
import type {LabeledPoint} from "./datasets.js";
import {featureVector, type FeatureId} from "./features.js";

export interface Architecture {
  features: FeatureId[];
  /** Neurons per hidden layer. */
  layers: number[];
  activation: ActivationId;
  classes: number;
  seed: number;
}

export interface Hyperparameters {
  loss: LossKind;
  learningRate: number;
  batchSize: number;
  optimizer: OptimizerKind;
  l1: number;
  l2: number;
}

interface Encoded {
  inputs: Float64Array[];
  targets: Float64Array[];
  labels: number[];
}

export interface Evaluation {
  loss: number;
  accuracy: number;
}

export interface Session {
  readonly net: Mlp;
  readonly architecture: Architecture;
  /** Completed epochs. */
  readonly epoch: number;
  /** True once a loss or weight stopped being a finite number; training then refuses to step. */
  readonly diverged: boolean;
  /** One mini-batch update; returns true when it completed an epoch. */
  step(): boolean;
  /** Steps until the current epoch completes. */
  runEpoch(): void;
  setHyperparameters(hyper: Hyperparameters): void;
  /** Mean loss (without the regularisation term) and accuracy on the training and test sets, in one pass each (NaN for an empty set). */
  evaluate(): {train: Evaluation; test: Evaluation};
  /** The network's output at a point of the plane (a view into its buffer). */
  outputAt(x1: number, x2: number): Float64Array;
  /** New training and test points with the same classes (the learner added some): keeps the weights. */
  setData(data: {train: readonly LabeledPoint[]; test: readonly LabeledPoint[]}): void;
  /** Replaces all weights and biases (import) and clears the optimiser's memory. */
  load(weights: Float64Array[], biases: Float64Array[]): void;
}

/** Layer sizes of the network for an architecture: features → hidden layers → 1 sigmoid or k softmax outputs. */
export function networkSizes(architecture: Architecture): number[] {
  return [architecture.features.length, ...architecture.layers, architecture.classes === 2 ? 1 : architecture.classes];
}

function createNetwork(architecture: Architecture): Mlp {
  return createMlp({
    sizes: networkSizes(architecture),
    hidden: architecture.activation,
    output: architecture.classes === 2 ? "sigmoid" : "softmax",
    init: "xavier",
    seed: architecture.seed
  });
}

function encode(points: readonly LabeledPoint[], features: FeatureId[], classes: number): Encoded {
  const outputs = classes === 2 ? 1 : classes;
  return {
    inputs: points.map((p) => featureVector(features, p.x1, p.x2)),
    targets: points.map((p) => {
      const t = new Float64Array(outputs);
      if (outputs === 1) t[0] = p.label === 1 ? 1 : 0;
      else t[p.label] = 1;
      return t;
    }),
    labels: points.map((p) => p.label)
  };
}

export function createSession(
  architecture: Architecture,
  hyper: Hyperparameters,
  data: {train: readonly LabeledPoint[]; test: readonly LabeledPoint[]}
): Session {
  const net = createNetwork(architecture);
  let train = encode(data.train, architecture.features, architecture.classes);
  let test = encode(data.test, architecture.features, architecture.classes);
  const grad: Gradients = zeroGradients(net);
  const params = parameters(net);
  const gradList = gradientList(grad);
  const shuffle: Rng = seededRng(architecture.seed + 1);
  let order = train.inputs.map((_, k) => k);
  const input = new Float64Array(architecture.features.length);
  let settings = hyper;
  let optimizer: Optimizer = createOptimizer(settings.optimizer, {learningRate: settings.learningRate});
  let cursor = 0;
  let epoch = 0;
  let diverged = false;
  let batchInputs: Float64Array[] = [];
  let batchTargets: Float64Array[] = [];

  const step = (): boolean => {
    if (diverged || order.length === 0) return false;
    if (cursor === 0) shuffle.shuffle(order);
    const end = Math.min(order.length, cursor + Math.max(1, settings.batchSize));
    const size = end - cursor;
    if (batchInputs.length !== size) {
      batchInputs = new Array(size);
      batchTargets = new Array(size);
    }
    for (let k = 0; k < size; ++k) {
      batchInputs[k] = train.inputs[order[cursor + k]];
      batchTargets[k] = train.targets[order[cursor + k]];
    }
    const {loss} = lossAndGradients(net, batchInputs, batchTargets, settings.loss, grad, {l1: settings.l1, l2: settings.l2});
    optimizer.step(params, gradList);
    if (!Number.isFinite(loss) || !allFinite(params)) diverged = true;
    cursor = end;
    if (cursor < order.length) return false;
    cursor = 0;
    ++epoch;
    return true;
  };

  const evaluate = (set: Encoded): Evaluation => {
    const n = set.inputs.length;
    let loss = 0;
    let correct = 0;
    for (let k = 0; k < n; ++k) {
      const y = forward(net, set.inputs[k]);
      loss += exampleLoss(y, set.targets[k], settings.loss, net.output);
      if (outputClass(y, net.output) === set.labels[k]) ++correct;
    }
    return n ? {loss: loss / n, accuracy: correct / n} : {loss: NaN, accuracy: NaN};
  };

  return {
    net,
    architecture,
    get epoch() {
      return epoch;
    },
    get diverged() {
      return diverged;
    },
    step,
    runEpoch() {
      while (!step() && !diverged && order.length > 0);
    },
    setHyperparameters(next) {
      if (next.optimizer !== settings.optimizer || next.learningRate !== settings.learningRate) {
        optimizer = createOptimizer(next.optimizer, {learningRate: next.learningRate});
      }
      settings = next;
    },
    evaluate: () => ({train: evaluate(train), test: evaluate(test)}),
    outputAt(x1, x2) {
      return forward(net, featureVector(architecture.features, x1, x2, input));
    },
    setData(next) {
      train = encode(next.train, architecture.features, architecture.classes);
      test = encode(next.test, architecture.features, architecture.classes);
      order = train.inputs.map((_, k) => k);
      cursor = 0;
    },
    load(weights, biases) {
      weights.forEach((w, l) => net.weights[l].set(w));
      biases.forEach((b, l) => net.biases[l].set(b));
      optimizer = createOptimizer(settings.optimizer, {learningRate: settings.learningRate});
      diverged = !allFinite(params);
    }
  };
}
