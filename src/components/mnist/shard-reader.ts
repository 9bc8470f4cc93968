/**
 * Browser side of the data path: fetches shards with byte-level progress,
 * verifies each one's SHA-256 against the manifest, and decodes it. Works in
 * pages and in Web Workers (it only needs fetch, streams and crypto).
 */
import type {MnistManifest, ShardEntry} from "./manifest.js";
import {sha256Hex} from "./sha256.js";
import {decodeShard, gunzip, type Digits} from "./shard-format.js";
import {englishProblem, type Problem} from "./worker-text.js";

export type ShardErrorCode = Extract<Problem["code"], "missing" | "network" | "corrupt" | "malformed" | "count">;

/** A shard that could not be used: `problem` says what went wrong (for the page to word), `message` says it in English. */
export class ShardError extends Error {
  readonly code: ShardErrorCode;
  readonly file: string;
  readonly problem: Problem;
  constructor(code: ShardErrorCode, file: string, params: Record<string, string | number> = {}, detail?: string) {
    const problem: Problem = {code, params: {file, ...params}, ...(detail ? {detail} : {})};
    super(englishProblem(problem));
    this.name = "ShardError";
    this.code = code;
    this.file = file;
    this.problem = problem;
  }
}

export interface ShardProgress {
  /** Compressed bytes received so far, over all requested shards. */
  loadedBytes: number;
  totalBytes: number;
  /** Images decoded and verified so far. */
  loadedImages: number;
  totalImages: number;
  /** The shard being fetched, or null when done. */
  file: string | null;
}

export interface LoadedShard extends Digits {
  entry: ShardEntry;
}

export interface ReadShardsOptions {
  /** Maps a shard file name to the URL to fetch (e.g. from FileAttachment(…).url()). */
  resolve: (file: string) => string | Promise<string>;
  onProgress?: (progress: ShardProgress) => void;
  signal?: AbortSignal;
}

/** Fetches one shard's compressed bytes, reporting each chunk's size. */
async function fetchBytes(url: string, entry: ShardEntry, onChunk: (n: number) => void, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {signal});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ShardError("network", entry.file, {}, (error as Error).message);
  }
  if (!response.ok || !response.body) {
    throw new ShardError("missing", entry.file, {status: response.status});
  }
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = response.body.getReader();
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onChunk(value.length);
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** Verifies and decodes compressed shard bytes against their manifest entry. */
export async function verifyShard(bytes: Uint8Array, entry: ShardEntry): Promise<Digits> {
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) {
    throw new ShardError("corrupt", entry.file);
  }
  let digits: Digits;
  try {
    digits = decodeShard(await gunzip(bytes));
  } catch (error) {
    throw new ShardError("malformed", entry.file, {}, (error as Error).message);
  }
  if (digits.count !== entry.count) {
    throw new ShardError("count", entry.file, {count: digits.count, expected: entry.count});
  }
  return digits;
}

/**
 * Yields the given shards one by one, each verified and decoded, so a consumer
 * can start work as soon as the first one is in.
 */
export async function* readShards(entries: ShardEntry[], options: ReadShardsOptions): AsyncGenerator<LoadedShard> {
  const progress: ShardProgress = {
    loadedBytes: 0,
    totalBytes: entries.reduce((sum, e) => sum + e.bytes, 0),
    loadedImages: 0,
    totalImages: entries.reduce((sum, e) => sum + e.count, 0),
    file: null
  };
  const report = () => options.onProgress?.({...progress});
  for (const entry of entries) {
    progress.file = entry.file;
    report();
    const url = await options.resolve(entry.file);
    const bytes = await fetchBytes(url, entry, (n) => {
      progress.loadedBytes += n;
      report();
    }, options.signal);
    const digits = await verifyShard(bytes, entry);
    progress.loadedImages += digits.count;
    yield {...digits, entry};
  }
  progress.file = null;
  report();
}

/** The manifest's shards of one split, in order. */
export function shardsOf(manifest: MnistManifest, split: "train" | "test"): ShardEntry[] {
  return manifest.shards.filter((s) => s.split === split).sort((a, b) => a.offset - b.offset);
}
