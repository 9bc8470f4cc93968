/**
 * The multi-layer perceptron as plain tfjs-core variables: x·W + b per layer,
 * the activation between layers, logits out. Initialised like PyTorch's
 * nn.Linear (weights and biases uniform in ±1/√fan_in) from a seeded PRNG,
 * so every backend and Node start from the same numbers.
 *
 * The weights are stored as PyTorch stores them, [fanOut, fanIn] (that is Wᵀ),
 * for tfjs's wasm backend: its fast matrix product (XNNPACK) repacks the
 * right-hand operand whenever that tensor changes, and the weights change
 * every step; packing the 784×256 matrix costs more than the product itself.
 * With Wᵀ stored, the big matrix is the left operand of every product that
 * touches it (see denseLayer and backprop.ts).
 */
import * as tf from "@tensorflow/tfjs-core";
import type {Activation} from "./recipe.js";
import type {Rng} from "../nn/rng.js";

export interface Layer {
  /** Wᵀ: [fanOut, fanIn] */
  weights: tf.Variable;
  bias: tf.Variable;
}

export interface Mlp {
  layers: Layer[];
  activation: Activation;
}

/** Uniform values in ±bound, drawn in order from the PRNG. */
function uniform(n: number, bound: number, random: Rng): Float32Array {
  const values = new Float32Array(n);
  for (let i = 0; i < n; ++i) values[i] = (2 * random() - 1) * bound;
  return values;
}

/** An MLP with the given layer sizes (input first, output last). */
export function createMlp(sizes: number[], activation: Activation, random: Rng): Mlp {
  const layers: Layer[] = [];
  for (let i = 1; i < sizes.length; ++i) {
    const [fanIn, fanOut] = [sizes[i - 1], sizes[i]];
    const bound = 1 / Math.sqrt(fanIn);
    const weights = tf.tensor2d(uniform(fanIn * fanOut, bound, random), [fanOut, fanIn]);
    const bias = tf.tensor1d(uniform(fanOut, bound, random));
    layers.push({weights: tf.variable(weights, true, `w${i}`), bias: tf.variable(bias, true, `b${i}`)});
    // The variables hold their own reference to the values; without this the initial tensors leak.
    tf.dispose([weights, bias]);
  }
  return {layers, activation};
}

/** Whether products run on tfjs's wasm backend, whose fast path takes only untransposed operands. */
export function onWasm(): boolean {
  return tf.getBackend() === "wasm";
}

/** Whether tfjs runs on a GPU backend (WebGL, WebGPU), where each kernel dispatch has a fixed cost. */
export function onGpu(): boolean {
  return ["webgl", "webgpu"].includes(tf.getBackend());
}

/**
 * One layer's output act(A·W + b) for a batch A, with Wᵀ stored. On wasm the
 * product is taken as (Wᵀ·Aᵀ)ᵀ: two small explicit transposes of 64-row
 * matrices keep it on the fast path and the weights on the left. GPU
 * backends read transposed operands for free, so there it is one fused kernel.
 */
export function denseLayer(a: tf.Tensor2D, layer: Layer, activation: Activation | "linear"): tf.Tensor2D {
  const weightsT = layer.weights as tf.Tensor2D;
  if (!onWasm()) return tf.fused.matMul({a, b: weightsT, transposeB: true, bias: layer.bias, activation}) as tf.Tensor2D;
  const z = tf.add(tf.transpose(tf.matMul(weightsT, tf.transpose(a))), layer.bias) as tf.Tensor2D;
  return activation === "relu" ? tf.relu(z) : activation === "sigmoid" ? tf.sigmoid(z) : z;
}

/** Logits for a batch of flattened, normalised images. */
export function forward(mlp: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  return mlp.layers.reduce((h, layer, i) => denseLayer(h, layer, i < mlp.layers.length - 1 ? mlp.activation : "linear"), x);
}

export function mlpVariables(mlp: Mlp): tf.Variable[] {
  return mlp.layers.flatMap((l) => [l.weights, l.bias]);
}

export function disposeMlp(mlp: Mlp): void {
  for (const v of mlpVariables(mlp)) v.dispose();
}
