// The tfjs wasm backend's binaries, served from this site so the worker never asks a CDN.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import JSZip from "jszip";

const dist = dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm/package.json"));
const zip = new JSZip();
for (const name of ["tfjs-backend-wasm.wasm", "tfjs-backend-wasm-simd.wasm", "tfjs-backend-wasm-threaded-simd.wasm"]) {
  zip.file(name, readFileSync(join(dist, "dist", name)));
}
process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
