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
 * A batch runs a layer at a time: row r of every batch buffer is example r, and each
 * of the three sums above is an inner loop over consecutive numbers of W's row j and
 * of a row of a or δ, so W keeps the one layout every loop wants. All numbers live in
 * Float64Arrays that are allocated once (the batch buffers again only for a larger
 * batch): nothing is allocated per example or per step.
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

/** Pre-activations s and activations a per layer (index 0 of a is the input); row r of each belongs to example r. */
export interface LayerBuffers {
  s: Float64Array[];
  a: Float64Array[];
}

/** What a batch needs besides s and a: δ = ∂E/∂s per layer and the targets, `rows` examples each. */
export interface BatchBuffers extends LayerBuffers {
  rows: number;
  delta: Float64Array[];
  targets: Float64Array;
}

export interface Mlp extends LayerBuffers {
  sizes: number[];
  /** weights[l] is n_out × n_in, row-major: weights[l][j * n_in + i] connects input i to unit j. */
  weights: Float64Array[];
  biases: Float64Array[];
  /** Activation of each layer (the last one is the output's; softmax uses linear then normalises). */
  activations: Activation[];
  output: OutputKind;
  /** s and a (from LayerBuffers) hold the one example of the last `forward`; the batch of the last loss or gradient is here. */
  batch: BatchBuffers;
}

export interface Gradients {
  weights: Float64Array[];
  biases: Float64Array[];
}

function resolve(a: ActivationId | Activation): Activation {
  return typeof a === "string" ? activationById(a) : a;
}

function batchBuffers(sizes: readonly number[], rows: number): BatchBuffers {
  return {
    rows,
    s: sizes.slice(1).map((n) => new Float64Array(rows * n)),
    a: sizes.map((n) => new Float64Array(rows * n)),
    delta: sizes.slice(1).map((n) => new Float64Array(rows * n)),
    targets: new Float64Array(rows * sizes[sizes.length - 1])
  };
}

