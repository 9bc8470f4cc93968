/**
 * A playground training session: the network and the engine's one trainer
 * (nn/trainer.ts) over the playground's points, encoded as the chosen
 * features. One `step` is one mini-batch; an epoch is one pass over the
 * (reshuffled) training set, as in TensorFlow Playground. Pure: no DOM, no timers.
 */
import type {ActivationId} from "../nn/activations.js";
import {createMlp, exampleLoss, forward, outputClass, type LossKind, type Mlp} from "../nn/mlp.js";
import {createOptimizer, type OptimizerKind} from "../nn/optimizers.js";
import {createTrainer, type Trainer, type TrainerSettings} from "../nn/trainer.js";
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
  /** The training loop itself (its optimiser, settings and divergence reason). */
  readonly trainer: Trainer;
  /** Completed epochs. */
  readonly epoch: number;
  /** True once a loss, gradient or update stopped being finite; training then refuses to step and the weights keep their last finite values. */
  readonly diverged: boolean;
  /** One mini-batch update; returns true when it completed an epoch. */
  step(): boolean;
  /** Steps until the current epoch completes. */
  runEpoch(): void;
  /** New hyper-parameters mid-run; the same optimiser keeps its state (Adam's moments) when only the learning rate changes. */
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
  let test = encode(data.test, architecture.features, architecture.classes);
  let train = encode(data.train, architecture.features, architecture.classes);
  const input = new Float64Array(architecture.features.length);
  const trainer = createTrainer({
    net,
    data: train,
    loss: hyper.loss,
    optimizer: createOptimizer(hyper.optimizer, {learningRate: hyper.learningRate}),
    shuffleSeed: architecture.seed + 1,
    ...trainerSettings(hyper)
  });

  const evaluate = (set: Encoded): Evaluation => {
    const n = set.inputs.length;
    const kind = trainer.options.loss;
    let loss = 0;
    let correct = 0;
    for (let k = 0; k < n; ++k) {
      const y = forward(net, set.inputs[k]);
      loss += exampleLoss(y, set.targets[k], kind, net.output);
      if (outputClass(y, net.output) === set.labels[k]) ++correct;
    }
    return n ? {loss: loss / n, accuracy: correct / n} : {loss: NaN, accuracy: NaN};
  };

  return {
    net,
    architecture,
    trainer,
    get epoch() {
      return trainer.epoch;
    },
    get diverged() {
      return trainer.diverged !== null;
    },
    step: () => trainer.step()?.endOfEpoch ?? false,
    runEpoch() {
      trainer.runEpoch();
    },
    setHyperparameters(next) {
      trainer.configure({...trainerSettings(next), loss: next.loss, learningRate: next.learningRate, optimizer: next.optimizer});
    },
    evaluate: () => ({train: evaluate(train), test: evaluate(test)}),
    outputAt(x1, x2) {
      return forward(net, featureVector(architecture.features, x1, x2, input));
    },
    setData(next) {
      train = encode(next.train, architecture.features, architecture.classes);
      test = encode(next.test, architecture.features, architecture.classes);
      trainer.setData(train);
    },
    load(weights, biases) {
      trainer.load(weights, biases);
    }
  };
}

function trainerSettings(hyper: Hyperparameters): Pick<TrainerSettings, "batchSize" | "regularization"> {
  return {batchSize: Math.max(1, hyper.batchSize), regularization: {l1: hyper.l1, l2: hyper.l2}};
}
