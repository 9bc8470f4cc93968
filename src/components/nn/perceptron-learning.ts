/**
 * Learning a single unit's weights from labelled 2-D samples, one sample at a time.
 *
 * Two rules:
 * - "perceptron": Rosenblatt's rule with the step function, w ← w + η(t − y)x, b ← b + η(t − y).
 *   It changes the weights only on a mistake, and stops changing them once every sample is right.
 * - "sigmoid": gradient descent on E = ½(y − t)² for a sigmoid unit,
 *   w ← w − η(y − t)·y(1 − y)·x (the backpropagation page's formula for one unit).
 *
 * Training is a generator of reports, so a page can animate it step by step and a
 * test can run it to the end. Nothing here touches the DOM.
 */
import {sigmoid, step, type Activation} from "./activations.js";
import {rng} from "./rng.js";
import {weightedSum, type PerceptronWeights} from "./perceptron.js";

export type LearningRuleId = "perceptron" | "sigmoid";

export const LEARNING_RULE_IDS: LearningRuleId[] = ["perceptron", "sigmoid"];

export const LEARNING_RULE_NAMES: Record<LearningRuleId, string> = {
  perceptron: "Perceptron rule (step)",
  sigmoid: "Gradient descent (sigmoid unit)"
};

export interface Sample {
  x1: number;
  x2: number;
  /** Target class, 0 or 1. */
  y: number;
}

export interface LearningRule {
  id: LearningRuleId;
  activation: Activation;
  /** The weights after learning from one sample, and the unit's output before the update. */
  update(weights: PerceptronWeights, sample: Sample, learningRate: number): {output: number; next: PerceptronWeights};
}

export const perceptronRule: LearningRule = {
  id: "perceptron",
  activation: step,
  update(weights, {x1, x2, y: target}, eta) {
    const output = step.f(weightedSum(weights, x1, x2));
    const e = target - output;
    return {output, next: {w1: weights.w1 + eta * e * x1, w2: weights.w2 + eta * e * x2, b: weights.b + eta * e}};
  },
};

export const sigmoidRule: LearningRule = {
  id: "sigmoid",
  activation: sigmoid,
  update(weights, {x1, x2, y: target}, eta) {
    const s = weightedSum(weights, x1, x2);
    const output = sigmoid.f(s);
    const delta = (output - target) * sigmoid.derivative(s, output);
    return {output, next: {w1: weights.w1 - eta * delta * x1, w2: weights.w2 - eta * delta * x2, b: weights.b - eta * delta}};
  }
};

export const LEARNING_RULES: Record<LearningRuleId, LearningRule> = {perceptron: perceptronRule, sigmoid: sigmoidRule};

/**
 * The class a unit predicts: 1 when its output is above its activation's value at 0
 * (step: y > 0, sigmoid: y > 0.5, tanh/ReLU/linear: y > 0) — that is, when w₁x₁ + w₂x₂ + b > 0.
 */
export function predictedClass(activation: Activation, weights: PerceptronWeights, x1: number, x2: number): 0 | 1 {
  return activation.f(weightedSum(weights, x1, x2)) > activation.f(0) ? 1 : 0;
}

/** How many samples the weights classify wrongly. */
export function countErrors(activation: Activation, weights: PerceptronWeights, samples: readonly Sample[]): number {
  return samples.reduce((n, s) => n + (predictedClass(activation, weights, s.x1, s.x2) === s.y ? 0 : 1), 0);
}

/** ½·mean (y − t)² of the unit's outputs. */
export function meanSquaredError(activation: Activation, weights: PerceptronWeights, samples: readonly Sample[]): number {
  const sum = samples.reduce((acc, s) => acc + (activation.f(weightedSum(weights, s.x1, s.x2)) - s.y) ** 2, 0);
  return sum / (2 * samples.length);
}

/** Starting weights drawn uniformly from [−0.5, 0.5) with a seeded generator. */
export function initialWeights(seed: number): PerceptronWeights {
  const random = rng(seed);
  return {w1: random.uniform(-0.5, 0.5), w2: random.uniform(-0.5, 0.5), b: random.uniform(-0.5, 0.5)};
}

