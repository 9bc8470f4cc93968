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
import {onGpu} from "./model.js";
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

/**
 * The parameters whose update runs as one: on GPU backends all of them, as
 * one flat buffer, since there each kernel dispatch has a fixed cost (≈ 1 ms
 * on a software GPU) and a dozen kernels over one buffer replace a dozen per
 * tensor (72 for the lecture's six). On wasm and cpu a kernel costs its
 * elements, and the concat and slices of a flat buffer cost more than they
 * save, so each tensor is its own group. Per element it is the same arithmetic.
 */
function updateGroups(parameters: tf.Variable[], flat: boolean): tf.Variable[][] {
  return flat ? [parameters] : parameters.map((w) => [w]);
}

/** A group's tensors as one: a lone tensor as it is, several flattened and joined. */
function joined(tensors: tf.Tensor[]): tf.Tensor {
  return tensors.length === 1 ? tensors[0] : tf.concat(tensors.map((t) => tf.reshape(t, [-1])));
}

function adam(parameters: tf.Variable[], learningRate: number, flat: boolean): Update {
  // tidy frees the zero tensors; the variables keep their own copy.
  const groups = tf.tidy(() =>
    updateGroups(parameters, flat).map((members) => {
      const zeros = () => tf.variable(tf.zerosLike(joined(members)), false);
      return {members, m: zeros(), v: zeros()};
    })
  );
  let t = 0;
  return {
    apply(gradients) {
      ++t;
      const correction2 = Math.sqrt(1 - BETA2 ** t);
      const stepSize = (learningRate * correction2) / (1 - BETA1 ** t);
      const epsilon = EPSILON * correction2;
      let index = 0;
      for (const {members, m, v} of groups) {
        const g = joined(gradients.slice(index, index + members.length));
        index += members.length;
        m.assign(tf.add(tf.mul(m, BETA1), tf.mul(g, 1 - BETA1)));
        v.assign(tf.add(tf.mul(v, BETA2), tf.mul(tf.square(g), 1 - BETA2)));
        const step = tf.mul(tf.div(m, tf.add(tf.sqrt(v), epsilon)), stepSize);
        let offset = 0;
        for (const w of members) {
          w.assign(tf.sub(w, members.length === 1 ? step : tf.reshape(tf.slice(step, offset, w.size), w.shape)));
          offset += w.size;
        }
      }
    },
    dispose() {
      tf.dispose(groups.flatMap(({m, v}) => [m, v]));
    }
  };
}

/** `flat` (Adam only): one update over all parameters, the default on GPU backends (see updateGroups). */
export function createUpdate(recipe: Pick<Recipe, "optimizer" | "learningRate">, parameters: tf.Variable[], flat = onGpu()): Update {
  return recipe.optimizer === "adam" ? adam(parameters, recipe.learningRate, flat) : sgd(parameters, recipe.learningRate);
}
