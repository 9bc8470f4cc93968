/**
 * A playground configuration as the experiment it trains: the points (the
 * generated dataset, split by the seed), the network and the training
 * settings, built the way the playground builds them from the same settings.
 * Pure: no DOM. The PyTorch export reads it; so can anything that needs the
 * experiment without the widget.
 */
import {activationById} from "../nn/activations.js";
import type {PlaygroundExperiment} from "../course/pytorch-playground.js";
import {selectedFeatures, type PlaygroundConfig} from "./config.js";
import {datasetClasses, generateDataset, splitTrainTest, type DatasetId, type LabeledPoint} from "./datasets.js";
import type {Architecture, Hyperparameters} from "./training.js";

/** The generated points of a configuration, split into training and test sets (not for "custom": those are the learner's). */
export function configData(config: PlaygroundConfig): PlaygroundExperiment["data"] & {classes: number} {
  const id = config.dataset as DatasetId;
  const points = generateDataset(id, {count: config.points, noise: config.noise / 100, seed: config.seed, classes: config.classes});
  return {...splitTrainTest(points, config.train / 100, config.seed), classes: datasetClasses(id, config.classes)};
}

export function configArchitecture(config: PlaygroundConfig, classes: number): Architecture {
  return {features: selectedFeatures(config), layers: config.layers.slice(), activation: activationById(config.activation).id, classes, seed: config.seed};
}

export function configHyperparameters(config: PlaygroundConfig): Hyperparameters {
  return {
    loss: config.loss as Hyperparameters["loss"],
    learningRate: config.lr,
    batchSize: config.batch,
    optimizer: config.optimizer as Hyperparameters["optimizer"],
    l1: config.reg === "l1" ? config.rate : 0,
    l2: config.reg === "l2" ? config.rate : 0
  };
}

/** The classes of a set of the learner's own points: their largest label + 1, at least 2. */
export function customClasses(points: readonly LabeledPoint[]): number {
  return Math.max(2, ...points.map((p) => p.label + 1));
}

/**
 * The experiment of a configuration for `epochs` passes: on the points the playground
 * trains on when given (the learner's own, too), else on the generated ones; null for
 * the learner's own points when they are not given.
 */
export function experimentOf(config: PlaygroundConfig, epochs: number, points?: PlaygroundExperiment["data"]): PlaygroundExperiment | null {
  if (!points && config.dataset === "custom") return null;
  const {classes, ...data} = points ? {...points, classes: config.dataset === "custom" ? customClasses([...points.train, ...points.test]) : datasetClasses(config.dataset as DatasetId, config.classes)} : configData(config);
  return {architecture: configArchitecture(config, classes), hyper: configHyperparameters(config), data, epochs};
}
