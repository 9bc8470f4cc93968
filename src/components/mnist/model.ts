/**
 * The multi-layer perceptron as plain tfjs-core variables: x·W + b per layer,
 * the activation between layers, logits out. Initialised like PyTorch's
 * nn.Linear (weights and biases uniform in ±1/√fan_in) from a seeded PRNG,
 * so every backend and Node start from the same numbers.
 */
import * as tf from "@tensorflow/tfjs-core";
import type {Activation} from "./recipe.js";
import type {Rng} from "../nn/rng.js";

export interface Layer {
  /** [fanIn, fanOut] */
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
    const weights = tf.tensor2d(uniform(fanIn * fanOut, bound, random), [fanIn, fanOut]);
    const bias = tf.tensor1d(uniform(fanOut, bound, random));
    layers.push({weights: tf.variable(weights, true, `w${i}`), bias: tf.variable(bias, true, `b${i}`)});
    // The variables hold their own reference to the values; without this the initial tensors leak.
    tf.dispose([weights, bias]);
  }
  return {layers, activation};
}

/** Logits for a batch of flattened, normalised images. */
export function forward(mlp: Mlp, x: tf.Tensor2D): tf.Tensor2D {
  let h = x;
  mlp.layers.forEach((layer, i) => {
    const hidden = i < mlp.layers.length - 1;
    // x·W + b and ReLU in one fused kernel (fewer GPU dispatches); tfjs has no fused sigmoid gradient.
    h = tf.fused.matMul({a: h, b: layer.weights as tf.Tensor2D, bias: layer.bias, activation: hidden && mlp.activation === "relu" ? "relu" : "linear"}) as tf.Tensor2D;
    if (hidden && mlp.activation === "sigmoid") h = tf.sigmoid(h);
  });
  return h;
}

export function mlpVariables(mlp: Mlp): tf.Variable[] {
  return mlp.layers.flatMap((l) => [l.weights, l.bias]);
}

export function disposeMlp(mlp: Mlp): void {
  for (const v of mlpVariables(mlp)) v.dispose();
}
