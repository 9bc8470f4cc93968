// The MNIST training worker as one ES module: tfjs-core, -layers and the cpu, wasm, WebGL
// and WebGPU backends bundled with esbuild (Framework's own bundling of tfjs is broken).
import {build} from "esbuild";
import {join} from "node:path";

const result = await build({
  entryPoints: [join(import.meta.dirname, "..", "components", "mnist", "train-worker.ts")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  write: false,
  legalComments: "none",
  define: {"process.env.NODE_ENV": '"production"'},
  logLevel: "warning"
});
process.stdout.write(result.outputFiles[0].contents);
