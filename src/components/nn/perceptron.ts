/**
 * The single perceptron: y = τ(w₁x₁ + w₂x₂ + b), with the step function by
 * default (y = 1 if the weighted sum is positive, else 0).
 */
import {step, type Activation} from "./activations.js";

export interface PerceptronWeights {
  w1: number;
  w2: number;
  b: number;
}

/** The weighted sum w₁x₁ + w₂x₂ + b. */
export function weightedSum({w1, w2, b}: PerceptronWeights, x1: number, x2: number): number {
  return w1 * x1 + w2 * x2 + b;
}

/** The perceptron's output for one input. */
export function perceptron(weights: PerceptronWeights, x1: number, x2: number, activation: Activation = step): number {
  return activation.f(weightedSum(weights, x1, x2));
}
