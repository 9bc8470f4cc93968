/**
 * MNIST training speed in headless Chromium on the built site (a benchmark, not a test),
 * served with COOP/COEP like `npm start`, so wasm can use threads. Per backend, all from
 * one run: ms per batch of the page's trainer (hand-written backward pass), of the autodiff
 * step it replaced and of a plain tfjs-layers model.fit on the same device data; kernels
 * per step, matmul GFLOP/s, and the step time as a multiple of the matmul limit. wasm is
 * measured once per thread count.
 *
 *   npm run build && npm run bench:mnist
 *   npm run bench:mnist -- --backends=webgpu,wasm --batches=500 --seconds=30 --train-to=0.977
 *
 * Options (or environment variables): --backends / MNIST_BENCH_BACKENDS (default
 * webgpu,webgl,wasm,cpu), --wasm-threads / MNIST_BENCH_WASM_THREADS (default 1,2), --batches / MNIST_BENCH_BATCHES (timed batches per backend,
 * default 300; cpu a tenth), --seconds / MNIST_BENCH_SECONDS (time cap per measurement,
 * default 20), --train-to / MNIST_BENCH_TRAIN_TO (train the lecture's recipe to this test
 * accuracy and print the time), --chromium-args / MNIST_BENCH_CHROMIUM_ARGS (extra flags,
 * comma-separated, e.g. --use-angle=vulkan on a GPU machine), --page / MNIST_BENCH_PAGE (seconds:
 * also train on the MNIST page itself, per backend, and report its main thread's long tasks —
 * the page must stay responsive while the worker trains). CHROMIUM_PATH picks the browser.
 */
import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {parseArgs} from "node:util";
import {openPage, startSite} from "../test/browser/harness.js";
import {benchRow, type BenchResult} from "../src/components/mnist/bench.js";
import type {MnistManifest} from "../src/components/mnist/manifest.js";
import {BACKENDS, type Backend, type FromWorker, type ToWorker} from "../src/components/mnist/protocol.js";
import {LECTURE_RECIPE} from "../src/components/mnist/recipe.js";
import {backendReason, englishProblem, workerMessages} from "../src/components/mnist/worker-text.js";
import {translator} from "../src/components/course/strings.js";

const {values} = parseArgs({
  options: {
    backends: {type: "string", default: process.env.MNIST_BENCH_BACKENDS ?? BACKENDS.join(",")},
    "wasm-threads": {type: "string", default: process.env.MNIST_BENCH_WASM_THREADS ?? "1,2"},
    batches: {type: "string", default: process.env.MNIST_BENCH_BATCHES ?? "300"},
    seconds: {type: "string", default: process.env.MNIST_BENCH_SECONDS ?? "20"},
    "train-to": {type: "string", default: process.env.MNIST_BENCH_TRAIN_TO},
    "chromium-args": {type: "string", default: process.env.MNIST_BENCH_CHROMIUM_ARGS ?? ""},
    page: {type: "string", default: process.env.MNIST_BENCH_PAGE}
  }
});
const backends = values.backends.split(",").filter((b): b is Backend => (BACKENDS as string[]).includes(b));
// One measurement per backend, and per thread count on wasm.
const runs = backends.flatMap((backend): {backend: Backend; threads: number}[] => (backend === "wasm" ? values["wasm-threads"].split(",").map((t) => ({backend, threads: Number(t)})) : [{backend, threads: 0}]));
const batches = Number(values.batches);
const seconds = Number(values.seconds);
const trainTo = values["train-to"] ? Number(values["train-to"]) : undefined;
const pageSeconds = values.page ? Number(values.page) : 0;

interface PageRow {
  backend: string;
  seconds: number;
  steps: number;
  "long tasks (> 50 ms)": number;
  "longest task ms": number;
}

/** Trains on the MNIST page through its own controls for `seconds` and records the main thread's long tasks. */
async function pageRun(backend: Backend): Promise<PageRow | string> {
  const {page} = await openPage(site, `/mnist?backend=${backend}`);
  page.setDefaultTimeout(180_000);
  const status = "#mnist-controls .run-status";
  await page.waitForSelector(`${status}[data-state="ready"]`);
  const shown = await page.getAttribute("#mnist-backend .notice", "data-backend");
  if (shown !== backend) {
    await page.context().close();
    return `the page chose ${shown ?? "no backend"}`;
  }
  await page.waitForFunction(() => document.querySelector("#mnist-data [role=status]")?.textContent?.startsWith("All 70,000 images"));
  await page.evaluate(() => {
    const w = window as unknown as {longTasks: number[]; longFrames: string[]};
    w.longTasks = [];
    w.longFrames = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({type: "longtask"});
    // What made each long frame long: its scripts (who called them, for how long) and its rendering.
    interface Frame extends PerformanceEntry {
      renderStart: number;
      styleAndLayoutStart: number;
      scripts: {invoker: string; duration: number}[];
    }
    new PerformanceObserver((list) =>
      (list.getEntries() as Frame[])
        .filter((f) => f.duration > 50)
        .forEach((f) => {
          const scripts = f.scripts.map((s) => `${s.invoker} ${Math.round(s.duration)} ms`).join(", ") || "no script";
          const rendering = f.renderStart ? Math.round(f.startTime + f.duration - f.renderStart) : 0;
          w.longFrames.push(`${Math.round(f.duration)} ms: ${scripts}; rendering ${rendering} ms (style and layout from ${Math.round(f.styleAndLayoutStart - f.startTime)} ms)`);
        })
    ).observe({type: "long-animation-frame"});
  });
  await page.getByRole("button", {name: "Start training"}).click();
  await page.waitForSelector(`${status}[data-state="training"]`);
  await page.waitForTimeout(pageSeconds * 1000);
  const result = await page.evaluate((status) => {
    const w = window as unknown as {longTasks: number[]; longFrames: string[]};
    return {tasks: w.longTasks, frames: w.longFrames, steps: Number(document.querySelector<HTMLElement>(status)?.dataset.step ?? 0)};
  }, status);
  await page.context().close();
  for (const frame of result.frames) process.stderr.write(`${backend}: long frame ${frame}\n`);
  return {backend, seconds: pageSeconds, steps: result.steps, "long tasks (> 50 ms)": result.tasks.filter((d) => d > 50).length, "longest task ms": Math.round(Math.max(0, ...result.tasks))};
}

