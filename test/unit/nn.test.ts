import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
// tfjs-core registers gradient functions only on request.
import "@tensorflow/tfjs-core/dist/register_all_gradients";
import {beforeAll, describe, expect, test} from "vitest";
import {activations, eluWithAlpha, leakyReluWithSlope, maxout, sigmoidWithSlope, type Activation} from "../../src/components/nn/activations.js";
import {
  cloneMlp,
  countParameters,
  createMlp,
  exampleLoss,
  forward,
  gradientList,
  lossAndGradients,
  meanLoss,
  parameters,
  predictClass,
  type LossKind,
  type MlpSpec,
  type OutputKind
} from "../../src/components/nn/mlp.js";
import {createOptimizer, descend} from "../../src/components/nn/optimizers.js";
import {rng} from "../../src/components/nn/rng.js";
import {createTrainer} from "../../src/components/nn/trainer.js";

const XOR_IN = [[0, 0], [0, 1], [1, 0], [1, 1]];
const XOR_OUT = [[0], [1], [1], [0]];

describe("activations", () => {
  const smooth: Activation[] = [activations.sigmoid, activations.tanh, activations.linear, sigmoidWithSlope(2.5), eluWithAlpha(0.7)];
  const kinked: Activation[] = [activations.relu, leakyReluWithSlope(0.1), activations.elu];
  test.each([...smooth, ...kinked].map((a) => [a.name, a] as const))("%s: derivative matches a central difference at 50 points", (_name, a) => {
    const h = 1e-6;
    for (let k = 0; k < 50; ++k) {
      const s = -5 + (10 * (k + 0.5)) / 50; // never exactly 0, the kink
      const numeric = (a.f(s + h) - a.f(s - h)) / (2 * h);
      expect(a.derivative(s, a.f(s))).toBeCloseTo(numeric, 6);
    }
  });
  test("sigmoid with slope β has derivative β·τ(1−τ)", () => {
    for (const beta of [0.5, 1, 3]) {
      const a = sigmoidWithSlope(beta);
      for (const s of [-2, -0.3, 0, 0.7, 4]) {
        const y = a.f(s);
        expect(y).toBeCloseTo(1 / (1 + Math.exp(-beta * s)), 12);
        expect(a.derivative(s, y)).toBeCloseTo(beta * y * (1 - y), 12);
      }
    }
  });
  test("leaky ReLU is max(0.1x, x); step is 0/1 with zero derivative", () => {
    expect(activations["leaky-relu"].f(-2)).toBeCloseTo(-0.2, 12);
    expect(activations["leaky-relu"].f(3)).toBe(3);
    expect([activations.step.f(-1), activations.step.f(0), activations.step.f(0.1)]).toEqual([0, 0, 1]);
    expect(activations.step.derivative(0.5, 1)).toBe(0);
  });
  test("maxout takes the larger line and its slope", () => {
    const m = maxout(1, 0, -1, 0); // |s|
    expect([m.f(-2), m.f(3)]).toEqual([2, 3]);
    expect([m.derivative(-2), m.derivative(3)]).toEqual([-1, 1]);
  });
});

function finiteDifferenceCheck(spec: MlpSpec, loss: LossKind, inputs: number[][], targets: number[][]) {
  const net = createMlp(spec);
  const {grad} = lossAndGradients(net, inputs, targets, loss);
  const analytic = gradientList(grad);
  const params = parameters(net);
  const h = 1e-5;
  let worst = 0;
  params.forEach((p, k) => {
    for (let i = 0; i < p.length; ++i) {
      const saved = p[i];
      p[i] = saved + h;
      const plus = meanLoss(net, inputs, targets, loss);
      p[i] = saved - h;
      const minus = meanLoss(net, inputs, targets, loss);
      p[i] = saved;
      const numeric = (plus - minus) / (2 * h);
      const rel = Math.abs(numeric - analytic[k][i]) / Math.max(1e-8, Math.abs(numeric) + Math.abs(analytic[k][i]));
      worst = Math.max(worst, rel);
    }
  });
  return worst;
}

