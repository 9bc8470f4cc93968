/**
 * Speed figures for one backend, measured on real MNIST: ms per batch of
 * this page's Trainer (its full loop, with the page's control hook), of the
 * step it replaced (tfjs autodiff and tfjs's Adam on the same model), and of
 * a plain tfjs-layers model.fit on the same device data; kernels per step,
 * matmul throughput, and optionally the time to a target test accuracy.
 * Used by scripts/bench-mnist.ts (in the page's worker) and by
 * scripts/gpu/webgpu-bench.ts (in Node); not part of the page.
 */
import * as tf from "@tensorflow/tfjs-core";
// tfjs-layers also registers the gradients the autodiff step needs.
import * as tfl from "@tensorflow/tfjs-layers";
import {getThreadsCount} from "@tensorflow/tfjs-backend-wasm";
import type {DeviceData} from "./device-data.js";
import {EpochOrder} from "./epoch-order.js";
import {createMlp, disposeMlp, forward, mlpVariables} from "./model.js";
import {CLASSES, layerSizes, LECTURE_RECIPE, parameterCount} from "./recipe.js";
import {Trainer} from "./trainer.js";
import {rng} from "../nn/rng.js";

export interface BenchOptions {
  /** Timed batches at most (after a warm-up)… */
  batches: number;
  /** …or this many seconds, whichever comes first. */
  seconds: number;
  /** Train the lecture's recipe until this test accuracy, and time it. */
  trainTo?: number;
}

export interface BenchResult {
  backend: string;
  /** wasm threads (0 on other backends). */
  threads: number;
  trainerMsPerBatch: number;
  trainerBatches: number;
  /** The autodiff step (optimizer.minimize) the hand-written one replaced. */
  autodiffMsPerBatch: number;
  autodiffBatches: number;
  /** Kernels one training step dispatches. */
  opsPerStep: number;
  fitMsPerBatch: number;
  fitBatches: number;
  matmulGflops: number;
  /** FLOP of one training batch of the lecture's recipe: 3 × 2 × 64 × 269,322. */
  batchFlop: number;
  trainTo?: {target: number; reached: boolean; accuracy: number; epochs: number; seconds: number};
}

const WARM_UP = 32;

/** Waits until the device has finished everything queued. */
async function sync(trainer: Trainer): Promise<void> {
  await trainer.mlp.layers[0].bias.data();
}

/** A yield that is not clamped like nested setTimeout(0). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

async function timeTrainer(data: DeviceData, options: BenchOptions): Promise<[number, number]> {
  const trainer = new Trainer(LECTURE_RECIPE, data);
  let start = 0;
  let timed = 0;
  let elapsed = 0;
  try {
    await trainer.train({
      control: async ({step}) => {
        await nextTask();
        if (step < WARM_UP) return true;
        if (step === WARM_UP) {
          await sync(trainer);
          start = performance.now();
          return true;
        }
        if (step - WARM_UP >= options.batches || performance.now() - start > options.seconds * 1000) {
          await sync(trainer);
          elapsed = performance.now() - start;
          timed = step - WARM_UP;
          return false;
        }
        return true;
      }
    });
  } finally {
    trainer.dispose();
  }
  return [elapsed / timed, timed];
}

/** The step before the hand-written backward pass: tfjs autodiff and tfjs's Adam on the same model and batches. */
async function timeAutodiff(data: DeviceData, options: BenchOptions): Promise<[number, number]> {
  const random = rng(LECTURE_RECIPE.seed);
  const mlp = createMlp(layerSizes(LECTURE_RECIPE), LECTURE_RECIPE.activation, random);
  const optimizer = tf.train.adam(LECTURE_RECIPE.learningRate, 0.9, 0.999, 1e-8);
  const order = new EpochOrder(data.train.count, LECTURE_RECIPE.batchSize, random);
  const sync = () => mlp.layers[0].bias.data();
  let start = 0;
  let timed = 0;
  try {
    for (let step = 1; !order.done; ++step) {
      const rows = data.train.rows(order.next(data.train.count)!);
      tf.tidy(() => {
        optimizer.minimize(() => tf.losses.softmaxCrossEntropy(tf.oneHot(rows.y, CLASSES), forward(mlp, rows.x)) as tf.Scalar, false, mlpVariables(mlp));
      });
      tf.dispose([rows.x, rows.y]);
      if (step === WARM_UP) {
        await sync();
        start = performance.now();
      } else if (step > WARM_UP) {
        timed = step - WARM_UP;
        if (timed >= options.batches || performance.now() - start > options.seconds * 1000) break;
      }
      // The same yield the trainer's host gives every 16 steps.
      if (step % 16 === 0) await nextTask();
    }
    await sync();
    return [(performance.now() - start) / timed, timed];
  } finally {
    disposeMlp(mlp);
    optimizer.dispose();
  }
}

/** Kernels dispatched by one step of the trainer (after a warm-up step). */
async function opsPerStep(data: DeviceData): Promise<number> {
  const trainer = new Trainer(LECTURE_RECIPE, data);
  const indices = Int32Array.from({length: LECTURE_RECIPE.batchSize}, (_, i) => i);
  try {
    trainer.trainStep(indices, false);
    const profile = await tf.profile(() => {
      trainer.trainStep(indices, false);
    });
    // Kernels only: tfjs's profile also lists the ops that merely call other kernels (their names end in __op).
    return profile.kernels.filter((k) => !k.name.endsWith("__op")).length;
  } finally {
    trainer.dispose();
  }
}

