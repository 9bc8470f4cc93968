/**
 * The parameter updates, applied to the hand-written gradients of
 * backprop.ts: plain SGD, w ← w − η·g, and Adam with PyTorch's defaults
 * (β1 0.9, β2 0.999, ε 1e-8) and bias correction,
 *
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²,
 *   w ← w − η·m̂ / (√v̂ + ε),  m̂ = m / (1 − β1ᵗ),  v̂ = v / (1 − β2ᵗ).
 *
 * The two corrections are scalars, so they are folded into the step size,
 * w ← w − η·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + ε·√(1 − β2ᵗ)) — the same update,
 * without two more passes over every parameter. Call inside tf.tidy.
 */
import * as tf from "@tensorflow/tfjs-core";
import type {Recipe} from "./recipe.js";

export interface Update {
  /** Applies one step; gradients in the order of the parameters. */
  apply(gradients: tf.Tensor[]): void;
  dispose(): void;
}

const [BETA1, BETA2, EPSILON] = [0.9, 0.999, 1e-8];

function sgd(parameters: tf.Variable[], learningRate: number): Update {
  return {
    apply(gradients) {
      parameters.forEach((w, i) => w.assign(tf.sub(w, tf.mul(gradients[i], learningRate))));
    },
    dispose() {}
  };
}

function adam(parameters: tf.Variable[], learningRate: number): Update {
  // tidy frees the zero tensors; the variables keep their own copy.
  const zeros = () => tf.tidy(() => parameters.map((w) => tf.variable(tf.zerosLike(w), false)));
  const [m, v] = [zeros(), zeros()];
  let t = 0;
  return {
    apply(gradients) {
      ++t;
      const correction2 = Math.sqrt(1 - BETA2 ** t);
      const stepSize = (learningRate * correction2) / (1 - BETA1 ** t);
      const epsilon = EPSILON * correction2;
      parameters.forEach((w, i) => {
        const g = gradients[i];
        m[i].assign(tf.add(tf.mul(m[i], BETA1), tf.mul(g, 1 - BETA1)));
        v[i].assign(tf.add(tf.mul(v[i], BETA2), tf.mul(tf.square(g), 1 - BETA2)));
        w.assign(tf.sub(w, tf.mul(tf.div(m[i], tf.add(tf.sqrt(v[i]), epsilon)), stepSize)));
      });
    },
    dispose() {
      tf.dispose([...m, ...v]);
    }
  };
}

export function createUpdate(recipe: Pick<Recipe, "optimizer" | "learningRate">, parameters: tf.Variable[]): Update {
  return recipe.optimizer === "adam" ? adam(parameters, recipe.learningRate) : sgd(parameters, recipe.learningRate);
}