export interface TrainingConfig {
  samples: readonly Sample[];
  rule: LearningRuleId;
  learningRate: number;
  /** Starting weights (default: initialWeights(seed)). */
  initial?: PerceptronWeights;
  seed?: number;
}

/** One sample seen and learned from. */
export interface StepReport {
  kind: "step";
  /** 1-based epoch this step belongs to. */
  epoch: number;
  /** Index of the sample within the epoch (samples are visited in order). */
  index: number;
  sample: Sample;
  /** The unit's output for the sample before the update. */
  output: number;
  before: PerceptronWeights;
  after: PerceptronWeights;
}

/** The state after a full pass over the samples. */
export interface EpochReport {
  kind: "epoch";
  epoch: number;
  weights: PerceptronWeights;
  /** Samples the weights at the end of the epoch get wrong. */
  errors: number;
  /** ½·mean squared error at the end of the epoch (for the step rule, the fraction of errors over 2). */
  loss: number;
  /** Every sample is right: the perceptron rule makes no further change. */
  converged: boolean;
  /** An earlier epoch that ended with the same weights: from there on the rule repeats itself. */
  repeatOf: number | null;
}

/** Weights equal up to floating-point noise (updates are sums of ±η·x, so cycles repeat up to rounding). */
function sameWeights(a: PerceptronWeights, b: PerceptronWeights): boolean {
  const tolerance = 1e-9;
  return Math.abs(a.w1 - b.w1) < tolerance && Math.abs(a.w2 - b.w2) < tolerance && Math.abs(a.b - b.b) < tolerance;
}

/**
 * Trains forever, sample by sample in the given order, yielding a report for every
 * step and, after each pass, one for the epoch. The caller decides when to stop.
 */
export function* trainingReports(config: TrainingConfig): Generator<StepReport | EpochReport, never> {
  const {samples, learningRate} = config;
  if (samples.length === 0) throw new RangeError("training needs at least one sample");
  if (!(learningRate > 0) || !Number.isFinite(learningRate)) throw new RangeError(`learning rate must be a positive number, got ${learningRate}`);
  const rule = LEARNING_RULES[config.rule];
  let weights = config.initial ?? initialWeights(config.seed ?? 1);
  const history: PerceptronWeights[] = [weights];
  for (let epoch = 1; ; ++epoch) {
    for (let index = 0; index < samples.length; ++index) {
      const sample = samples[index];
      const {output, next} = rule.update(weights, sample, learningRate);
      yield {kind: "step", epoch, index, sample, output, before: weights, after: next};
      weights = next;
    }
    const errors = countErrors(rule.activation, weights, samples);
    const earlier = history.findIndex((w) => sameWeights(w, weights));
    history.push(weights);
    yield {
      kind: "epoch",
      epoch,
      weights,
      errors,
      loss: meanSquaredError(rule.activation, weights, samples),
      converged: errors === 0,
      repeatOf: earlier >= 0 ? earlier : null
    };
  }
}

export interface TrainingResult {
  epochs: EpochReport[];
  /** First epoch that ended with every sample right, or null. */
  convergedAt: number | null;
  weights: PerceptronWeights;
}

/** Runs whole epochs until every sample is right or maxEpochs have passed. */
export function train(config: TrainingConfig, maxEpochs: number): TrainingResult {
  const epochs: EpochReport[] = [];
  let weights = config.initial ?? initialWeights(config.seed ?? 1);
  if (maxEpochs < 1) return {epochs, convergedAt: null, weights};
  for (const report of trainingReports(config)) {
    if (report.kind !== "epoch") continue;
    epochs.push(report);
    weights = report.weights;
    if (report.converged) return {epochs, convergedAt: report.epoch, weights};
    if (report.epoch >= maxEpochs) break;
  }
  return {epochs, convergedAt: null, weights};
}
