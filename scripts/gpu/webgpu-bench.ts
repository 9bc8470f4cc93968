/**
 * The MNIST trainer on tfjs's WebGPU backend in plain Node, through Dawn (the
 * `webgpu` npm package's dawn.node): for a machine with a GPU but neither a
 * browser nor Node installed. webgpu-bench.sh bundles this file with esbuild
 * and carries it there with Node, Dawn and the MNIST IDX files; it also runs
 * here on SwiftShader's software Vulkan. Prints ms per batch, time per epoch,
 * time to the target test accuracy, kernels per step and µs per kernel.
 *
 *   node webgpu-bench.mjs --dawn=dawn.node --mnist=DIR [--batches=300] [--seconds=20] [--train-to=0.977]
 */
import {createRequire} from "node:module";
import {parseArgs} from "node:util";

const {values} = parseArgs({
  options: {
    dawn: {type: "string"},
    mnist: {type: "string"},
    batches: {type: "string", default: "300"},
    seconds: {type: "string", default: "20"},
    "train-to": {type: "string", default: "0.977"}
  }
});
if (!values.dawn || !values.mnist) throw new Error("usage: webgpu-bench --dawn=PATH/dawn.node --mnist=IDX_DIR");

// Dawn's globals (GPUBufferUsage…) and navigator.gpu, as a browser would have them, before tfjs looks for WebGPU.
const dawn = createRequire(import.meta.url)(values.dawn) as {create(flags: string[]): unknown; globals: object};
Object.assign(globalThis, dawn.globals);
Object.defineProperty(globalThis, "navigator", {value: {gpu: dawn.create([])}, configurable: true});

const tf = await import("@tensorflow/tfjs-core");
await import("@tensorflow/tfjs-backend-webgpu");
const {benchBackend, benchRow} = await import("../../src/components/mnist/bench.js");
const {DeviceSplit} = await import("../../src/components/mnist/device-data.js");
const {readMnist} = await import("../../src/components/mnist/mnist-files.js");
const {webgpuStatus} = await import("../../src/components/mnist/backend-choice.js");

const adapter = await (globalThis.navigator as unknown as {gpu: {requestAdapter(): Promise<{info?: Record<string, unknown>} | null>}}).gpu.requestAdapter();
if (!adapter) throw new Error("WebGPU found no adapter: is a Vulkan loader (libvulkan.so.1) and the GPU's Vulkan driver (ICD) installed? VK_DRIVER_FILES can name the driver's ICD JSON.");
const info = adapter.info ?? {};
console.log(`adapter: ${[info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(" / ")} (${await webgpuStatus()})`);
if (!(await tf.setBackend("webgpu"))) throw new Error("tfjs's WebGPU backend did not start");
await tf.ready();

const mnist = readMnist(values.mnist);
const data = {train: new DeviceSplit(mnist.train.count), test: new DeviceSplit(mnist.test.count)};
data.train.append(mnist.train);
data.test.append(mnist.test);
const trainTo = Number(values["train-to"]);
const result = await benchBackend(data, {batches: Number(values.batches), seconds: Number(values.seconds), trainTo: trainTo > 0 ? trainTo : undefined});
console.table([benchRow(result)]);
const r = result;
const epochSeconds = (r.trainerMsPerBatch * Math.floor(mnist.train.count / 64)) / 1000;
console.log(`trainer: ${r.trainerMsPerBatch.toFixed(2)} ms per batch of 64, ${epochSeconds.toFixed(1)} s per epoch (timed), ${r.opsPerStep} kernels per step, ${((r.trainerMsPerBatch * 1000) / r.opsPerStep).toFixed(0)} µs per kernel`);
// What the matrix products alone would take: the floor for a step fused into a few kernels.
const limitMs = (r.batchFlop / (r.matmulGflops * 1e9)) * 1000;
console.log(`matmul limit for the step's FLOPs: ${limitMs.toFixed(2)} ms (${r.matmulGflops.toFixed(0)} GFLOP/s); the step is ${(r.trainerMsPerBatch / limitMs).toFixed(1)}× that`);
if (r.trainTo) {
  const t = r.trainTo;
  console.log(t.reached ? `test accuracy ${(t.accuracy * 100).toFixed(2)} % (≥ ${(t.target * 100).toFixed(1)} %) after ${t.epochs} epochs, ${t.seconds.toFixed(1)} s (${(t.seconds / t.epochs).toFixed(1)} s per epoch with evaluation)` : `did not reach ${(t.target * 100).toFixed(1)} %: ${(t.accuracy * 100).toFixed(2)} % after ${t.epochs} epochs, ${t.seconds.toFixed(1)} s`);
}
data.train.dispose();
data.test.dispose();
