/** The messages between the MNIST page and its training worker: codes and numbers, which the page words in its language (worker-text.ts). */
import type {BenchOptions, BenchResult} from "./bench.js";
import type {MnistManifest} from "./manifest.js";
import type {Recipe} from "./recipe.js";
import type {ShardProgress} from "./shard-reader.js";
import type {TrainLogEntry} from "./trainer.js";
import type {Problem} from "./worker-text.js";

export type Backend = "webgpu" | "webgl" | "wasm" | "cpu";
export const BACKENDS: Backend[] = ["webgpu", "webgl", "wasm", "cpu"];
export type BackendRequest = Backend | "auto";

/** Batches timed per backend while choosing, after a warm-up. */
export const PROBE_BATCHES = 20;

/** The three tfjs wasm binaries, by file name, mapped to their URLs on this site. */
export type WasmPaths = Record<"tfjs-backend-wasm.wasm" | "tfjs-backend-wasm-simd.wasm" | "tfjs-backend-wasm-threaded-simd.wasm", string>;

export type ToWorker =
  | {
      type: "init";
      wasmPaths: WasmPaths;
      manifest: MnistManifest;
      shardUrls: Record<string, string>;
      backend: BackendRequest;
      /** A choice an earlier worker of this page already made: reused without timing again. */
      known?: BackendChoice;
      recipe: Recipe;
      /** wasm threads (the bench compares 1 with 2); by default tfjs takes half the logical cores (1 to 8) when the page is cross-origin isolated. */
      wasmThreads?: number;
    }
  | {type: "start"}
  | {type: "pause"}
  | {type: "resume"}
  | {type: "stop"}
  /** Probabilities for normalised 28×28 images. */
  | {type: "predict"; id: number; pixels: Float32Array}
  | {type: "memory"; id: number}
  /** Speed figures on the current backend (scripts/bench-mnist.ts), once the data is in. */
  | {type: "bench"; options: BenchOptions};

export type RunState = "loading" | "ready" | "training" | "paused" | "stopped" | "done" | "diverged" | "failed";

export interface BackendChoice {
  backend: Backend;
  /** Timed against the other candidates, or selected by hand. */
  how: "timed" | "manual";
  /** The backend selected by hand that could not start, so the others were timed. */
  failed?: Backend;
  /** wasm only: its threads, and whether the page is cross-origin isolated (without, tfjs runs one thread). */
  threads?: {count: number; isolated: boolean};
  /** ms per batch measured while choosing, by backend. */
  timings: Partial<Record<Backend, number>>;
  webgpu: "unavailable" | "no-adapter" | "fallback" | "hardware";
}

export interface EpochSummary {
  epoch: number;
  loss: number;
  accuracy: number;
  batchMeanAccuracy: number;
}

export interface Misclassified {
  /** Index in the test set. */
  index: number;
  pixels: Uint8Array;
  label: number;
  predicted: number;
  probabilities: number[];
}

export interface TestReport extends EpochSummary {
  confusion: number[][];
  misclassified: Misclassified[];
  /** After how many training steps. */
  step: number;
}

export type FromWorker =
  | {type: "backend"; choice: BackendChoice}
  | {type: "data"; progress: ShardProgress}
  | {type: "samples"; pixels: Uint8Array; labels: Uint8Array}
  | {type: "state"; state: RunState; problem?: Problem}
  | {type: "tick"; epoch: number; iteration: number; step: number; stepsPerSecond: number; tensors: number}
  | {type: "log"; entry: TrainLogEntry}
  | {type: "epoch"; summary: EpochSummary}
  | {type: "test"; report: TestReport}
  | {type: "prediction"; id: number; probabilities: Float32Array}
  | {type: "memory"; id: number; tensors: number; bytes: number}
  | {type: "bench"; result: BenchResult};