describe("parameter counts", () => {
  test("count weights and biases the same way for the playground's 2-8-8-1 network as for the MNIST network", () => {
    // 2·8 + 8·8 + 8·1 = 88 weights, 8 + 8 + 1 = 17 biases: the playground used to say "88 weights".
    expect(countParameters([2, 8, 8, 1])).toEqual({weights: 88, biases: 17});
    const net = createMlp({sizes: [2, 8, 8, 1], hidden: "tanh", seed: 1});
    const {weights, biases} = countParameters(net.sizes);
    expect(weights + biases).toBe(parameters(net).reduce((n, p) => n + p.length, 0));
    const mnist = countParameters([784, 256, 256, 10]);
    expect(mnist.weights + mnist.biases).toBe(269_322);
  });
});

describe("losses", () => {
  test("binary cross-entropy is −[t·log y + (1 − t)·log(1 − y)], and a confident wrong output costs far more than under ½(y − t)²", () => {
    for (const [y, t] of [[0.8, 1], [0.8, 0], [0.3, 1]]) {
      expect(exampleLoss([y], [t], "cross-entropy", "sigmoid")).toBeCloseTo(-(t * Math.log(y) + (1 - t) * Math.log(1 - y)), 12);
    }
    const wrong = 1e-6;
    expect(exampleLoss([wrong], [1], "mse", "sigmoid")).toBeLessThan(0.5);
    expect(exampleLoss([wrong], [1], "cross-entropy", "sigmoid")).toBeGreaterThan(13);
  });
  test("with softmax outputs, cross-entropy is −log of the probability given to the target class", () => {
    expect(exampleLoss([0.7, 0.2, 0.1], [0, 1, 0], "cross-entropy", "softmax")).toBeCloseTo(-Math.log(0.2), 12);
  });
});

describe("MLP gradients", () => {
  const random = rng(7);
  const inputs = Array.from({length: 6}, () => [random.uniform(-1, 1), random.uniform(-1, 1), random.uniform(-1, 1)]);
  const binary = inputs.map((x) => [x[0] * x[1] > 0 ? 1 : 0]);
  const multi = inputs.map((_, k) => [0, 1, 2].map((c) => (c === k % 3 ? 1 : 0)));
  const cases: [string, MlpSpec, LossKind, number[][]][] = [
    ["3-2-1 sigmoid, MSE (the lecture's network)", {sizes: [3, 2, 1], hidden: "sigmoid", output: "sigmoid", seed: 1}, "mse", binary],
    ["3-4-4-1 tanh, cross-entropy", {sizes: [3, 4, 4, 1], hidden: "tanh", output: "sigmoid", seed: 2}, "cross-entropy", binary],
    ["3-5-3 ELU, softmax cross-entropy", {sizes: [3, 5, 3], hidden: "elu", output: "softmax", seed: 3}, "cross-entropy", multi],
    ["3-5-3 sigmoid, softmax MSE", {sizes: [3, 5, 3], hidden: "sigmoid", output: "softmax", seed: 4}, "mse", multi],
    ["3-6-4-2 leaky ReLU, linear MSE", {sizes: [3, 6, 4, 2], hidden: "leaky-relu", output: "linear", seed: 5, init: "he"}, "mse", multi.map((t) => t.slice(0, 2))],
    ["3-3-3-3-1 mixed, MSE", {sizes: [3, 3, 3, 3, 1], hidden: ["tanh", "sigmoid", "relu"], output: "sigmoid", seed: 6}, "mse", binary]
  ];
  test.each(cases)("%s matches finite differences (relative error < 1e-6)", (_name, spec, loss, targets) => {
    expect(finiteDifferenceCheck(spec, loss, inputs, targets)).toBeLessThan(1e-6);
  });

  test("the lecture's formulas: ∂E/∂w_j = (y−t)y(1−y)a_j and ∂E/∂v_ij = (y−t)y(1−y)w_j a_j(1−a_j)x_i", () => {
    const net = createMlp({sizes: [2, 2, 1], hidden: "sigmoid", output: "sigmoid", seed: 11});
    const x = [0.35, 0.9];
    const t = 0.5;
    const {grad} = lossAndGradients(net, [x], [[t]], "mse");
    const y = forward(net, x)[0];
    const a = net.a[1];
    const w = net.weights[1];
    for (let j = 0; j < 2; ++j) {
      expect(grad.weights[1][j]).toBeCloseTo((y - t) * y * (1 - y) * a[j], 14);
      for (let i = 0; i < 2; ++i) {
        expect(grad.weights[0][j * 2 + i]).toBeCloseTo((y - t) * y * (1 - y) * w[j] * a[j] * (1 - a[j]) * x[i], 14);
      }
    }
  });
});

