/**
 * A small dense multi-layer perceptron for the teaching networks, written so the
 * backpropagation formulas of the lecture can be read off the code.
 *
 * Layer l maps a^(l−1) (size n_in) to a^(l) (size n_out):
 *   s_j = Σ_i W[j·n_in + i] · a_i + b_j,     a_j = τ(s_j)
 * Backward, with δ_j = ∂E/∂s_j ("upstream gradient × local gradient"):
 *   output layer:  δ_j = (y_j − t_j) · τ′(s_j)      (E = ½ Σ (y − t)²)
 *                  δ_j = y_j − t_j                   (sigmoid + cross-entropy, or softmax + cross-entropy)
 *   hidden layer:  δ_i = (Σ_j W[j·n_in + i] · δ_j) · τ′(s_i)
 *   gradients:     ∂E/∂W[j·n_in + i] = δ_j · a_i,   ∂E/∂b_j = δ_j
 * All numbers live in Float64Arrays; nothing is allocated per example.
 */
import {activationById, linear, sigmoid, type Activation, type ActivationId} from "./activations.js";
import {rng as seededRng, type Rng} from "./rng.js";

export type OutputKind = "sigmoid" | "softmax" | "linear";
export type LossKind = "mse" | "cross-entropy";
export type InitKind = "small-uniform" | "xavier" | "he";

export interface MlpSpec {
  /** Layer sizes including input and output, e.g. [2, 4, 1]. */
  sizes: number[];
  /** Activation of every hidden layer, or one per hidden layer. */
  hidden: ActivationId | Activation | (ActivationId | Activation)[];
  /** Output unit: sigmoid (two classes), softmax (several) or linear. */
  output?: OutputKind;
  init?: InitKind;
  seed?: number;
}

export interface Mlp {
  sizes: number[];
  /** weights[l] is n_out × n_in, row-major: weights[l][j * n_in + i] connects input i to unit j. */
  weights: Float64Array[];
  biases: Float64Array[];
  /** Activation of each layer (the last one is the output's; softmax uses linear then normalises). */
  activations: Activation[];
  output: OutputKind;
  /** Pre-activations s and activations a of the last forward pass, per layer (index 0 of a is the input). */
  s: Float64Array[];
  a: Float64Array[];
  /** δ = ∂E/∂s of the last backward pass, per layer. */
  delta: Float64Array[];
}

export interface Gradients {
  weights: Float64Array[];
  biases: Float64Array[];
}

function resolve(a: ActivationId | Activation): Activation {
  return typeof a === "string" ? activationById(a) : a;
}

/** Creates a network with weights drawn from the chosen initialisation. */
export function createMlp(spec: MlpSpec): Mlp {
  const {sizes, output = "sigmoid", init = "xavier", seed = 1} = spec;
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError(`invalid layer sizes ${sizes}`);
  const layers = sizes.length - 1;
  const hidden = Array.isArray(spec.hidden) ? spec.hidden.map(resolve) : new Array(layers - 1).fill(resolve(spec.hidden));
  if (hidden.length !== layers - 1) throw new RangeError(`expected ${layers - 1} hidden activations, got ${hidden.length}`);
  const outputActivation = output === "sigmoid" ? sigmoid : linear;
  const net: Mlp = {
    sizes: sizes.slice(),
    weights: [],
    biases: [],
    activations: [...hidden, outputActivation],
    output,
    s: [],
    a: [new Float64Array(sizes[0])],
    delta: []
  };
  const random = seededRng(seed);
  for (let l = 0; l < layers; ++l) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const w = new Float64Array(nOut * nIn);
    initialise(w, nIn, nOut, init, random);
    net.weights.push(w);
    net.biases.push(new Float64Array(nOut));
    net.s.push(new Float64Array(nOut));
    net.a.push(new Float64Array(nOut));
    net.delta.push(new Float64Array(nOut));
  }
  return net;
}

/** Fills weights: small uniform ±0.5, Xavier/Glorot uniform, or He normal. */
function initialise(w: Float64Array, nIn: number, nOut: number, init: InitKind, random: Rng): void {
  for (let k = 0; k < w.length; ++k) {
    switch (init) {
      case "small-uniform":
        w[k] = random.uniform(-0.5, 0.5);
        break;
      case "xavier": {
        const limit = Math.sqrt(6 / (nIn + nOut));
        w[k] = random.uniform(-limit, limit);
        break;
      }
      case "he":
        w[k] = random.normal(0, Math.sqrt(2 / nIn));
        break;
    }
  }
}

