// The hand-written backward pass and updates of the MNIST trainer against tfjs autodiff and tfjs's own optimisers.
import * as tf from "@tensorflow/tfjs-core";
// Registers the gradients tf.grads needs (the trainer itself needs none).
import "@tensorflow/tfjs-layers";
import "@tensorflow/tfjs-backend-cpu";
import {afterAll, describe, expect, test} from "vitest";
import {backward, forwardKeep} from "../../src/components/mnist/backprop.js";
import {createMlp, disposeMlp, forward, mlpVariables} from "../../src/components/mnist/model.js";
import {CLASSES, layerSizes, type Activation} from "../../src/components/mnist/recipe.js";
import {useWasmBackend} from "../../src/components/mnist/reference-store.js";
import {createUpdate} from "../../src/components/mnist/updates.js";
import {rng} from "../../src/components/nn/rng.js";

/** ‖a − b‖ / ‖b‖ over all elements. */
function relativeError(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.div(tf.norm(tf.sub(a, b)), tf.norm(b)).dataSync()[0]);
}

/** A batch that looks like normalised MNIST: mostly background, some bright pixels. */
function batchOf(size: number, seed: number): {x: tf.Tensor2D; labels: tf.Tensor1D} {
  const random = rng(seed);
  const pixels = Float32Array.from({length: size * 784}, () => (random() < 0.8 ? -0.4242 : 2.8215 * random()));
  return {x: tf.tensor2d(pixels, [size, 784]), labels: tf.tensor1d(Int32Array.from({length: size}, () => Math.floor(random() * CLASSES)), "int32")};
}

// Every shape the page's controls offer: one or two hidden layers of 32…512 units, both activations, batches of 16…256.
const SHAPES: [number[], Activation, number][] = [
  [[256, 256], "relu", 64],
  [[256, 256], "sigmoid", 64],
  [[256], "relu", 64],
  [[512], "sigmoid", 16],
  [[32], "relu", 256],
  [[512, 512], "relu", 32],
  [[32, 128], "sigmoid", 128],
  [[64, 32], "relu", 16]
];

describe.each(["wasm", "cpu"])("on the %s backend", (backend) => {
  test.each(SHAPES)("784-%j-10 %s, batch %i: gradients match tf.grads to 1e-4", async (hidden, activation, size) => {
    if (backend === "wasm") await useWasmBackend();
    else await tf.setBackend("cpu");
    const mlp = createMlp(layerSizes({hidden}), activation, rng(3));
    const {x, labels} = batchOf(size, size);
    const parameters = mlpVariables(mlp);
    const worst = tf.tidy(() => {
      // Train the network a few steps first so ReLU masks and sigmoid slopes are not those of a fresh network alone.
      const update = createUpdate({optimizer: "sgd", learningRate: 0.1}, parameters);
      for (let k = 0; k < 3; ++k) {
        const {weights, biases} = backward(mlp, forwardKeep(mlp, x), labels);
        update.apply(weights.flatMap((w, i) => [w, biases[i]]));
      }
      const {weights, biases} = backward(mlp, forwardKeep(mlp, x), labels);
      const hand = weights.flatMap((w, i) => [w, biases[i]]);
      // tf.grads differentiates with respect to its arguments: the same forward pass, on the parameters passed in.
      const loss = (...values: tf.Tensor[]) => {
        const layers = mlp.layers.map((_, i) => ({weights: values[2 * i] as tf.Variable, bias: values[2 * i + 1] as tf.Variable}));
        return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, CLASSES), forward({layers, activation}, x)) as tf.Scalar;
      };
      const auto = tf.grads(loss)(parameters);
      expect(hand.map((g) => g.shape)).toEqual(parameters.map((p) => p.shape));
      return Math.max(...hand.map((g, i) => relativeError(g, auto[i])));
    });
    expect(worst).toBeLessThanOrEqual(1e-4);
    tf.dispose([x, labels]);
    disposeMlp(mlp);
  }, 60_000);
});

describe("the updates", () => {
  afterAll(() => tf.setBackend("wasm"));

  test("Adam over one flat buffer (GPU backends) gives exactly the numbers of Adam per tensor", async () => {
    await useWasmBackend();
    const random = rng(5);
    const start = [tf.tensor2d(Float32Array.from({length: 30}, () => random() - 0.5), [5, 6]), tf.tensor1d(Float32Array.from({length: 6}, () => random() - 0.5))];
    const runs = [false, true].map((flat) => {
      const parameters = start.map((t) => tf.variable(t.clone()));
      const update = createUpdate({optimizer: "adam", learningRate: 0.01}, parameters, flat);
      const gradientRandom = rng(9);
      for (let step = 0; step < 10; ++step) tf.tidy(() => update.apply(parameters.map((p) => tf.tensor(Float32Array.from({length: p.size}, () => gradientRandom() - 0.5), p.shape))));
      update.dispose();
      const values = parameters.map((p) => Array.from(p.dataSync()));
      tf.dispose(parameters);
      return values;
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0][0]).not.toEqual(Array.from(start[0].dataSync()));
    tf.dispose(start);
  });

  test.each([
    ["adam", 0.001, false, () => tf.train.adam(0.001, 0.9, 0.999, 1e-8)],
    ["adam", 0.001, true, () => tf.train.adam(0.001, 0.9, 0.999, 1e-8)],
    ["sgd", 0.1, false, () => tf.train.sgd(0.1)]
  ] as const)("%s (one flat buffer: %s) matches tfjs's optimiser over 20 steps of changing gradients", async (optimizer, learningRate, flat, reference) => {
    await useWasmBackend();
    const random = rng(11);
    const values = (n: number) => Float32Array.from({length: n}, () => 2 * random() - 1);
    const ours = [tf.variable(tf.tensor2d(values(12), [3, 4])), tf.variable(tf.tensor1d(values(4)))];
    const theirs = ours.map((v) => tf.variable(v.clone()));
    const initial = ours[0].clone();
    const update = createUpdate({optimizer, learningRate}, ours, flat);
    const tfOptimizer = reference();
    for (let step = 0; step < 20; ++step) {
      // Gradients of mixed size and sign, some tiny, so ε and both bias corrections matter.
      const gradients = ours.map((v) => tf.tensor(values(v.size).map((g, i) => g * 10 ** -(i % 4)), v.shape));
      tf.tidy(() => update.apply(gradients));
      tfOptimizer.applyGradients(theirs.map((v, i) => ({name: v.name, tensor: gradients[i]})));
      tf.dispose(gradients);
    }
    for (let i = 0; i < ours.length; ++i) expect(relativeError(ours[i], theirs[i])).toBeLessThan(1e-5);
    // The parameters really moved: the comparison is not between two untouched copies.
    expect(relativeError(ours[0], initial)).toBeGreaterThan(1e-3);
    update.dispose();
    tfOptimizer.dispose();
    tf.dispose([...ours, ...theirs, initial]);
  });
});
