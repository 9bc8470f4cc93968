/** The manifest that describes the MNIST shards the site serves. */

export type Split = "train" | "test";

export interface ShardEntry {
  /** File name inside the data/mnist archive, e.g. "train-00.mns.gz". */
  file: string;
  split: Split;
  /** Index of the shard's first image within its split. */
  offset: number;
  count: number;
  /** Compressed size: what goes over the wire. */
  bytes: number;
  /** SHA-256 of the compressed bytes, lowercase hex. */
  sha256: string;
  labelHistogram: number[];
}

export interface MnistManifest {
  format: "MNS1+gzip";
  rows: number;
  cols: number;
  /** Computed from the 60,000 training images, pixels scaled to [0, 1]. */
  normalization: {mean: number; std: number};
  splits: Record<Split, {count: number; labelHistogram: number[]}>;
  shards: ShardEntry[];
  totalBytes: number;
}

/** Shard file name for a split and shard index, e.g. train-03.mns.gz. */
export function shardFileName(split: Split, index: number): string {
  return `${split}-${String(index).padStart(2, "0")}.mns.gz`;
}

/** Checks the structure of a parsed manifest; throws with a message naming the first problem. */
export function validateManifest(value: unknown): MnistManifest {
  const fail = (what: string): never => {
    throw new Error(`MNIST manifest is invalid: ${what}`);
  };
  if (typeof value !== "object" || value === null) fail("not an object");
  const m = value as MnistManifest;
  if (m.format !== "MNS1+gzip") fail(`unknown format ${JSON.stringify(m.format)}`);
  if (!Number.isInteger(m.rows) || !Number.isInteger(m.cols)) fail("rows/cols");
  if (!Number.isFinite(m.normalization?.mean) || !Number.isFinite(m.normalization?.std)) fail("normalization");
  if (!Array.isArray(m.shards) || m.shards.length === 0) fail("no shards");
  for (const s of m.shards) {
    if (typeof s.file !== "string" || !/^[a-z]+-\d{2}\.mns\.gz$/.test(s.file)) fail(`shard file name ${JSON.stringify(s.file)}`);
    if (s.split !== "train" && s.split !== "test") fail(`shard ${s.file} split`);
    if (!Number.isInteger(s.count) || s.count <= 0 || !Number.isInteger(s.offset) || s.offset < 0) fail(`shard ${s.file} count/offset`);
    if (typeof s.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(s.sha256)) fail(`shard ${s.file} sha256`);
    if (!Number.isInteger(s.bytes) || s.bytes <= 0) fail(`shard ${s.file} bytes`);
  }
  return m;
}