/** Runs the network on one input; returns the output activations (a view into the network's buffer). */
export function forward(net: Mlp, x: ArrayLike<number>): Float64Array {
  const input = net.a[0];
  for (let i = 0; i < input.length; ++i) input[i] = x[i];
  const layers = net.weights.length;
  for (let l = 0; l < layers; ++l) {
    const w = net.weights[l];
    const b = net.biases[l];
    const prev = net.a[l];
    const s = net.s[l];
    const a = net.a[l + 1];
    const nIn = prev.length;
    const act = net.activations[l];
    for (let j = 0; j < s.length; ++j) {
      let sum = b[j];
      const row = j * nIn;
      for (let i = 0; i < nIn; ++i) sum += w[row + i] * prev[i];
      s[j] = sum;
      a[j] = act.f(sum);
    }
  }
  const out = net.a[layers];
  if (net.output === "softmax") softmaxInPlace(out);
  return out;
}

function softmaxInPlace(v: Float64Array): void {
  let max = -Infinity;
  for (const x of v) if (x > max) max = x;
  let sum = 0;
  for (let i = 0; i < v.length; ++i) sum += v[i] = Math.exp(v[i] - max);
  for (let i = 0; i < v.length; ++i) v[i] /= sum;
}

/** Loss of one example given the output of the last forward pass. */
export function exampleLoss(y: ArrayLike<number>, t: ArrayLike<number>, loss: LossKind, output: OutputKind): number {
  let e = 0;
  if (loss === "mse") {
    for (let k = 0; k < y.length; ++k) e += 0.5 * (y[k] - t[k]) ** 2;
    return e;
  }
  const eps = 1e-12;
  if (output === "softmax") {
    for (let k = 0; k < y.length; ++k) if (t[k] > 0) e -= t[k] * Math.log(Math.max(y[k], eps));
    return e;
  }
  // Binary cross-entropy per output unit.
  for (let k = 0; k < y.length; ++k) e -= t[k] * Math.log(Math.max(y[k], eps)) + (1 - t[k]) * Math.log(Math.max(1 - y[k], eps));
  return e;
}

/**
 * Backpropagates one example after `forward`, adding ∂E/∂W and ∂E/∂b into `grad`
 * scaled by `scale` (1/batch size for a mean).
 */
export function backward(net: Mlp, t: ArrayLike<number>, loss: LossKind, grad: Gradients, scale = 1): void {
  const layers = net.weights.length;
  const last = layers - 1;
  const y = net.a[layers];
  const dOut = net.delta[last];
  // Cross-entropy on a sigmoid or softmax output cancels τ′: δ = y − t.
  const cancels = loss === "cross-entropy" && net.output !== "linear";
  if (cancels) {
    for (let j = 0; j < y.length; ++j) dOut[j] = y[j] - t[j];
  } else if (net.output === "softmax") {
    // Squared error through softmax: ∂y_k/∂s_j = y_k(1[k=j] − y_j), so δ_j = y_j((y_j − t_j) − Σ_k (y_k − t_k) y_k).
    let dot = 0;
    for (let k = 0; k < y.length; ++k) dot += (y[k] - t[k]) * y[k];
    for (let j = 0; j < y.length; ++j) dOut[j] = y[j] * (y[j] - t[j] - dot);
  } else {
    const act = net.activations[last];
    const s = net.s[last];
    for (let j = 0; j < y.length; ++j) dOut[j] = (y[j] - t[j]) * act.derivative(s[j], y[j]);
  }
  for (let l = last; l >= 0; --l) {
    const w = net.weights[l];
    const prev = net.a[l];
    const delta = net.delta[l];
    const gw = grad.weights[l];
    const gb = grad.biases[l];
    const nIn = prev.length;
    for (let j = 0; j < delta.length; ++j) {
      const d = delta[j] * scale;
      gb[j] += d;
      const row = j * nIn;
      for (let i = 0; i < nIn; ++i) gw[row + i] += d * prev[i];
    }
    if (l > 0) {
      const below = net.delta[l - 1];
      const act = net.activations[l - 1];
      const s = net.s[l - 1];
      for (let i = 0; i < nIn; ++i) {
        let sum = 0;
        for (let j = 0; j < delta.length; ++j) sum += w[j * nIn + i] * delta[j];
        below[i] = sum * act.derivative(s[i], prev[i]);
      }
    }
  }
}

