// Pure parts of MNIST training: the epoch's batch order, test evaluation, backend choice.
import {describe, expect, test} from "vitest";
import {rng} from "../../src/components/nn/rng.js";
import {decideBackend} from "../../src/components/mnist/backend-choice.js";
import {backendReason, workerMessages} from "../../src/components/mnist/worker-text.js";
import {translator} from "../../src/components/course/strings.js";

const english = translator("mnist", workerMessages, "en");
import {EpochOrder} from "../../src/components/mnist/epoch-order.js";
import {evaluateLogits} from "../../src/components/mnist/evaluation.js";

describe("EpochOrder", () => {
  test("shuffles, drops the last partial batch and uses each image at most once", () => {
    const order = new EpochOrder(100, 32, rng(1));
    const seen: number[] = [];
    while (!order.done) seen.push(...order.next(100)!);
    expect(order.batches).toBe(3);
    expect(seen).toHaveLength(96);
    expect(new Set(seen).size).toBe(96);
    expect(seen.slice(0, 10)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test("is the same shuffle for the same seed", () => {
    const batch = (seed: number) => Array.from(new EpochOrder(1000, 64, rng(seed)).next(1000)!);
    expect(batch(3)).toEqual(batch(3));
    expect(batch(3)).not.toEqual(batch(4));
  });

  test("while shards arrive, defers images not yet loaded and still uses every image once", () => {
    const order = new EpochOrder(100, 10, rng(2));
    const seen: number[] = [];
    // Only the first 30 images are in: three batches, then it must wait.
    for (let i = 0; i < 3; ++i) seen.push(...order.next(30)!);
    expect(seen.every((i) => i < 30)).toBe(true);
    expect(order.next(30)).toBeNull();
    while (!order.done) seen.push(...order.next(100)!);
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({length: 100}, (_, i) => i));
  });
});

describe("evaluateLogits", () => {
  test("computes loss, accuracy, the lecture's batch-mean accuracy and the confusion matrix", () => {
    // Three images, two classes, batches of 2: [right, wrong] then [right].
    const logits = Float32Array.from([2, 0, 3, 0, 0, 1]);
    const e = evaluateLogits(logits, [0, 1, 1], 2, 2);
    expect(e.accuracy).toBeCloseTo(2 / 3);
    expect(e.batchMeanAccuracy).toBeCloseTo((0.5 + 1) / 2);
    expect(e.confusion).toEqual([[1, 0], [1, 1]]);
    expect(Array.from(e.predictions)).toEqual([0, 0, 1]);
    const ce = (z: number[], y: number) => Math.log(z.reduce((s, v) => s + Math.exp(v), 0)) - z[y];
    expect(e.loss).toBeCloseTo((ce([2, 0], 0) + ce([3, 0], 1) + ce([0, 1], 1)) / 3, 5);
  });
});

describe("decideBackend", () => {
  test("keeps WebGPU on a hardware adapter when it is fastest", () => {
    expect(decideBackend("hardware", {webgpu: 3, wasm: 23, webgl: 9}).backend).toBe("webgpu");
  });
  test("takes a faster backend even over hardware WebGPU, and says so", () => {
    const choice = decideBackend("hardware", {webgpu: 40, wasm: 23, webgl: Number.NaN});
    expect(choice.backend).toBe("wasm");
    expect(backendReason(english, choice)).toMatch(/faster/);
  });
  test("without WebGPU or with a fallback adapter picks the fastest that started", () => {
    expect(decideBackend("unavailable", {wasm: 23, webgl: 70, cpu: 170}).backend).toBe("wasm");
    const fallback = decideBackend("fallback", {wasm: Number.NaN, webgl: 70, cpu: 170});
    expect(fallback.backend).toBe("webgl");
    expect(backendReason(english, fallback)).toMatch(/fallback/);
  });
});
