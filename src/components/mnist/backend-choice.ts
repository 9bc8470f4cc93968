/**
 * Choosing the tfjs backend in the worker: WebGPU first when the adapter is
 * real hardware; otherwise (no WebGPU, no adapter, or only a software
 * fallback adapter) or when a short timing shows another backend faster, the
 * fastest of those that start.
 */
import * as tf from "@tensorflow/tfjs-core";
import {DeviceSplit} from "./device-data.js";
import type {Backend, BackendChoice, BackendRequest} from "./protocol.js";
import type {Recipe} from "./recipe.js";
import {Trainer} from "./trainer.js";

/** Batches timed per backend, after a warm-up. */
export const PROBE_BATCHES = 20;
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

const NAMES: Record<Backend, string> = {webgpu: "WebGPU", webgl: "WebGL", wasm: "WebAssembly (wasm)", cpu: "plain JavaScript (cpu)"};

/** The decision, from what WebGPU offers and the timings (pure, so it can be tested). */
export function decideBackend(
  webgpu: BackendChoice["webgpu"],
  timings: Partial<Record<Backend, number>>
): {backend: Backend; reason: string} {
  const measured = (Object.entries(timings) as [Backend, number][]).filter(([, ms]) => Number.isFinite(ms)).sort((a, b) => a[1] - b[1]);
  const fastest = measured[0]?.[0] ?? "cpu";
  const figures = measured.map(([b, ms]) => `${NAMES[b]} ${ms.toFixed(0)} ms`).join(", ");
  const why = {
    unavailable: "This browser offers no WebGPU",
    "no-adapter": "WebGPU is present but found no graphics adapter",
    fallback: "WebGPU here is only a software fallback adapter (no GPU)",
    hardware: "WebGPU runs on a hardware adapter"
  }[webgpu];
  if (webgpu === "hardware" && fastest === "webgpu") return {backend: "webgpu", reason: `${why}, and it was the fastest in a ${PROBE_BATCHES}-batch timing (${figures} per batch).`};
  if (webgpu === "hardware") return {backend: fastest, reason: `${why}, but a ${PROBE_BATCHES}-batch timing found ${NAMES[fastest]} faster (${figures} per batch).`};
  return {backend: fastest, reason: `${why}, so the fastest other backend was chosen by a ${PROBE_BATCHES}-batch timing (${figures} per batch).`};
}

/** Times the candidates and settles on a backend (left active). */
export async function chooseBackend(request: BackendRequest, recipe: Recipe): Promise<BackendChoice> {
  const webgpu = await webgpuStatus();
  if (request !== "auto") {
    if (await tf.setBackend(request).catch(() => false)) {
      return {backend: request, reason: `${NAMES[request]} was selected by hand.`, timings: {}, webgpu};
    }
    const fallback = await chooseBackend("auto", recipe);
    return {...fallback, reason: `${NAMES[request]} could not start here. ${fallback.reason}`};
  }
  const candidates: Backend[] = webgpu === "hardware" ? ["webgpu", "wasm", "webgl"] : ["wasm", "webgl", "cpu"];
  const timings: Partial<Record<Backend, number>> = {};
  for (const backend of candidates) timings[backend] = await timeBackend(backend, recipe);
  const {backend, reason} = decideBackend(webgpu, timings);
  await tf.setBackend(backend);
  return {backend, reason, timings, webgpu};
}
