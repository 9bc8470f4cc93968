/** URLs of the training worker bundle and the tfjs wasm binaries on this site. */
import {FileAttachment} from "observablehq:stdlib";
import type {WasmPaths} from "./protocol.js";

export async function workerUrl(): Promise<string> {
  return FileAttachment("../../data/train-worker.js").url();
}

export async function wasmPaths(): Promise<WasmPaths> {
  const [plain, simd, threaded] = await Promise.all([
    FileAttachment("../../data/tfjs-wasm/tfjs-backend-wasm.wasm").url(),
    FileAttachment("../../data/tfjs-wasm/tfjs-backend-wasm-simd.wasm").url(),
    FileAttachment("../../data/tfjs-wasm/tfjs-backend-wasm-threaded-simd.wasm").url()
  ]);
  // The worker runs from another path than the page: hand it absolute URLs.
  const absolute = (url: string) => new URL(url, location.href).href;
  return {
    "tfjs-backend-wasm.wasm": absolute(plain),
    "tfjs-backend-wasm-simd.wasm": absolute(simd),
    "tfjs-backend-wasm-threaded-simd.wasm": absolute(threaded)
  };
}
