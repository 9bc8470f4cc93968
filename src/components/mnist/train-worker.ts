/**
 * The MNIST training worker: chooses a tfjs backend, streams and verifies the
 * shards, uploads them to the device, and runs the shared Trainer off the
 * page's main thread. Bundled by src/data/train-worker.js.ts.
 */
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-webgl";
import "@tensorflow/tfjs-backend-webgpu";
import {getThreadsCount, setThreadsCount, setWasmPaths} from "@tensorflow/tfjs-backend-wasm";
import {chooseBackend} from "./backend-choice.js";
import {benchBackend, nextTask} from "./bench.js";
import {DeviceSplit, type DeviceData} from "./device-data.js";
import type {Evaluation} from "./evaluation.js";
import type {BackendChoice, FromWorker, Misclassified, RunState, TestReport, ToWorker} from "./protocol.js";
import type {Recipe} from "./recipe.js";
import {readShards, ShardError, shardsOf} from "./shard-reader.js";
import type {Digits} from "./shard-format.js";
import {Trainer} from "./trainer.js";
import type {Problem} from "./worker-text.js";

const scope = self as unknown as {postMessage(message: FromWorker, transfer?: Transferable[]): void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null};
const post = (message: FromWorker, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

/** Misclassified test digits sent with each report. */
const GALLERY = 24;
/** At most this many progress messages per second. */
const POST_INTERVAL_MS = 250;

let recipe: Recipe;
let data: DeviceData | null = null;
let testDigits: Digits | null = null;
let trainer: Trainer | null = null;
let state: RunState = "loading";
let dataReady: Promise<void> = Promise.resolve();
let paused = false;
/** Wakes the paused training loop. */
let wake: (() => void) | null = null;
let stopRequested = false;
/** Where training is, for the report after a stop. */
let position = {epoch: 1, iteration: 0, step: 0};

function setState(next: RunState, problem?: Problem): void {
  state = next;
  post({type: "state", state: next, problem});
}

function report(evaluation: Evaluation, epoch: number, step: number): TestReport {
  const misclassified: Misclassified[] = [];
  const test = testDigits!;
  for (let i = 0; i < test.count && misclassified.length < GALLERY; ++i) {
    if (evaluation.predictions[i] === test.labels[i]) continue;
    misclassified.push({
      index: i,
      pixels: test.pixels.slice(i * 784, (i + 1) * 784),
      label: test.labels[i],
      predicted: evaluation.predictions[i],
      probabilities: Array.from(evaluation.probabilities.subarray(i * 10, (i + 1) * 10))
    });
  }
  const {loss, accuracy, batchMeanAccuracy, confusion} = evaluation;
  return {epoch, loss, accuracy, batchMeanAccuracy, confusion, misclassified, step};
}

async function loadData(manifest: Extract<ToWorker, {type: "init"}>["manifest"], urls: Record<string, string>): Promise<void> {
  const train = shardsOf(manifest, "train");
  const test = shardsOf(manifest, "test");
  data = {
    train: new DeviceSplit(train.reduce((n, s) => n + s.count, 0)),
    test: new DeviceSplit(test.reduce((n, s) => n + s.count, 0))
  };
  const testPixels = new Uint8Array(data.test.expected * 784);
  const testLabels = new Uint8Array(data.test.expected);
  let lastPost = 0;
  for await (const shard of readShards([...train, ...test], {
    resolve: (file) => urls[file],
    onProgress: (progress) => {
      const now = performance.now();
      if (now - lastPost < POST_INTERVAL_MS && progress.file !== null && progress.loadedBytes < progress.totalBytes) return;
      lastPost = now;
      post({type: "data", progress});
    }
  })) {
    if (shard.entry.split === "train") {
      data.train.append(shard);
      if (shard.entry.offset === 0) {
        post({type: "samples", pixels: shard.pixels.slice(0, 24 * 784), labels: shard.labels.slice(0, 24)});
        if (state === "loading") setState("ready");
      }
    } else {
      data.test.append(shard);
      testPixels.set(shard.pixels, shard.entry.offset * 784);
      testLabels.set(shard.labels, shard.entry.offset);
    }
  }
  testDigits = {count: data.test.expected, rows: 28, cols: 28, pixels: testPixels, labels: testLabels};
  post({type: "data", progress: {loadedBytes: 1, totalBytes: 1, loadedImages: data.train.count + data.test.count, totalImages: data.train.count + data.test.count, file: null}});
}

async function evaluateAndReport(epoch: number, evaluation?: Evaluation): Promise<void> {
  if (!trainer) return;
  await dataReady;
  const result = evaluation ?? (await trainer.evaluate());
  post({type: "test", report: report(result, epoch, trainer.step)});
}

/**
 * On WebGPU the trainer only queues work, and reads back once every 128 steps: on a
 * slow adapter the queue would run a hundred steps ahead, so Stop, Pause and the speed
 * shown would lag by minutes. Waiting for the queue at every control point keeps it at
 * most one control interval (16 steps) ahead, at the cost of one idle moment per 16 steps.
 */
async function gpuCaughtUp(): Promise<void> {
  if (tf.getBackend() !== "webgpu") return;
  const backend = tf.backend() as unknown as {commandEncoder: GPUCommandEncoder | null; endComputePassEncoder(): void; submitQueue(): void; device: GPUDevice};
  // As tfjs's own submits do: close the open pass first, and submit only an encoder that exists (tfjs has already
  // submitted and dropped it when the last dispatch filled a batch; submitQueue would then throw on null).
  if (backend.commandEncoder) {
    backend.endComputePassEncoder();
    backend.submitQueue();
  }
  await backend.device.queue.onSubmittedWorkDone();
}

async function train(): Promise<void> {
  trainer?.dispose();
  trainer = new Trainer(recipe, data!);
  stopRequested = false;
  paused = false;
  setState("training");
  let last = {time: performance.now(), step: 0};
  let stepsPerSecond = 0;
  let lastPost = 0;
  const outcome = await trainer.train({
    onLog: (entry) => post({type: "log", entry}),
    onEpoch: (epoch, evaluation) => {
      const {loss, accuracy, batchMeanAccuracy} = evaluation;
      post({type: "epoch", summary: {epoch, loss, accuracy, batchMeanAccuracy}});
      void evaluateAndReport(epoch, evaluation);
    },
    control: async ({epoch, iteration, step}) => {
      const now = performance.now();
      if (step > last.step) {
        const rate = ((step - last.step) * 1000) / (now - last.time);
        stepsPerSecond = stepsPerSecond ? 0.7 * stepsPerSecond + 0.3 * rate : rate;
      }
      last = {time: now, step};
      if (now - lastPost >= POST_INTERVAL_MS) {
        lastPost = now;
        post({type: "tick", epoch, iteration, step, stepsPerSecond, tensors: tf.memory().numTensors});
      }
      await gpuCaughtUp();
      // Let pause/stop messages in.
      await nextTask();
      position = {epoch, iteration, step};
      if (paused && !stopRequested) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        last = {time: performance.now(), step};
      }
      return !stopRequested;
    }
  });
  post({type: "tick", epoch: 0, iteration: 0, step: trainer.step, stepsPerSecond, tensors: tf.memory().numTensors});
  if (outcome.status === "diverged") {
    const {epoch, iteration} = outcome.entry;
    setState("diverged", {code: "diverged", params: {iteration, epoch, lr: recipe.learningRate}});
  } else if (outcome.status === "stopped") {
    setState("stopped");
    await evaluateAndReport(position.epoch);
  } else {
    setState("done");
  }
}

