// The lecture's network in tfjs: its size, and one Adam step checked by hand.
import * as tf from "@tensorflow/tfjs-core";
import {beforeAll, describe, expect, test} from "vitest";
import {DeviceSplit} from "../../src/components/mnist/device-data.js";
import {normalizePixels} from "../../src/components/mnist/normalize.js";
import {LECTURE_RECIPE, parameterCount, type Recipe} from "../../src/components/mnist/recipe.js";
import {useWasmBackend} from "../../src/components/mnist/reference-store.js";
import {Trainer} from "../../src/components/mnist/trainer.js";

beforeAll(useWasmBackend);

function digits(count: number, seed = 1) {
  const pixels = new Uint8Array(count * 784);
  let s = seed;
  for (let i = 0; i < pixels.length; ++i) {
    s = (s * 1664525 + 1013904223) >>> 0;
    pixels[i] = s >>> 24 < 160 ? 0 : s & 255;
  }
  return {count, rows: 28, cols: 28, pixels, labels: Uint8Array.from({length: count}, (_, i) => (i * 7) % 10)};
}

function dataOf(train: number, test: number) {
  const data = {train: new DeviceSplit(train), test: new DeviceSplit(test)};
  data.train.append(digits(train, 1));
  data.test.append(digits(test, 2));
  return data;
}

describe("the lecture's model", () => {
  test("has 269,322 parameters in the recipe's shapes", () => {
    expect(parameterCount(LECTURE_RECIPE)).toBe(269_322);
    const data = dataOf(64, 0);
    const trainer = new Trainer(LECTURE_RECIPE, data);
    const shapes = trainer.mlp.layers.flatMap((l) => [l.weights.shape, l.bias.shape]);
    // Stored as PyTorch's nn.Linear stores them: [out, in].
    expect(shapes).toEqual([[256, 784], [256], [256, 256], [256], [10, 256], [10]]);
    expect(shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0)).toBe(269_322);
    trainer.dispose();
    data.train.dispose();
  });

  test("one Adam step matches a hand computation on a tiny model", async () => {
    const recipe: Recipe = {hidden: [3], activation: "relu", optimizer: "adam", learningRate: 0.001, batchSize: 2, epochs: 1, seed: 7};
    const data = dataOf(2, 0);
    const trainer = new Trainer(recipe, data);
    const [l1, l2] = trainer.mlp.layers;
    const W1 = Array.from(await l1.weights.data());
    const b1 = Array.from(await l1.bias.data());
    const W2 = Array.from(await l2.weights.data());
    const b2 = Array.from(await l2.bias.data());
    const raw = digits(2, 1);
    const x = normalizePixels(raw.pixels);
    const H = 3;
    const B = 2;
    // Forward, softmax cross-entropy and backward by hand, in float64.
    const gW1 = new Array(784 * H).fill(0);
    const gb1 = new Array(H).fill(0);
    const gW2 = new Array(H * 10).fill(0);
    const gb2 = new Array(10).fill(0);
    let loss = 0;
    for (let n = 0; n < B; ++n) {
      const h = b1.map((b, j) => Math.max(0, b + x.slice(n * 784, (n + 1) * 784).reduce((s, xi, i) => s + xi * W1[j * 784 + i], 0)));
      const z = b2.map((b, k) => b + h.reduce((s, hj, j) => s + hj * W2[k * H + j], 0));
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      const p = e.map((v) => v / sum);
      const y = raw.labels[n];
      loss -= Math.log(p[y]) / B;
      const dz = p.map((pk, k) => (pk - (k === y ? 1 : 0)) / B);
      dz.forEach((d, k) => {
        gb2[k] += d;
        h.forEach((hj, j) => (gW2[k * H + j] += hj * d));
      });
      const dh = h.map((hj, j) => (hj > 0 ? dz.reduce((s, d, k) => s + d * W2[k * H + j], 0) : 0));
      dh.forEach((d, j) => {
        gb1[j] += d;
        for (let i = 0; i < 784; ++i) gW1[j * 784 + i] += x[n * 784 + i] * d;
      });
    }
    // Adam's first step: m̂ = g, v̂ = g², so every parameter moves by −lr·g/(|g| + ε).
    const adam = (w: number[], g: number[]) => w.map((wi, i) => wi - (0.001 * g[i]) / (Math.abs(g[i]) + 1e-8));

    const result = trainer.trainStep(Int32Array.from([0, 1]), true)!;
    expect((await result[0].data())[0]).toBeCloseTo(loss, 5);
    tf.dispose(result);
    const close = (actual: ArrayLike<number>, expected: number[]) => {
      const worst = Math.max(...expected.map((e, i) => Math.abs(actual[i] - e)));
      expect(worst).toBeLessThan(2e-6);
    };
    close(await l1.weights.data(), adam(W1, gW1));
    close(await l1.bias.data(), adam(b1, gb1));
    close(await l2.weights.data(), adam(W2, gW2));
    close(await l2.bias.data(), adam(b2, gb2));
    trainer.dispose();
    data.train.dispose();
  });
});

describe("training in tfjs", () => {
  test.each([
    {hidden: [16], activation: "relu", optimizer: "adam"},
    {hidden: [16, 8], activation: "sigmoid", optimizer: "sgd"}
  ] as const)("the tensor count stays flat over 2,000 steps and returns to the data's after disposal (%j)", async (change) => {
    const data = dataOf(640, 128);
    const before = tf.memory().numTensors;
    const trainer = new Trainer({...LECTURE_RECIPE, ...change, hidden: [...change.hidden], epochs: 200}, data);
    const counts: number[] = [];
    await trainer.train({control: ({step}) => {
      counts.push(tf.memory().numTensors);
      return step < 2000;
    }});
    expect(trainer.step).toBeGreaterThanOrEqual(2000);
    expect(new Set(counts.slice(1)).size).toBe(1);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
    data.train.dispose();
    data.test.dispose();
  }, 180_000);

  test("a learning rate that blows up ends the run as diverged at a logged step", async () => {
    const data = dataOf(64 * 130, 128);
    const trainer = new Trainer({...LECTURE_RECIPE, hidden: [32], optimizer: "sgd", learningRate: 100, epochs: 1}, data);
    const outcome = await trainer.train();
    expect(outcome.status).toBe("diverged");
    if (outcome.status === "diverged") expect(outcome.entry.iteration).toBe(128);
    trainer.dispose();
    data.train.dispose();
    data.test.dispose();
  });
});