/** Creates a network with weights drawn from the chosen initialisation. */
export function createMlp(spec: MlpSpec): Mlp {
  const {sizes, output = "sigmoid", init = "xavier", seed = 1} = spec;
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError(`invalid layer sizes ${sizes}`);
  const layers = sizes.length - 1;
  const hidden = Array.isArray(spec.hidden) ? spec.hidden.map(resolve) : new Array(layers - 1).fill(resolve(spec.hidden));
  if (hidden.length !== layers - 1) throw new RangeError(`expected ${layers - 1} hidden activations, got ${hidden.length}`);
  const outputActivation = output === "sigmoid" ? sigmoid : linear;
  const one = batchBuffers(sizes, 1);
  const net: Mlp = {
    sizes: sizes.slice(),
    weights: [],
    biases: [],
    activations: [...hidden, outputActivation],
    output,
    s: one.s,
    a: one.a,
    batch: batchBuffers(sizes, 0)
  };
  const random = seededRng(seed);
  for (let l = 0; l < layers; ++l) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    const w = new Float64Array(nOut * nIn);
    initialise(w, nIn, nOut, init, random);
    net.weights.push(w);
    net.biases.push(new Float64Array(nOut));
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

/**
 * Where example r + k starts in a buffer of n numbers per example. The loops below
 * take four examples at a time; past the end of the batch, example r stands in.
 */
function rowStart(r: number, k: number, rows: number, n: number): number {
  return (r + k < rows ? r + k : r) * n;
}

/**
 * Feed forward of `rows` examples already in `buffers.a[0]`, one layer at a time.
 * Every sum adds its terms in the order one example at a time would, so a batch gives
 * the same numbers to the last bit as its examples fed one by one.
 */
function propagate(net: Mlp, buffers: LayerBuffers, rows: number): void {
  const layers = net.weights.length;
  for (let l = 0; l < layers; ++l) {
    const w = net.weights[l];
    const b = net.biases[l];
    const prev = buffers.a[l];
    const s = buffers.s[l];
    const nIn = net.sizes[l];
    const nOut = net.sizes[l + 1];
    for (let r = 0; r < rows; r += 4) {
      // Four examples at a time: each weight is read once for all four, and their four
      // sums grow side by side (a stand-in past the end recomputes example r).
      const x0 = r * nIn;
      const x1 = rowStart(r, 1, rows, nIn);
      const x2 = rowStart(r, 2, rows, nIn);
      const x3 = rowStart(r, 3, rows, nIn);
      const y0 = r * nOut;
      const y1 = rowStart(r, 1, rows, nOut);
      const y2 = rowStart(r, 2, rows, nOut);
      const y3 = rowStart(r, 3, rows, nOut);
      for (let j = 0; j < nOut; ++j) {
        let s0 = b[j];
        let s1 = s0;
        let s2 = s0;
        let s3 = s0;
        const row = j * nIn;
        for (let i = 0; i < nIn; ++i) {
          const v = w[row + i];
          s0 += v * prev[x0 + i];
          s1 += v * prev[x1 + i];
          s2 += v * prev[x2 + i];
          s3 += v * prev[x3 + i];
        }
        s[y0 + j] = s0;
        s[y1 + j] = s1;
        s[y2 + j] = s2;
        s[y3 + j] = s3;
      }
    }
    net.activations[l].apply(s, buffers.a[l + 1], rows * nOut);
  }
  if (net.output !== "softmax") return;
  const out = buffers.a[layers];
  const n = net.sizes[layers];
  for (let r = 0; r < rows; ++r) softmaxInPlace(out, r * n, n);
}

/** Runs the network on one input; returns the output activations (a view into the network's buffer). */
export function forward(net: Mlp, x: ArrayLike<number>): Float64Array {
  const input = net.a[0];
  for (let i = 0; i < input.length; ++i) input[i] = x[i];
  propagate(net, net, 1);
  return net.a[net.weights.length];
}

/** Softmax of v[at … at + n − 1], in place. */
function softmaxInPlace(v: Float64Array, at: number, n: number): void {
  let max = -Infinity;
  for (let k = at; k < at + n; ++k) if (v[k] > max) max = v[k];
  let sum = 0;
  for (let k = at; k < at + n; ++k) sum += v[k] = Math.exp(v[k] - max);
  for (let k = at; k < at + n; ++k) v[k] /= sum;
}

/** Loss of one example given the output of the last forward pass. */
export function exampleLoss(y: ArrayLike<number>, t: ArrayLike<number>, loss: LossKind, output: OutputKind): number {
  return rowLoss(y, t, 0, y.length, loss, output);
}

/** Loss of the example whose n outputs and targets start at index `at`. */
function rowLoss(y: ArrayLike<number>, t: ArrayLike<number>, at: number, n: number, loss: LossKind, output: OutputKind): number {
  let e = 0;
  const end = at + n;
  if (loss === "mse") {
    for (let k = at; k < end; ++k) e += 0.5 * (y[k] - t[k]) ** 2;
    return e;
  }
  const eps = 1e-12;
  if (output === "softmax") {
    for (let k = at; k < end; ++k) if (t[k] > 0) e -= t[k] * Math.log(Math.max(y[k], eps));
    return e;
  }
  // Binary cross-entropy per output unit.
  for (let k = at; k < end; ++k) e -= t[k] * Math.log(Math.max(y[k], eps)) + (1 - t[k]) * Math.log(Math.max(1 - y[k], eps));
  return e;
}

/**
 * Copies a batch into the network's batch buffers (grown only for a larger batch),
 * runs it forward and returns the sum of its examples' losses.
 */
function forwardBatch(net: Mlp, inputs: ArrayLike<number>[], targets: ArrayLike<number>[], loss: LossKind): number {
  const rows = inputs.length;
  if (net.batch.rows < rows) net.batch = batchBuffers(net.sizes, rows);
  const batch = net.batch;
  const nIn = net.sizes[0];
  const nOut = net.sizes[net.sizes.length - 1];
  const x = batch.a[0];
  const t = batch.targets;
  for (let r = 0; r < rows; ++r) {
    const input = inputs[r];
    const target = targets[r];
    for (let i = 0; i < nIn; ++i) x[r * nIn + i] = input[i];
    for (let k = 0; k < nOut; ++k) t[r * nOut + k] = target[k];
  }
  propagate(net, batch, rows);
  const y = batch.a[net.weights.length];
  let total = 0;
  for (let r = 0; r < rows; ++r) total += rowLoss(y, t, r * nOut, nOut, loss, net.output);
  return total;
}

/** δ of the output layer for every example of the batch after `forwardBatch`. */
function outputDelta(net: Mlp, rows: number, loss: LossKind): void {
  const {batch, output} = net;
  const last = net.weights.length - 1;
  const n = net.sizes[last + 1];
  const y = batch.a[last + 1];
  const t = batch.targets;
  const d = batch.delta[last];
  // Cross-entropy on a sigmoid or softmax output cancels τ′: δ = y − t.
  for (let k = 0; k < rows * n; ++k) d[k] = y[k] - t[k];
  if (loss === "cross-entropy" && output !== "linear") return;
  if (output === "softmax") {
    // Squared error through softmax: ∂y_k/∂s_j = y_k(1[k=j] − y_j), so δ_j = y_j((y_j − t_j) − Σ_k (y_k − t_k) y_k).
    for (let r = 0; r < rows; ++r) {
      const at = r * n;
      let dot = 0;
      for (let k = at; k < at + n; ++k) dot += (y[k] - t[k]) * y[k];
      for (let j = at; j < at + n; ++j) d[j] = y[j] * (y[j] - t[j] - dot);
    }
    return;
  }
  net.activations[last].scaleByDerivative(d, batch.s[last], y, rows * n);
}

/**
 * Backpropagates the batch of the last `forwardBatch` (`rows` examples), adding
 * ∂E/∂W and ∂E/∂b into `grad` scaled by `scale` (1/batch size for a mean).
 */
function backward(net: Mlp, rows: number, loss: LossKind, grad: Gradients, scale: number): void {
  const {batch} = net;
  outputDelta(net, rows, loss);
  for (let l = net.weights.length - 1; l >= 0; --l) {
    const w = net.weights[l];
    const prev = batch.a[l];
    const delta = batch.delta[l];
    const gw = grad.weights[l];
    const gb = grad.biases[l];
    const nIn = net.sizes[l];
    const nOut = net.sizes[l + 1];
    const below = l > 0 ? batch.delta[l - 1] : null;
    if (below) below.fill(0, 0, rows * nIn);
    for (let r = 0; r < rows; r += 4) {
      // Four examples at a time, as in `propagate`; a stand-in past the end of the batch has δ = 0 and adds nothing.
      const x0 = r * nIn;
      const x1 = rowStart(r, 1, rows, nIn);
      const x2 = rowStart(r, 2, rows, nIn);
      const x3 = rowStart(r, 3, rows, nIn);
      const y0 = r * nOut;
      for (let j = 0; j < nOut; ++j) {
        const e0 = delta[y0 + j];
        const e1 = r + 1 < rows ? delta[y0 + nOut + j] : 0;
        const e2 = r + 2 < rows ? delta[y0 + 2 * nOut + j] : 0;
        const e3 = r + 3 < rows ? delta[y0 + 3 * nOut + j] : 0;
        const d0 = e0 * scale;
        const d1 = e1 * scale;
        const d2 = e2 * scale;
        const d3 = e3 * scale;
        gb[j] = gb[j] + d0 + d1 + d2 + d3;
        const row = j * nIn;
        if (!below) for (let i = 0; i < nIn; ++i) gw[row + i] = gw[row + i] + d0 * prev[x0 + i] + d1 * prev[x1 + i] + d2 * prev[x2 + i] + d3 * prev[x3 + i];
        // With a layer below, the same pass adds to its sums Σ_j W[j·n_in + i] · δ_j, one j at a time.
        else
          for (let i = 0; i < nIn; ++i) {
            const v = w[row + i];
            gw[row + i] = gw[row + i] + d0 * prev[x0 + i] + d1 * prev[x1 + i] + d2 * prev[x2 + i] + d3 * prev[x3 + i];
            below[x0 + i] += v * e0;
            below[x1 + i] += v * e1;
            below[x2 + i] += v * e2;
            below[x3 + i] += v * e3;
          }
      }
    }
    if (below) net.activations[l - 1].scaleByDerivative(below, batch.s[l - 1], prev, rows * nIn);
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
  const total = forwardBatch(net, inputs, targets, loss);
  backward(net, n, loss, grad, 1 / n);
  let penalty = 0;
  const {l1 = 0, l2 = 0} = regularization;
  if (l1 || l2) {
    for (let l = 0; l < net.weights.length; ++l) {
      const w = net.weights[l];
      const g = grad.weights[l];
      for (let i = 0; i < w.length; ++i) {
        penalty += l1 * Math.abs(w[i]) + 0.5 * l2 * w[i] * w[i];
        g[i] += l1 * Math.sign(w[i]) + l2 * w[i];
      }
    }
  }
  return {loss: total / n + penalty, grad};
}

/** Mean loss over a dataset, without gradients. */
export function meanLoss(net: Mlp, inputs: ArrayLike<number>[], targets: ArrayLike<number>[], loss: LossKind): number {
  return forwardBatch(net, inputs, targets, loss) / inputs.length;
}

/** Euclidean norm of each layer's weight gradient, input layer first. */
export function layerGradientNorms(grad: Gradients): number[] {
  return grad.weights.map((g) => {
    let sum = 0;
    for (let i = 0; i < g.length; ++i) sum += g[i] * g[i];
    return Math.sqrt(sum);
  });
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
    batch: batchBuffers(net.sizes, 0)
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