describe("batches", () => {
  const random = rng(9);
  const inputs = Array.from({length: 9}, () => [random.uniform(-1, 1), random.uniform(-1, 1), random.uniform(-1, 1)]);
  const targets = inputs.map((_, k) => [0, 1, 2].map((c) => (c === k % 3 ? 1 : 0)));

  test("a batch of every size from 1 to 9 gives, to the last bit, the loss of its examples fed one by one", () => {
    // The batch loops take four examples at a time: sizes 1–9 cover every remainder.
    const net = createMlp({sizes: [3, 5, 4, 3], hidden: "tanh", output: "softmax", seed: 8});
    for (let n = 1; n <= inputs.length; ++n) {
      let total = 0;
      for (let k = 0; k < n; ++k) total += exampleLoss(forward(net, inputs[k]), targets[k], "cross-entropy", "softmax");
      expect(meanLoss(net, inputs.slice(0, n), targets.slice(0, n), "cross-entropy")).toBe(total / n);
    }
  });

  test.each([
    ["3-(6×10)-3 tanh, softmax cross-entropy, 7 examples", {sizes: [3, ...new Array(10).fill(6), 3], hidden: "tanh", output: "softmax", seed: 12}, "cross-entropy", 7],
    ["3-(5×8)-1 mixed, sigmoid MSE, 5 examples", {sizes: [3, ...new Array(8).fill(5), 1], hidden: ["tanh", "sigmoid", "elu", "leaky-relu", "tanh", "linear", "sigmoid", "tanh"], output: "sigmoid", seed: 13}, "mse", 5]
  ] as [string, MlpSpec, LossKind, number][])("a deep network, %s, matches finite differences (relative error < 1e-6)", (_name, spec, loss, n) => {
    const out = spec.sizes.at(-1)!;
    expect(finiteDifferenceCheck(spec, loss, inputs.slice(0, n), targets.slice(0, n).map((t) => t.slice(0, out)))).toBeLessThan(1e-6);
  });

  test("once warmed, training steps and evaluations reuse every buffer: batch, gradients, parameters, Adam's moments", () => {
    const net = createMlp({sizes: [3, 8, 8, 3], hidden: "tanh", output: "softmax", seed: 1});
    // Batches of 4, 4 and 1: the last one of each epoch is smaller and must not reallocate.
    const trainer = createTrainer({net, data: {inputs, targets}, loss: "cross-entropy", optimizer: createOptimizer("adam", {learningRate: 0.01}), batchSize: 4});
    const buffers = () => {
      const {batch} = net;
      const {m, v} = trainer.options.optimizer;
      return [batch, ...batch.s, ...batch.a, ...batch.delta, batch.targets, ...net.s, ...net.a, ...parameters(net), ...gradientList(trainer.grad), ...m!, ...v!];
    };
    trainer.runEpoch();
    trainer.evaluate();
    const before = buffers();
    for (let k = 0; k < 30; ++k) trainer.step();
    trainer.evaluate();
    forward(net, inputs[0]);
    const after = buffers();
    expect(after).toHaveLength(before.length);
    after.forEach((buffer, k) => expect(buffer).toBe(before[k]));
    expect(net.batch.rows).toBe(inputs.length);
  });
});

