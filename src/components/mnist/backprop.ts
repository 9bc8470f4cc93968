/**
 * The MLP's backward pass written out as the lecture derives it, instead of
 * tfjs autodiff. For each dense layer Z = A·W + b, A' = act(Z):
 *
 *   output      dZ = (p − t) / B           (softmax cross-entropy, one-hot t)
 *   each layer  dW = Aᵀ·dZ,  db = Σ_rows dZ,  dA = dZ·Wᵀ
 *   hidden      dZ = dA ⊙ [A' > 0]         (ReLU)
 *               dZ = dA ⊙ A'(1 − A')       (sigmoid)
 *
 * Why by hand: autodiff's matMul gradients ask the backend for transposed
 * products (Aᵀ·dZ as matMul(A, dZ, true, false)), and tfjs's wasm backend
 * only sends untransposed 2-D products to XNNPACK; the rest run a scalar loop
 * about ten times slower. Transposing explicitly first keeps every product on
 * the fast path. GPU backends read transposed operands at no cost, so there
 * the flags stay and the extra transpose dispatches are saved.
 *
 * All functions allocate tensors: call them inside tf.tidy.
 */
import * as tf from "@tensorflow/tfjs-core";
import type {Mlp} from "./model.js";
import {CLASSES} from "./recipe.js";

/** a·b with optional transposes, arranged for the current backend's fast path. */
export function product(a: tf.Tensor2D, b: tf.Tensor2D, transposeA: boolean, transposeB: boolean): tf.Tensor2D {
  if (tf.getBackend() !== "wasm") return tf.matMul(a, b, transposeA, transposeB);
  return tf.matMul(transposeA ? tf.transpose(a) : a, transposeB ? tf.transpose(b) : b);
}

/** The forward pass, keeping each layer's input: activations[0] is x, the last entry the logits. */
export function forwardKeep(mlp: Mlp, x: tf.Tensor2D): tf.Tensor2D[] {
  const activations = [x];
  mlp.layers.forEach((layer, i) => {
    const hidden = i < mlp.layers.length - 1;
    // Same fused x·W + b (and ReLU) as model.ts's forward, so both give the same numbers.
    let z = tf.fused.matMul({a: activations[i], b: layer.weights as tf.Tensor2D, bias: layer.bias, activation: hidden && mlp.activation === "relu" ? "relu" : "linear"}) as tf.Tensor2D;
    if (hidden && mlp.activation === "sigmoid") z = tf.sigmoid(z);
    activations.push(z);
  });
  return activations;
}

export interface Gradients {
  /** dE/dW and dE/db per layer, in the layers' order and shapes. */
  weights: tf.Tensor2D[];
  biases: tf.Tensor1D[];
}

/** The hidden layer's dZ from dA and its output A' = act(Z). */
function activationBackward(mlp: Mlp, dA: tf.Tensor2D, out: tf.Tensor2D): tf.Tensor2D {
  if (mlp.activation === "relu") return tf.mul(dA, tf.step(out));
  return tf.mul(dA, tf.mul(out, tf.sub(1, out)));
}

/**
 * Gradients of the batch-mean softmax cross-entropy, from the forward pass's
 * activations and the batch's integer labels.
 */
export function backward(mlp: Mlp, activations: tf.Tensor2D[], labels: tf.Tensor1D): Gradients {
  const logits = activations[activations.length - 1];
  const batch = logits.shape[0];
  let dZ = tf.div(tf.sub(tf.softmax(logits), tf.oneHot(labels, CLASSES)), batch) as tf.Tensor2D;
  const weights: tf.Tensor2D[] = [];
  const biases: tf.Tensor1D[] = [];
  for (let i = mlp.layers.length - 1; i >= 0; --i) {
    const input = activations[i];
    weights[i] = product(input, dZ, true, false);
    biases[i] = tf.sum(dZ, 0);
    // The input layer needs no dA: x is data, not a parameter.
    if (i > 0) dZ = activationBackward(mlp, product(dZ, mlp.layers[i].weights as tf.Tensor2D, false, true), input);
  }
  return {weights, biases};
}