// The built site's files (Framework adds a content hash to each name).
const dist = join(import.meta.dirname, "..", "dist");
const fileDir = join(dist, "_file", "data");
const hashed = (dir: string, name: string) => {
  const [stem, ext] = [name.slice(0, name.lastIndexOf(".")), name.slice(name.lastIndexOf("."))];
  const found = readdirSync(join(fileDir, dir)).find((f) => f.startsWith(`${stem}.`) && f.endsWith(ext) && f.split(".").length === name.split(".").length + 1);
  if (!found) throw new Error(`${name} not found in dist/_file/data/${dir}: run npm run build first`);
  return `/_file/data/${dir ? `${dir}/` : ""}${found}`;
};
const manifest: MnistManifest = JSON.parse(readFileSync(join(dist, hashed("mnist", "manifest.json")), "utf8"));

const site = await startSite({webgpu: backends.includes("webgpu"), extraArgs: values["chromium-args"].split(",").filter(Boolean)});
const results: BenchResult[] = [];
const pageRows: PageRow[] = [];
try {
  for (const {backend, threads} of runs) {
    const {page} = await openPage(site, "/");
    page.setDefaultTimeout(0);
    const origin = new URL(site.url).origin;
    const init: Extract<ToWorker, {type: "init"}> = {
      type: "init",
      backend,
      recipe: {...LECTURE_RECIPE},
      ...(threads ? {wasmThreads: threads} : {}),
      manifest,
      shardUrls: Object.fromEntries(manifest.shards.map((s) => [s.file, origin + hashed("mnist", s.file)])),
      wasmPaths: {
        "tfjs-backend-wasm.wasm": origin + hashed("tfjs-wasm", "tfjs-backend-wasm.wasm"),
        "tfjs-backend-wasm-simd.wasm": origin + hashed("tfjs-wasm", "tfjs-backend-wasm-simd.wasm"),
        "tfjs-backend-wasm-threaded-simd.wasm": origin + hashed("tfjs-wasm", "tfjs-backend-wasm-threaded-simd.wasm")
      }
    };
    const options = {batches: backend === "cpu" ? Math.max(20, Math.round(batches / 10)) : batches, seconds, trainTo};
    const name = threads ? `${backend} (${threads} thread${threads === 1 ? "" : "s"})` : backend;
    process.stderr.write(`${name}: loading data and timing ${options.batches} batches (at most ${seconds} s each)…\n`);
    const reply = await page.evaluate(
      ({url, init, options}) =>
        new Promise<FromWorker>((resolve) => {
          const worker = new Worker(url, {type: "module"});
          worker.onmessage = ({data}: MessageEvent<FromWorker>) => {
            if (data.type === "state" && data.state === "failed") resolve(data);
            if (data.type === "backend" && data.choice.backend !== init.backend) resolve(data);
            if (data.type === "bench") resolve(data);
          };
          worker.postMessage(init);
          worker.postMessage({type: "bench", options});
        }),
      {url: origin + hashed("", "train-worker.js"), init, options}
    );
    await page.context().close();
    if (reply.type !== "bench") {
      const why = reply.type === "state" && reply.problem ? englishProblem(reply.problem) : reply.type === "backend" ? backendReason(translator("mnist", workerMessages, "en"), reply.choice) : "no result";
      process.stderr.write(`${name}: skipped — ${why}\n`);
      continue;
    }
    results.push(reply.result);
    const r = reply.result;
    process.stderr.write(`${name}: trainer ${r.trainerMsPerBatch.toFixed(1)} ms/batch, autodiff step ${r.autodiffMsPerBatch.toFixed(1)}, model.fit ${r.fitMsPerBatch.toFixed(1)}\n`);
  }
  if (pageSeconds > 0) {
    for (const backend of backends) {
      process.stderr.write(`${backend}: training on the MNIST page for ${pageSeconds} s…\n`);
      const row = await pageRun(backend);
      if (typeof row === "string") process.stderr.write(`${backend}: page run skipped — ${row}\n`);
      else pageRows.push(row);
    }
  }
} finally {
  await site.close();
}

console.log(`MNIST training speed, batch of ${LECTURE_RECIPE.batchSize} (one batch ≈ 3 × 2 × 64 × 269,322 FLOP = ${(results[0]?.batchFlop / 1e6).toFixed(1)} MFLOP)`);
console.table(results.map(benchRow));
if (pageRows.length) {
  console.log(`The MNIST page's main thread while its worker trains (long tasks are those over 50 ms; the target is none)`);
  console.table(pageRows);
}