describe("MLP gradients against tfjs autodiff", () => {
  beforeAll(async () => {
    await tf.setBackend("cpu");
  });
  const cases: [string, OutputKind, LossKind, string][] = [
    ["tanh, sigmoid output, MSE", "sigmoid", "mse", "tanh"],
    ["relu, softmax output, cross-entropy", "softmax", "cross-entropy", "relu"],
    ["sigmoid, sigmoid output, cross-entropy", "sigmoid", "cross-entropy", "sigmoid"]
  ];
  test.each(cases)("%s", (_name, output, loss, hidden) => {
    const outSize = output === "softmax" ? 3 : 1;
    const net = createMlp({sizes: [2, 4, outSize], hidden: hidden as "tanh", output, seed: 21});
    const random = rng(3);
    const inputs = Array.from({length: 5}, () => [random.uniform(-1, 1), random.uniform(-1, 1)]);
    const targets = inputs.map((_, k) => (outSize === 1 ? [k % 2] : [0, 1, 2].map((c) => (c === k % 3 ? 1 : 0))));
    const {grad} = lossAndGradients(net, inputs, targets, loss);

    const X = tf.tensor2d(inputs);
    const T = tf.tensor2d(targets);
    const act = (s: tf.Tensor) => (hidden === "tanh" ? tf.tanh(s) : hidden === "relu" ? tf.relu(s) : tf.sigmoid(s));
    // tfjs uses x·W with W of shape [n_in, n_out]; ours is [n_out, n_in].
    const W1 = tf.transpose(tf.tensor2d(Array.from(net.weights[0]), [4, 2]));
    const b1 = tf.tensor1d(Array.from(net.biases[0]));
    const W2 = tf.transpose(tf.tensor2d(Array.from(net.weights[1]), [outSize, 4]));
    const b2 = tf.tensor1d(Array.from(net.biases[1]));
    const f = (w1: tf.Tensor, bb1: tf.Tensor, w2: tf.Tensor, bb2: tf.Tensor): tf.Scalar => {
      const logits = tf.add(tf.matMul(act(tf.add(tf.matMul(X, w1 as tf.Tensor2D), bb1)) as tf.Tensor2D, w2 as tf.Tensor2D), bb2);
      if (output === "softmax") return tf.losses.softmaxCrossEntropy(T, logits) as tf.Scalar;
      const y = tf.sigmoid(logits);
      if (loss === "mse") return tf.mean(tf.sum(tf.mul(0.5, tf.square(tf.sub(y, T))), 1));
      return tf.mean(tf.sum(tf.neg(tf.add(tf.mul(T, tf.log(y)), tf.mul(tf.sub(1, T), tf.log(tf.sub(1, y))))), 1));
    };
    const [g1, gb1, g2, gb2] = tf.grads(f)([W1, b1, W2, b2]);
    const close = (ours: Float64Array, theirs: Float32Array | Int32Array | Uint8Array) => {
      expect(ours.length).toBe(theirs.length);
      for (let i = 0; i < ours.length; ++i) expect(Math.abs(ours[i] - theirs[i])).toBeLessThan(1e-5);
    };
    close(grad.weights[0], tf.transpose(g1).dataSync());
    close(grad.biases[0], gb1.dataSync());
    close(grad.weights[1], tf.transpose(g2).dataSync());
    close(grad.biases[1], gb2.dataSync());
  });
});

