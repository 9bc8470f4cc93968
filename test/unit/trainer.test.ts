import {describe, expect, test} from "vitest";
import {cloneMlp, createMlp, gradientList, lossAndGradients, parameters} from "../../src/components/nn/mlp.js";
import {createOptimizer} from "../../src/components/nn/optimizers.js";
import {rng} from "../../src/components/nn/rng.js";
import {createTrainer} from "../../src/components/nn/trainer.js";

const XOR = {inputs: [[0, 0], [1, 0], [0, 1], [1, 1]], targets: [[0], [1], [1], [0]]};

describe("createTrainer", () => {
  test("a full-batch step is exactly one gradient-descent update w ← w − η∇E", () => {
    const net = createMlp({sizes: [2, 3, 1], hidden: "tanh", seed: 4});
    const reference = cloneMlp(net);
    const trainer = createTrainer({net, data: XOR, loss: "mse", optimizer: createOptimizer("sgd", {learningRate: 0.5})});
    const {loss, grad} = lossAndGradients(reference, XOR.inputs, XOR.targets, "mse");
    const expected = parameters(reference).map((p, k) => p.map((w, i) => w - 0.5 * gradientList(grad)[k][i]));
    const result = trainer.step()!;
    expect(result).toEqual({loss, epoch: 1, steps: 1, endOfEpoch: true});
    parameters(net).forEach((p, k) => p.forEach((w, i) => expect(w).toBeCloseTo(expected[k][i], 14)));
  });

  test("mini-batches: ⌈n / batch⌉ steps per epoch, every example seen once per epoch", () => {
    const random = rng(2);
    const inputs = Array.from({length: 10}, (_, k) => [k, random()]);
    const targets = inputs.map((x) => [x[0] % 2]);
    const net = createMlp({sizes: [2, 2, 1], hidden: "sigmoid", seed: 1});
    const trainer = createTrainer({net, data: {inputs, targets}, loss: "cross-entropy", optimizer: createOptimizer("sgd", {learningRate: 0}), batchSize: 4});
    // With η = 0 the weights stay put, so the epoch's loss must be the dataset's mean loss.
    const epochEnds: boolean[] = [];
    for (let k = 0; k < 6; ++k) epochEnds.push(trainer.step()!.endOfEpoch);
    expect(epochEnds).toEqual([false, false, true, false, false, true]);
    expect(trainer.epoch).toBe(2);
    expect(trainer.steps).toBe(6);
    expect(trainer.history.map((h) => h.epoch)).toEqual([1, 2]);
    for (const h of trainer.history) expect(h.loss).toBeCloseTo(trainer.evaluate(), 12);
  });

  test("epochs() yields once per epoch and the loss of XOR falls", () => {
    const net = createMlp({sizes: [2, 4, 1], hidden: "sigmoid", seed: 1});
    const trainer = createTrainer({net, data: XOR, loss: "mse", optimizer: createOptimizer("sgd", {learningRate: 2})});
    const results = [...trainer.epochs(1500)];
    expect(results).toHaveLength(1500);
    expect(results.map((r) => r.epoch).slice(0, 3)).toEqual([1, 2, 3]);
    expect(results.at(-1)!.loss).toBeLessThan(results[0].loss / 10);
    expect(trainer.evaluate()).toBeLessThan(0.01);
  });

  test("history is thinned to the limit and stays in order", () => {
    const net = createMlp({sizes: [2, 2, 1], hidden: "tanh", seed: 3});
    const trainer = createTrainer({net, data: XOR, loss: "mse", optimizer: createOptimizer("sgd", {learningRate: 0.1}), historyLimit: 50});
    for (const _ of trainer.epochs(1000));
    expect(trainer.history.length).toBeLessThanOrEqual(50);
    expect(trainer.history.length).toBeGreaterThanOrEqual(25);
    const epochs = trainer.history.map((h) => h.epoch);
    expect(epochs).toEqual([...epochs].sort((a, b) => a - b));
    expect(epochs.at(-1)).toBeGreaterThan(950);
  });

  test("a learning rate that blows up stops training with a message, never NaN weights", () => {
    const inputs = Array.from({length: 8}, (_, k) => [k * 10, -k * 10]);
    const targets = inputs.map((x) => [x[0] * 100]);
    const net = createMlp({sizes: [2, 8, 1], hidden: "relu", output: "linear", seed: 1});
    const trainer = createTrainer({net, data: {inputs, targets}, loss: "mse", optimizer: createOptimizer("sgd", {learningRate: 10})});
    const results = [...trainer.epochs(500)];
    expect(results.length).toBeLessThan(500);
    expect(trainer.diverged).toMatch(/smaller learning rate/);
    expect(trainer.step()).toBeNull();
    for (const p of parameters(net)) for (const w of p) expect(Number.isFinite(w)).toBe(true);
  });

  test("an update that would overflow is refused whole: no NaN or ±∞ in the weights or in Adam's moments", () => {
    const net = createMlp({sizes: [2, 3, 1], hidden: "tanh", seed: 2});
    // Adam moves every weight by about η per step: η = 1e308 overflows on the second step.
    const trainer = createTrainer({net, data: XOR, loss: "mse", optimizer: createOptimizer("adam", {learningRate: 1e308})});
    for (let k = 0; k < 10 && !trainer.diverged; ++k) trainer.step();
    expect(trainer.diverged).toMatch(/weights became too large/);
    const optimizer = trainer.options.optimizer;
    const finite = (arrays: readonly Float64Array[]) => arrays.every((a) => a.every(Number.isFinite));
    expect(finite(parameters(net))).toBe(true);
    expect(finite(optimizer.m!)).toBe(true);
    expect(finite(optimizer.v!)).toBe(true);
    // The refused step counted nothing.
    expect(optimizer.t).toBe(trainer.steps);
    const before = parameters(net).map((p) => p.slice());
    expect(trainer.step()).toBeNull();
    expect(parameters(net)).toEqual(before);
  });

  test("a learning-rate change mid-run keeps Adam's moments and step count", () => {
    const net = createMlp({sizes: [2, 4, 1], hidden: "tanh", seed: 5});
    const trainer = createTrainer({net, data: XOR, loss: "cross-entropy", optimizer: createOptimizer("adam", {learningRate: 0.05})});
    for (let k = 0; k < 20; ++k) trainer.step();
    const optimizer = trainer.options.optimizer;
    const m = optimizer.m!.map((a) => a.slice());
    const v = optimizer.v!.map((a) => a.slice());
    trainer.configure({learningRate: 0.001});
    expect(trainer.options.optimizer).toBe(optimizer);
    expect(optimizer.options.learningRate).toBe(0.001);
    expect(optimizer.t).toBe(20);
    expect(optimizer.m).toEqual(m);
    expect(optimizer.v).toEqual(v);
    // The next step continues the moments: m ← β₁m + (1 − β₁)g with the gradient of that step.
    trainer.step();
    const g = gradientList(trainer.grad);
    optimizer.m!.forEach((mk, k) => mk.forEach((x, i) => expect(x).toBeCloseTo(0.9 * m[k][i] + 0.1 * g[k][i], 14)));
    expect(optimizer.t).toBe(21);
    // Another optimiser kind starts fresh; batch size and loss change in place.
    trainer.configure({optimizer: "momentum", batchSize: 2, loss: "mse"});
    expect(trainer.options.optimizer.kind).toBe("momentum");
    expect(trainer.options.optimizer.options.learningRate).toBe(0.001);
    expect(trainer.step()!.endOfEpoch).toBe(false);
    expect(trainer.step()!.endOfEpoch).toBe(true);
  });

  test("new data and loaded weights keep the loop going; an empty dataset just waits", () => {
    const net = createMlp({sizes: [2, 2, 1], hidden: "tanh", seed: 1});
    const trainer = createTrainer({net, data: {inputs: [], targets: []}, loss: "mse", optimizer: createOptimizer("adam", {learningRate: 0.1})});
    expect(trainer.step()).toBeNull();
    expect(trainer.diverged).toBeNull();
    trainer.setData(XOR);
    expect(trainer.step()!.endOfEpoch).toBe(true);
    const weights = net.weights.map((w) => w.map(() => 0.5));
    trainer.load(weights, net.biases.map((b) => b.map(() => 0)));
    expect(net.weights).toEqual(weights);
    expect(trainer.options.optimizer.t).toBe(0);
    expect(trainer.options.optimizer.m).toBeNull();
  });

  test("rejects a dataset whose targets do not match its inputs", () => {
    const net = createMlp({sizes: [2, 2, 1], hidden: "tanh"});
    expect(() => createTrainer({net, data: {inputs: [[0, 0]], targets: []}, loss: "mse", optimizer: createOptimizer("sgd", {learningRate: 1})})).toThrow(RangeError);
  });
});
