/**
 * The MLP's backward pass written out as the lecture derives it, instead of
 * tfjs autodiff. For each dense layer Z = A·W + b, A' = act(Z):
 *
 *   output      dZ = (p − t) / B           (softmax cross-entropy, one-hot t)
 *   each layer  dW = Aᵀ·dZ,  db = Σ_rows dZ,  dA = dZ·Wᵀ
 *   hidden      dZ = dA ⊙ [A' > 0]         (ReLU)
 *               dZ = dA ⊙ A'(1 − A')       (sigmoid)
 *
 * With the weights stored as Wᵀ ([fanOut, fanIn], see model.ts) the first
 * line is computed as dWᵀ = dZᵀ·A and the third as dA = dZ·Wᵀ, a plain product.
 *
 * Why by hand: autodiff's matMul gradients ask the backend for transposed
 * products (Aᵀ·dZ as matMul(A, dZ, true, false)), and tfjs's wasm backend
 * only sends untransposed 2-D products to XNNPACK; the rest run a scalar loop
 * about ten times slower. Transposing the small dZ explicitly first keeps the
 * product on the fast path. GPU backends read transposed operands at no
 * cost, so there the flag stays and the transpose dispatch is saved.
 *
 * All functions allocate tensors: call them inside tf.tidy.
 */
import * as tf from "@tensorflow/tfjs-core";
import {denseLayer, onWasm, type Mlp} from "./model.js";
import {CLASSES} from "./recipe.js";

/** The forward pass, keeping each layer's input: activations[0] is x, the last entry the logits. */
export function forwardKeep(mlp: Mlp, x: tf.Tensor2D): tf.Tensor2D[] {
  const activations = [x];
  mlp.layers.forEach((layer, i) => activations.push(denseLayer(activations[i], layer, i < mlp.layers.length - 1 ? mlp.activation : "linear")));
  return activations;
}

export interface Gradients {
  /** dE/dWᵀ and dE/db per layer, in the layers' order and shapes. */
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
    weights[i] = onWasm() ? tf.matMul(tf.transpose(dZ), input) : tf.matMul(dZ, input, true, false);
    biases[i] = tf.sum(dZ, 0);
    // The input layer needs no dA: x is data, not a parameter.
    if (i > 0) dZ = activationBackward(mlp, tf.matMul(dZ, mlp.layers[i].weights as tf.Tensor2D), input);
  }
  return {weights, biases};
}