export function zeroGradients(net: Mlp): Gradients {
  return {weights: net.weights.map((w) => new Float64Array(w.length)), biases: net.biases.map((b) => new Float64Array(b.length))};
}

export function clearGradients(grad: Gradients): void {
  for (const g of grad.weights) g.fill(0);
  for (const g of grad.biases) g.fill(0);
}

export interface Regularization {
  l1?: number;
  l2?: number;
}

/**
 * Mean loss and mean gradients over a batch. Regularisation adds
 * l1·Σ|w| + ½·l2·Σw² over weights (not biases) to the loss and its gradient.
 */
export function lossAndGradients(
  net: Mlp,
  inputs: ArrayLike<number>[],
  targets: ArrayLike<number>[],
  loss: LossKind,
  grad: Gradients = zeroGradients(net),
  regularization: Regularization = {}
): {loss: number; grad: Gradients} {
  clearGradients(grad);
  const n = inputs.length;
  let total = 0;
  for (let k = 0; k < n; ++k) {
    const y = forward(net, inputs[k]);
    total += exampleLoss(y, targets[k], loss, net.output);
    backward(net, targets[k], loss, grad, 1 / n);
  }
  let penalty = 0;
  const {l1 = 0, l2 = 0} = regularization;
  if (l1 || l2) {
    net.weights.forEach((w, l) => {
      const g = grad.weights[l];
      for (let i = 0; i < w.length; ++i) {
        penalty += l1 * Math.abs(w[i]) + 0.5 * l2 * w[i] * w[i];
        g[i] += l1 * Math.sign(w[i]) + l2 * w[i];
      }
    });
  }
  return {loss: total / n + penalty, grad};
}

/** Mean loss over a dataset, without gradients. */
export function meanLoss(net: Mlp, inputs: ArrayLike<number>[], targets: ArrayLike<number>[], loss: LossKind): number {
  let total = 0;
  for (let k = 0; k < inputs.length; ++k) total += exampleLoss(forward(net, inputs[k]), targets[k], loss, net.output);
  return total / inputs.length;
}

/** Euclidean norm of each layer's weight gradient, input layer first. */
export function layerGradientNorms(grad: Gradients): number[] {
  return grad.weights.map((g) => Math.sqrt(g.reduce((sum, x) => sum + x * x, 0)));
}

/** How many weights and biases a dense network with these layer sizes has (one bias per non-input unit). */
export function countParameters(sizes: readonly number[]): {weights: number; biases: number} {
  let weights = 0;
  let biases = 0;
  for (let l = 1; l < sizes.length; ++l) {
    weights += sizes[l - 1] * sizes[l];
    biases += sizes[l];
  }
  return {weights, biases};
}

/** A deep copy of the network's parameters (for export, reset and finite differences). */
export function cloneMlp(net: Mlp): Mlp {
  return {
    ...net,
    sizes: net.sizes.slice(),
    weights: net.weights.map((w) => w.slice()),
    biases: net.biases.map((b) => b.slice()),
    activations: net.activations.slice(),
    s: net.s.map((x) => x.slice()),
    a: net.a.map((x) => x.slice()),
    delta: net.delta.map((x) => x.slice())
  };
}

/** All parameters as flat lists, weights then biases per layer (what optimisers update). */
export function parameters(net: Mlp): Float64Array[] {
  return net.weights.flatMap((w, l) => [w, net.biases[l]]);
}

/** Gradients in the same order as {@link parameters}. */
export function gradientList(grad: Gradients): Float64Array[] {
  return grad.weights.flatMap((w, l) => [w, grad.biases[l]]);
}

/** The class an output vector stands for: the largest output, or the thresholded output for one unit. */
export function outputClass(y: ArrayLike<number>, output: OutputKind): number {
  if (y.length === 1) return y[0] > (output === "linear" ? 0 : 0.5) ? 1 : 0;
  let best = 0;
  for (let k = 1; k < y.length; ++k) if (y[k] > y[best]) best = k;
  return best;
}

/** The class the network predicts for one input. */
export function predictClass(net: Mlp, x: ArrayLike<number>): number {
  return outputClass(forward(net, x), net.output);
}

/** Whether every number in the arrays is finite (a diverging update makes them NaN or ±∞). */
export function allFinite(arrays: Float64Array[]): boolean {
  for (const a of arrays) for (let i = 0; i < a.length; ++i) if (!Number.isFinite(a[i])) return false;
  return true;
}
