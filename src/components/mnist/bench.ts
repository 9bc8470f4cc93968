/**
 * Speed figures for one backend, measured in the worker on real MNIST:
 * ms per batch of this page's Trainer (its full loop, with the page's
 * control hook), the same for a plain tfjs-layers model.fit on the same
 * device data, matmul throughput, and optionally the time to a target test
 * accuracy. Used by scripts/bench-mnist.ts; not part of the page.
 */
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import type {DeviceData} from "./device-data.js";
import {LECTURE_RECIPE, parameterCount} from "./recipe.js";
import {Trainer} from "./trainer.js";

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
  trainerMsPerBatch: number;
  trainerBatches: number;
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

async function timeFit(data: DeviceData, options: BenchOptions): Promise<[number, number]> {
  const model = tfl.sequential({
    layers: [
      tfl.layers.dense({inputShape: [784], units: 256, activation: "relu"}),
      tfl.layers.dense({units: 256, activation: "relu"}),
      tfl.layers.dense({units: 10})
    ]
  });
  model.compile({optimizer: tf.train.adam(LECTURE_RECIPE.learningRate), loss: (y: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, logits)});
  const rows = LECTURE_RECIPE.batchSize * (options.batches + WARM_UP);
  const x = tf.slice(data.train.x!, [0, 0], [Math.min(rows, data.train.count), -1]);
  const y = tf.tidy(() => tf.oneHot(tf.slice(data.train.y!, [0], [x.shape[0]]), 10));
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
    tf.dispose([x, y]);
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
  const [fitMsPerBatch, fitBatches] = await timeFit(data, options);
  const result: BenchResult = {
    backend: tf.getBackend(),
    trainerMsPerBatch,
    trainerBatches,
    fitMsPerBatch,
    fitBatches,
    matmulGflops: await matmulGflops(),
    batchFlop: 3 * 2 * LECTURE_RECIPE.batchSize * parameterCount(LECTURE_RECIPE)
  };
  if (options.trainTo) result.trainTo = await trainToAccuracy(data, options.trainTo);
  return result;
}