/**
 * The choice with wasm's threads. tfjs loads its threaded SIMD binary
 * only where SharedArrayBuffer exists, that is in a cross-origin isolated
 * page (a host sending COOP/COEP); elsewhere it runs on one thread.
 */
function withThreads(choice: BackendChoice): BackendChoice {
  if (choice.backend !== "wasm") return choice;
  return {...choice, threads: {count: getThreadsCount(), isolated: self.crossOriginIsolated}};
}

/**
 * tfjs caps wasm threads at half of navigator.hardwareConcurrency (it assumes
 * two hyperthreads per core), read when its binary starts: on a machine with
 * two logical cores that is one thread, whatever is asked. An explicit request
 * for more (the bench's) raises the count tfjs reads, in this worker only.
 */
function liftThreadCap(threads: number): void {
  if (threads > Math.floor(navigator.hardwareConcurrency / 2)) Object.defineProperty(navigator, "hardwareConcurrency", {value: 2 * threads, configurable: true});
}

function fail(error: unknown): void {
  stopRequested = true;
  setState("failed", error instanceof ShardError ? error.problem : {code: "unexpected", detail: (error as Error).message ?? String(error)});
}

scope.onmessage = ({data: message}) => {
  switch (message.type) {
    case "init": {
      recipe = message.recipe;
      setWasmPaths(message.wasmPaths);
      if (message.wasmThreads) {
        liftThreadCap(message.wasmThreads);
        setThreadsCount(message.wasmThreads);
      }
      const {known} = message;
      const choosing = known ? tf.setBackend(known.backend).then((ok) => (ok ? known : chooseBackend("auto", recipe))) : chooseBackend(message.backend, recipe);
      // A known choice already carries its threads.
      const started = choosing.then((choice) => post({type: "backend", choice: choice === known ? choice : withThreads(choice)}));
      dataReady = started.then(() => loadData(message.manifest, message.shardUrls));
      dataReady.catch(fail);
      break;
    }
    case "start":
      if (state === "ready" || state === "stopped" || state === "done" || state === "diverged") train().catch(fail);
      break;
    case "pause":
      if (state === "training") {
        paused = true;
        setState("paused");
      }
      break;
    case "resume":
      if (state === "paused") {
        paused = false;
        setState("training");
        wake?.();
      }
      break;
    case "stop":
      if (state === "training" || state === "paused") {
        stopRequested = true;
        paused = false;
        wake?.();
      }
      break;
    case "predict":
      if (!trainer) post({type: "prediction", id: message.id, probabilities: new Float32Array(0)});
      else trainer.predict(message.pixels).then((probabilities) => post({type: "prediction", id: message.id, probabilities}, [probabilities.buffer]), fail);
      break;
    case "bench":
      dataReady.then(() => benchBackend(data!, message.options)).then((result) => post({type: "bench", result}), fail);
      break;
    case "memory": {
      const {numTensors, numBytes} = tf.memory();
      post({type: "memory", id: message.id, tensors: numTensors, bytes: numBytes});
      break;
    }
  }
};