describe("training", () => {
  test("a 2-4-1 sigmoid network learns XOR to loss < 0.01 from at least 9 of 10 seeds", () => {
    let learned = 0;
    for (let seed = 1; seed <= 10; ++seed) {
      const net = createMlp({sizes: [2, 4, 1], hidden: "sigmoid", output: "sigmoid", seed, init: "xavier"});
      const opt = createOptimizer("sgd", {learningRate: 2});
      let loss = Infinity;
      for (let epoch = 0; epoch < 5000 && loss >= 0.01; ++epoch) {
        const r = lossAndGradients(net, XOR_IN, XOR_OUT, "mse");
        loss = r.loss;
        opt.step(parameters(net), gradientList(r.grad));
      }
      if (loss < 0.01 && XOR_IN.every((x, k) => predictClass(net, x) === XOR_OUT[k][0])) learned++;
    }
    expect(learned).toBeGreaterThanOrEqual(9);
  });
  test("cloneMlp copies parameters deeply", () => {
    const net = createMlp({sizes: [2, 3, 1], hidden: "tanh", seed: 1});
    const copy = cloneMlp(net);
    copy.weights[0][0] += 1;
    expect(copy.weights[0][0]).not.toBe(net.weights[0][0]);
  });
});

describe("optimisers", () => {
  const f = (x: number[]) => x[0] ** 2;
  const df = (x: number[]) => [2 * x[0]];
  test("the lecture's exercise: y = x², x₀ = 3, η = 0.1 → 2.4 → 1.92", () => {
    const {path} = descend(f, df, [3], createOptimizer("sgd", {learningRate: 0.1}), 2);
    expect(Math.abs(path[1].x[0] - 2.4)).toBeLessThan(1e-12);
    expect(Math.abs(path[2].x[0] - 1.92)).toBeLessThan(1e-12);
  });
  test("η = 1.5 diverges and is reported as diverged, with finite numbers only", () => {
    const result = descend(f, df, [3], createOptimizer("sgd", {learningRate: 1.5}), 100);
    expect(result.diverged).toBe(true);
    expect(result.path.every((p) => Number.isFinite(p.value))).toBe(true);
  });
  test("momentum and Adam reach the minimum of an elongated bowl", () => {
    const bowl = (x: number[]) => x[0] ** 2 + 10 * x[1] ** 2;
    const grad = (x: number[]) => [2 * x[0], 20 * x[1]];
    for (const kind of ["momentum", "adam"] as const) {
      const {path, diverged} = descend(bowl, grad, [3, 2], createOptimizer(kind, {learningRate: kind === "adam" ? 0.1 : 0.02}), 500);
      expect(diverged).toBe(false);
      expect(path.at(-1)!.value).toBeLessThan(1e-3);
    }
  });
  test("one Adam step moves each parameter by η against the sign of its gradient", () => {
    const p = [Float64Array.from([1, -2])];
    createOptimizer("adam", {learningRate: 0.01}).step(p, [Float64Array.from([0.5, -3])]);
    expect(p[0][0]).toBeCloseTo(0.99, 6);
    expect(p[0][1]).toBeCloseTo(-1.99, 6);
  });
  test("two Adam steps follow the gradient-descent page's update: momentum, squared average, both bias-corrected", () => {
    const [eta, b1, b2, eps] = [0.01, 0.9, 0.999, 1e-8];
    const gradients = [2, -1];
    const p = [Float64Array.from([0])];
    const adam = createOptimizer("adam", {learningRate: eta});
    let [m, v, w] = [0, 0, 0];
    gradients.forEach((g, i) => {
      const k = i + 1;
      m = b1 * m + (1 - b1) * g;
      v = b2 * v + (1 - b2) * g * g;
      w -= (eta * (m / (1 - b1 ** k))) / (Math.sqrt(v / (1 - b2 ** k)) + eps);
      adam.step(p, [Float64Array.of(g)]);
      expect(p[0][0]).toBeCloseTo(w, 12);
    });
    // The momentum term keeps the second step going the first one's way although its gradient points back.
    expect(p[0][0]).toBeLessThan(-eta);
  });
});
