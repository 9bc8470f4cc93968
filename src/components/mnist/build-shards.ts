/**
 * Build-time side of the data path (Node only): IDX files in, compressed
 * shards and their manifest out.
 */
import {createHash} from "node:crypto";
import {gzipSync} from "node:zlib";
import {parseIdxImages, parseIdxLabels} from "./idx.js";
import {shardFileName, type MnistManifest, type ShardEntry, type Split} from "./manifest.js";
import {encodeShard, labelHistogram, MAX_SHARD_IMAGES, pixelStatistics, type Digits} from "./shard-format.js";

export interface IdxPair {
  images: Uint8Array;
  labels: Uint8Array;
}

/** Parses an image/label IDX pair and checks that they describe the same digits. */
export function readIdxPair({images, labels}: IdxPair, what: string): Digits {
  const img = parseIdxImages(images);
  const lab = parseIdxLabels(labels);
  if (img.count !== lab.count) throw new Error(`${what}: ${img.count} images but ${lab.count} labels`);
  return {count: img.count, rows: img.rows, cols: img.cols, pixels: img.pixels, labels: lab.labels};
}

export interface BuiltShards {
  manifest: MnistManifest;
  /** File name → gzip bytes. */
  files: Map<string, Uint8Array>;
}

/** Cuts each split into shards of at most `shardSize` images and gzips them. */
export function buildShards(splits: Record<Split, Digits>, shardSize = MAX_SHARD_IMAGES): BuiltShards {
  if (shardSize < 1 || shardSize > MAX_SHARD_IMAGES) throw new RangeError(`shard size must be 1…${MAX_SHARD_IMAGES}`);
  const {rows, cols} = splits.train;
  const size = rows * cols;
  const files = new Map<string, Uint8Array>();
  const shards: ShardEntry[] = [];
  for (const split of ["train", "test"] as const) {
    const digits = splits[split];
    if (digits.rows !== rows || digits.cols !== cols) throw new Error(`${split} images are ${digits.rows}×${digits.cols}, not ${rows}×${cols}`);
    for (let offset = 0, index = 0; offset < digits.count; offset += shardSize, ++index) {
      const count = Math.min(shardSize, digits.count - offset);
      const labels = digits.labels.subarray(offset, offset + count);
      const encoded = encodeShard({count, rows, cols, labels, pixels: digits.pixels.subarray(offset * size, (offset + count) * size)});
      const gz = new Uint8Array(gzipSync(encoded, {level: 9, memLevel: 9}));
      const file = shardFileName(split, index);
      files.set(file, gz);
      shards.push({
        file,
        split,
        offset,
        count,
        bytes: gz.length,
        sha256: createHash("sha256").update(gz).digest("hex"),
        labelHistogram: labelHistogram(labels)
      });
    }
  }
  const manifest: MnistManifest = {
    format: "MNS1+gzip",
    rows,
    cols,
    normalization: pixelStatistics(splits.train.pixels),
    splits: {
      train: {count: splits.train.count, labelHistogram: labelHistogram(splits.train.labels)},
      test: {count: splits.test.count, labelHistogram: labelHistogram(splits.test.labels)}
    },
    shards,
    totalBytes: shards.reduce((sum, s) => sum + s.bytes, 0)
  };
  return {manifest, files};
}