async function timeFit(data: DeviceData, options: BenchOptions): Promise<[number, number]> {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({inputShape: [784], units: 256, activation: "relu"}),
      tfl.layers.dense({units: 256, activation: "relu"}),
      tfl.layers.dense({units: 10})
    ]
  });
  model.compile({optimizer: tf.train.adam(LECTURE_RECIPE.learningRate), loss: (y: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, logits)});
  // The whole training set, as the trainer and the autodiff step get: a set cut to the timed
  // batches would make model.fit's per-batch gather cheaper on GPU backends (its cost there
  // grows with the source tensor) and its time depend on --batches.
  const x = data.train.x!;
  const y = tf.tidy(() => tf.oneHot(data.train.y!, CLASSES));
  let start = 0;
  let timed = 0;
  try {
    await model.fit(x, y, {
      batchSize: LECTURE_RECIPE.batchSize,
      epochs: 1,
      shuffle: true,
      verbose: 0,
      callbacks: {
        onBatchEnd: async (batch) => {
          if (batch + 1 === WARM_UP) start = performance.now();
          if (batch + 1 > WARM_UP) timed = batch + 1 - WARM_UP;
          if (timed >= options.batches || (start && performance.now() - start > options.seconds * 1000)) model.stopTraining = true;
        }
      }
    });
    return [(performance.now() - start) / timed, timed];
  } finally {
    y.dispose();
    model.dispose();
  }
}

/** GFLOP/s of 1024×1024 matrix products, the backend's practical ceiling for this model's matmuls. */
async function matmulGflops(): Promise<number> {
  const n = 1024;
  const a = tf.randomNormal([n, n]);
  const b = tf.randomNormal([n, n]);
  const run = async (times: number) => {
    let c = tf.matMul(a, b);
    for (let i = 1; i < times; ++i) {
      const next = tf.matMul(c, b);
      c.dispose();
      c = next;
    }
    await c.data();
    c.dispose();
  };
  try {
    await run(2);
    let times = 2;
    for (;;) {
      const start = performance.now();
      await run(times);
      const ms = performance.now() - start;
      if (ms > 1000 || times >= 256) return (2 * n ** 3 * times) / (ms / 1000) / 1e9;
      times *= 2;
    }
  } finally {
    tf.dispose([a, b]);
  }
}

async function trainToAccuracy(data: DeviceData, target: number): Promise<NonNullable<BenchResult["trainTo"]>> {
  const trainer = new Trainer({...LECTURE_RECIPE, epochs: 30}, data);
  const start = performance.now();
  let result = {target, reached: false, accuracy: 0, epochs: 0, seconds: 0};
  try {
    await trainer.train({
      onEpoch: (epoch, e) => {
        result = {target, reached: e.accuracy >= target, accuracy: e.accuracy, epochs: epoch, seconds: (performance.now() - start) / 1000};
      },
      control: async () => {
        await nextTask();
        return !result.reached;
      }
    });
  } finally {
    trainer.dispose();
  }
  return result;
}

export async function benchBackend(data: DeviceData, options: BenchOptions): Promise<BenchResult> {
  const [trainerMsPerBatch, trainerBatches] = await timeTrainer(data, options);
  const [autodiffMsPerBatch, autodiffBatches] = await timeAutodiff(data, options);
  const [fitMsPerBatch, fitBatches] = await timeFit(data, options);
  const result: BenchResult = {
    backend: tf.getBackend(),
    threads: tf.getBackend() === "wasm" ? getThreadsCount() : 0,
    trainerMsPerBatch,
    trainerBatches,
    autodiffMsPerBatch,
    autodiffBatches,
    opsPerStep: await opsPerStep(data),
    fitMsPerBatch,
    fitBatches,
    matmulGflops: await matmulGflops(),
    batchFlop: 3 * 2 * LECTURE_RECIPE.batchSize * parameterCount(LECTURE_RECIPE)
  };
  if (options.trainTo) result.trainTo = await trainToAccuracy(data, options.trainTo);
  return result;
}

/** One table row of figures, the ratios taken within the same run (printed by both bench scripts). */
export function benchRow(r: BenchResult): Record<string, string> {
  const limitMs = (r.batchFlop / (r.matmulGflops * 1e9)) * 1000;
  const batches = Math.floor(60_000 / LECTURE_RECIPE.batchSize);
  return {
    backend: r.threads ? `${r.backend}, ${r.threads} thread${r.threads === 1 ? "" : "s"}` : r.backend,
    "trainer ms/batch": r.trainerMsPerBatch.toFixed(2),
    "autodiff step ms/batch": r.autodiffMsPerBatch.toFixed(2),
    "model.fit ms/batch": r.fitMsPerBatch.toFixed(2),
    "× autodiff": `${(r.autodiffMsPerBatch / r.trainerMsPerBatch).toFixed(2)}×`,
    "× model.fit": `${(r.fitMsPerBatch / r.trainerMsPerBatch).toFixed(2)}×`,
    "matmul GFLOP/s": r.matmulGflops.toFixed(1),
    "÷ matmul limit": (r.trainerMsPerBatch / limitMs).toFixed(1),
    [`epoch (${batches} batches) s`]: ((r.trainerMsPerBatch * batches) / 1000).toFixed(1),
    "ops/step": String(r.opsPerStep),
    "µs/op": ((r.trainerMsPerBatch * 1000) / r.opsPerStep).toFixed(0),
    "timed batches": `${r.trainerBatches}/${r.autodiffBatches}/${r.fitBatches}`,
    ...(r.trainTo ? {[`to ${(r.trainTo.target * 100).toFixed(1)} %`]: r.trainTo.reached ? `${r.trainTo.seconds.toFixed(0)} s, ${r.trainTo.epochs} epochs` : `not reached (${(r.trainTo.accuracy * 100).toFixed(2)} %)`} : {})
  };
}
