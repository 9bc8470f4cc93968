import {describe, expect, test} from "vitest";
import {generateDataset, splitTrainTest} from "../../src/components/playground/datasets.js";
import {createSession, networkSizes, type Architecture, type Hyperparameters} from "../../src/components/playground/training.js";
import {exportWeights, importWeights} from "../../src/components/playground/network-io.js";
import {cellCentre, samplePlane} from "../../src/components/playground/grid.js";

const tanh2882: Architecture = {features: ["x1", "x2"], layers: [8, 8], activation: "tanh", classes: 2, seed: 1};
const tfDefaults: Hyperparameters = {loss: "cross-entropy", learningRate: 0.03, batchSize: 10, optimizer: "sgd", l1: 0, l2: 0};

function spiralData(seed = 1) {
  return splitTrainTest(generateDataset("spiral", {count: 500, noise: 0, seed}), 0.5, seed);
}

/** Epochs until training accuracy first reaches the target (checked every 50), or Infinity. */
function epochsTo(session: ReturnType<typeof createSession>, target: number, limit: number): number {
  while (session.epoch < limit) {
    for (let k = 0; k < 50; ++k) session.runEpoch();
    if (session.evaluate().train.accuracy >= target) return session.epoch;
  }
  return Infinity;
}

describe("training in the playground", () => {
  test("a 2-8-8-1 tanh network on x₁, x₂ learns the spiral to ≥ 95 % training accuracy within 2,000 epochs (SGD, lr 0.03, batch 10)", () => {
    const session = createSession(tanh2882, tfDefaults, spiralData());
    expect(session.net.sizes).toEqual([2, 8, 8, 1]);
    expect(session.evaluate().train.accuracy).toBeLessThan(0.7);
    const epochs = epochsTo(session, 0.95, 2000);
    expect(epochs).toBeLessThanOrEqual(2000);
    expect(session.evaluate().train.loss).toBeLessThan(0.2);
  });

  test("the same network with full-batch Adam (the benchmark's set-up) also learns the spiral", () => {
    const data = spiralData();
    const session = createSession(tanh2882, {...tfDefaults, optimizer: "adam", batchSize: data.train.length}, data);
    // Full batch: one step is one epoch.
    expect(session.step()).toBe(true);
    expect(epochsTo(session, 0.95, 2000)).toBeLessThanOrEqual(2000);
  });

  test("multi-class blobs reach ≥ 95 % with a softmax output", () => {
    const {train, test: held} = splitTrainTest(generateDataset("blobs", {count: 500, noise: 0.2, seed: 3, classes: 5}), 0.5, 3);
    const session = createSession({features: ["x1", "x2"], layers: [4], activation: "relu", classes: 5, seed: 3}, {...tfDefaults, optimizer: "adam"}, {train, test: held});
    expect(session.net.output).toBe("softmax");
    expect(session.net.sizes).toEqual([2, 4, 5]);
    expect(epochsTo(session, 0.95, 500)).toBeLessThanOrEqual(500);
    expect(session.evaluate().test.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  test("the loss falls, the same seed repeats exactly, and hand-made features make the circle easy", () => {
    const data = splitTrainTest(generateDataset("circle", {count: 200, noise: 0, seed: 2}), 0.5, 2);
    const arch: Architecture = {features: ["x1sq", "x2sq"], layers: [], activation: "tanh", classes: 2, seed: 4};
    const a = createSession(arch, tfDefaults, data);
    const b = createSession(arch, tfDefaults, data);
    const before = a.evaluate().train.loss;
    for (let k = 0; k < 100; ++k) {
      a.runEpoch();
      b.runEpoch();
    }
    expect(a.evaluate().train.loss).toBeLessThan(before / 2);
    expect(a.net.weights).toEqual(b.net.weights);
    // No hidden layer at all: one sigmoid unit on x₁², x₂² separates the circle.
    expect(a.evaluate().train.accuracy).toBe(1);
    expect(a.evaluate().test.accuracy).toBeGreaterThanOrEqual(0.98);
  });

  test("a learning rate that blows up is reported as divergence and stops training, with no exception", () => {
    const data = splitTrainTest(generateDataset("gauss", {count: 100, noise: 0.5, seed: 1}), 0.5, 1);
    const session = createSession({features: ["x1sq", "x2sq", "x1x2"], layers: [8, 8], activation: "linear", classes: 2, seed: 1}, {...tfDefaults, learningRate: 10}, data);
    for (let k = 0; k < 200 && !session.diverged; ++k) session.runEpoch();
    expect(session.diverged).toBe(true);
    for (const p of [...session.net.weights, ...session.net.biases]) expect(p.every(Number.isFinite)).toBe(true);
    const epoch = session.epoch;
    expect(session.step()).toBe(false);
    expect(session.epoch).toBe(epoch);
  });

  test("L2 regularisation shrinks the weights; hyperparameters change without a reset", () => {
    const data = spiralData();
    const plain = createSession(tanh2882, tfDefaults, data);
    const decayed = createSession(tanh2882, {...tfDefaults, l2: 0.03}, data);
    const norm = (s: typeof plain) => s.net.weights.reduce((sum, w) => sum + w.reduce((t, x) => t + x * x, 0), 0);
    for (let k = 0; k < 200; ++k) {
      plain.runEpoch();
      decayed.runEpoch();
    }
    expect(norm(decayed)).toBeLessThan(norm(plain) / 2);
    const epoch = plain.epoch;
    plain.setHyperparameters({...tfDefaults, learningRate: 0.001, optimizer: "momentum"});
    plain.runEpoch();
    expect(plain.epoch).toBe(epoch + 1);
  });
});

test("a learning-rate change keeps Adam's moments; diverging leaves finite weights and optimiser state", () => {
  const data = splitTrainTest(generateDataset("gauss", {count: 100, noise: 0.5, seed: 1}), 0.5, 1);
  const arch: Architecture = {features: ["x1sq", "x2sq", "x1x2"], layers: [8, 8], activation: "linear", classes: 2, seed: 1};
  const session = createSession(arch, {...tfDefaults, optimizer: "adam", learningRate: 0.01}, data);
  for (let k = 0; k < 5; ++k) session.runEpoch();
  const adam = session.trainer.options.optimizer;
  const m = adam.m!.map((a) => a.slice());
  const v = adam.v!.map((a) => a.slice());
  const t = adam.t;
  session.setHyperparameters({...tfDefaults, optimizer: "adam", learningRate: 0.1});
  expect(session.trainer.options.optimizer).toBe(adam);
  expect(adam.options.learningRate).toBe(0.1);
  expect([adam.t, adam.m, adam.v]).toEqual([t, m, v]);
  // Momentum with η = 10 blows up this linear network within a few epochs.
  session.setHyperparameters({...tfDefaults, optimizer: "momentum", learningRate: 10});
  for (let k = 0; k < 200 && !session.diverged; ++k) session.runEpoch();
  expect(session.diverged).toBe(true);
  const finite = (arrays: readonly Float64Array[]) => arrays.every((a) => a.every(Number.isFinite));
  expect(finite([...session.net.weights, ...session.net.biases])).toBe(true);
  expect(finite(session.trainer.options.optimizer.m!)).toBe(true);
});

test("new points keep the network: setData swaps the data set, not the weights", () => {
  const session = createSession(tanh2882, tfDefaults, spiralData());
  for (let k = 0; k < 5; ++k) session.runEpoch();
  const weights = session.net.weights.map((w) => w.slice());
  const circle = splitTrainTest(generateDataset("circle", {count: 40, noise: 0, seed: 1}), 0.5, 1);
  session.setData(circle);
  expect(session.net.weights).toEqual(weights);
  expect(session.epoch).toBe(5);
  // One epoch over 20 points in batches of 10 is two steps.
  expect(session.step()).toBe(false);
  expect(session.step()).toBe(true);
  session.setData({train: [], test: []});
  expect(session.step()).toBe(false);
  expect(session.evaluate().train.loss).toBeNaN();
});

describe("weights JSON", () => {
  const data = spiralData();
  const session = createSession(tanh2882, tfDefaults, data);
  for (let k = 0; k < 20; ++k) session.runEpoch();
  const file = exportWeights(session.net, ["x1", "x2"], "tanh");
  const text = JSON.stringify(file);

  test("exported weights import into a fresh network and reproduce its outputs", () => {
    expect(file.weights.map((w) => [w.length, w[0].length])).toEqual([[8, 2], [8, 8], [1, 8]]);
    const fresh = createSession(tanh2882, tfDefaults, data);
    const result = importWeights(text, networkSizes(tanh2882), ["x1", "x2"], "tanh");
    if (!result.ok) throw new Error(result.message);
    expect(result.notes).toEqual([]);
    fresh.load(result.weights, result.biases);
    expect(fresh.outputAt(1.5, -2)[0]).toBe(session.outputAt(1.5, -2)[0]);
    expect(fresh.evaluate()).toEqual(session.evaluate());
  });

  test("mismatches and malformed files give a clear message, never an exception", () => {
    const sizes = networkSizes(tanh2882);
    const message = (t: string) => {
      const r = importWeights(t, sizes, ["x1", "x2"], "tanh");
      return r.ok ? "ok" : r.message;
    };
    expect(message(text.replace('"version":1', '"version":2'))).toMatch(/version 2/);
    expect(importWeights(text, [2, 4, 2, 1], ["x1", "x2"], "tanh")).toEqual({ok: false, message: "The file is for a 2-8-8-1 network, but this network is 2-4-2-1. Set the same features, layers and dataset classes, then import again."});
    expect(message("{not json")).toBe("The file is not valid JSON.");
    expect(message("null")).toMatch(/not a playground weights file/);
    expect(message("[1,2]")).toMatch(/not a playground weights file/);
    expect(message(JSON.stringify({...file, sizes: "2-8-8-1"}))).toMatch(/"sizes"/);
    const broken = JSON.parse(text);
    broken.weights[1][3][2] = "x";
    expect(message(JSON.stringify(broken))).toMatch(/weights of layer 2/);
    broken.weights[1][3][2] = 0;
    broken.biases[2] = [];
    expect(message(JSON.stringify(broken))).toMatch(/biases of layer 3/);
    expect(message(" ".repeat(1_000_001))).toMatch(/too large/);
    const other = importWeights(text, sizes, ["x1sq", "x2"], "relu");
    expect(other.ok && other.notes.length).toBe(2);
  });
});

test("samplePlane records the output on the grid and every neuron on the coarser heatmap grid", () => {
  const session = createSession({...tanh2882, layers: [3]}, tfDefaults, spiralData());
  const sample = samplePlane(session.net, session.outputAt, 8, 2);
  expect(sample.outputs).toHaveLength(1);
  expect(sample.neurons.map((layer) => layer.length)).toEqual([2, 3]);
  expect(sample.neuronResolution).toBe(4);
  // Top-left cell: x₁ = −5.25, x₂ = +5.25.
  expect(cellCentre(0, 8)).toBe(-5.25);
  expect(sample.outputs[0][0]).toBeCloseTo(session.outputAt(-5.25, 5.25)[0], 6);
  expect(sample.neurons[0][0][0]).toBe(-5.25);
  expect(sample.neurons[0][1][0]).toBe(5.25);
  // Heatmap cell (row 1, col 2) is grid cell (2, 4): x₁ = 0.75, x₂ = 2.25.
  session.outputAt(0.75, 2.25);
  expect(sample.neurons[1][2][1 * 4 + 2]).toBeCloseTo(session.net.a[1][2], 6);
});
