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
import {datasetClasses, generateDataset, splitTrainTest, type DatasetId} from "./datasets.js";
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

/** The experiment of a configuration with generated points, for `epochs` passes; null for the learner's own points. */
export function experimentOf(config: PlaygroundConfig, epochs: number): PlaygroundExperiment | null {
  if (config.dataset === "custom") return null;
  const {classes, ...data} = configData(config);
  return {architecture: configArchitecture(config, classes), hyper: configHyperparameters(config), data, epochs};
}
