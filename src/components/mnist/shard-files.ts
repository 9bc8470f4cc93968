/**
 * The MNIST archive's members as file handles. FileAttachment needs literal
 * paths (Framework copies only what it can see), so every shard is listed;
 * a unit test checks this list against the manifest the loader writes.
 */
import {FileAttachment, type FileAttachmentHandle} from "observablehq:stdlib";
import {validateManifest, type MnistManifest} from "./manifest.js";

export const shardFiles: Record<string, FileAttachmentHandle> = {
  "train-00.mns.gz": FileAttachment("../../data/mnist/train-00.mns.gz"),
  "train-01.mns.gz": FileAttachment("../../data/mnist/train-01.mns.gz"),
  "train-02.mns.gz": FileAttachment("../../data/mnist/train-02.mns.gz"),
  "train-03.mns.gz": FileAttachment("../../data/mnist/train-03.mns.gz"),
  "train-04.mns.gz": FileAttachment("../../data/mnist/train-04.mns.gz"),
  "train-05.mns.gz": FileAttachment("../../data/mnist/train-05.mns.gz"),
  "train-06.mns.gz": FileAttachment("../../data/mnist/train-06.mns.gz"),
  "train-07.mns.gz": FileAttachment("../../data/mnist/train-07.mns.gz"),
  "train-08.mns.gz": FileAttachment("../../data/mnist/train-08.mns.gz"),
  "train-09.mns.gz": FileAttachment("../../data/mnist/train-09.mns.gz"),
  "train-10.mns.gz": FileAttachment("../../data/mnist/train-10.mns.gz"),
  "train-11.mns.gz": FileAttachment("../../data/mnist/train-11.mns.gz"),
  "test-00.mns.gz": FileAttachment("../../data/mnist/test-00.mns.gz"),
  "test-01.mns.gz": FileAttachment("../../data/mnist/test-01.mns.gz")
};

/** Loads and validates the manifest. */
export async function loadManifest(): Promise<MnistManifest> {
  return validateManifest(await FileAttachment("../../data/mnist/manifest.json").json());
}

/** Resolves a shard file name to its URL on this site. */
export async function shardUrl(file: string): Promise<string> {
  const handle = shardFiles[file];
  if (!handle) throw new Error(`Unknown MNIST shard ${file}`);
  return handle.url();
}
