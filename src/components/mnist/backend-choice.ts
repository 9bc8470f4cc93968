/**
 * Choosing the tfjs backend in the worker: WebGPU first when the adapter is
 * real hardware; otherwise (no WebGPU, no adapter, or only a software
 * fallback adapter) or when a short timing shows another backend faster, the
 * fastest of those that start.
 */
import * as tf from "@tensorflow/tfjs-core";
import {DeviceSplit} from "./device-data.js";
import {PROBE_BATCHES, type Backend, type BackendChoice, type BackendRequest} from "./protocol.js";
import type {Recipe} from "./recipe.js";
import {Trainer} from "./trainer.js";

/** A slow backend stops its timing after this long (ms) and extrapolates. */
const PROBE_BUDGET_MS = 2500;

interface GpuAdapterLike {
  info?: {isFallbackAdapter?: boolean};
  isFallbackAdapter?: boolean;
}

/** What WebGPU this context offers. */
export async function webgpuStatus(): Promise<BackendChoice["webgpu"]> {
  const gpu = (globalThis.navigator as {gpu?: {requestAdapter(): Promise<GpuAdapterLike | null>}} | undefined)?.gpu;
  if (!gpu) return "unavailable";
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    return "no-adapter";
  }
  if (!adapter) return "no-adapter";
  return adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ? "fallback" : "hardware";
}

/** Random images shaped like a shard, for timing without real data. */
function noiseDigits(count: number) {
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < pixels.length; ++i) pixels[i] = (i * 2654435761) >>> 24;
  const labels = Uint8Array.from({length: count}, (_, i) => i % 10);
  return {count, rows: 28, cols: 28, pixels, labels};
}

/** ms per batch of the recipe on a backend, or NaN when it does not start. */
export async function timeBackend(backend: Backend, recipe: Recipe, batches = PROBE_BATCHES): Promise<number> {
  try {
    if (!(await tf.setBackend(backend))) return Number.NaN;
    await tf.ready();
  } catch {
    return Number.NaN;
  }
  const images = recipe.batchSize * 4;
  const data = {train: new DeviceSplit(images), test: new DeviceSplit(0)};
  const trainer = new Trainer(recipe, data);
  try {
    data.train.append(noiseDigits(images));
    const indices = Int32Array.from({length: recipe.batchSize}, (_, i) => i);
    const sync = async () => {
      const result = trainer.trainStep(indices, true)!;
      await result[0].data();
      tf.dispose(result);
    };
    // Warm-up: shader compilation and first allocations are not what we compare.
    await sync();
    await sync();
    const start = performance.now();
    let done = 0;
    while (done < batches) {
      for (let i = 0; i < 4; ++i) trainer.trainStep(indices, false);
      await sync();
      done += 5;
      if (performance.now() - start > PROBE_BUDGET_MS) break;
    }
    return (performance.now() - start) / done;
  } catch {
    return Number.NaN;
  } finally {
    trainer.dispose();
    data.train.dispose();
  }
}

/** The decision, from what WebGPU offers and the timings (pure, so it can be tested): the fastest backend that started. */
export function decideBackend(webgpu: BackendChoice["webgpu"], timings: Partial<Record<Backend, number>>): BackendChoice {
  const measured = (Object.entries(timings) as [Backend, number][]).filter(([, ms]) => Number.isFinite(ms)).sort((a, b) => a[1] - b[1]);
  return {backend: measured[0]?.[0] ?? "cpu", how: "timed", timings, webgpu};
}

/** Times the candidates and settles on a backend (left active). */
export async function chooseBackend(request: BackendRequest, recipe: Recipe): Promise<BackendChoice> {
  const webgpu = await webgpuStatus();
  if (request !== "auto") {
    if (await tf.setBackend(request).catch(() => false)) {
      return {backend: request, how: "manual", timings: {}, webgpu};
    }
    return {...(await chooseBackend("auto", recipe)), failed: request};
  }
  const candidates: Backend[] = webgpu === "hardware" ? ["webgpu", "wasm", "webgl"] : ["wasm", "webgl", "cpu"];
  const timings: Partial<Record<Backend, number>> = {};
  for (const backend of candidates) timings[backend] = await timeBackend(backend, recipe);
  const choice = decideBackend(webgpu, timings);
  await tf.setBackend(choice.backend);
  return choice;
}
