/**
 * MNIST on the training device: images normalised once, as the lecture's
 * transforms do, and kept as one tensor per split so a batch is a gather on
 * the device instead of an upload per step. Shards can arrive one by one.
 */
import * as tf from "@tensorflow/tfjs-core";
import {normalizePixels} from "./normalize.js";
import {INPUT_SIZE} from "./recipe.js";
import type {Digits} from "./shard-format.js";

/**
 * Backends whose tensors live in this thread's memory. On them tfjs's gather
 * of 64 rows from the 60,000-image tensor costs ~3–5 ms (its wasm kernel
 * walks element by element), more than the step's matrix products; copying
 * the rows' bytes and normalising 50,000 pixels in JavaScript takes ~0.1 ms.
 */
const HOST_BACKENDS = ["wasm", "cpu"];

export class DeviceSplit {
  x: tf.Tensor2D | null = null;
  y: tf.Tensor1D | null = null;
  count = 0;
  private waiters: (() => void)[] = [];
  /** The raw bytes, kept (47 MB for the training set) only on HOST_BACKENDS. */
  private host: {pixels: Uint8Array; labels: Uint8Array} | null = null;

  /** @param expected how many images the split will hold once every shard is in */
  constructor(readonly expected: number) {}

  /** Appends a shard's images after those already present. */
  append(digits: Digits): void {
    if (digits.rows * digits.cols !== INPUT_SIZE) throw new Error(`expected 28×28 images, got ${digits.rows}×${digits.cols}`);
    const x = tf.tensor2d(normalizePixels(digits.pixels), [digits.count, INPUT_SIZE]);
    const y = tf.tensor1d(Int32Array.from(digits.labels), "int32");
    if (this.x && this.y) {
      const [oldX, oldY] = [this.x, this.y];
      this.x = tf.concat2d([oldX, x], 0);
      this.y = tf.concat1d([oldY, y]);
      tf.dispose([oldX, oldY, x, y]);
    } else {
      [this.x, this.y] = [x, y];
    }
    if (HOST_BACKENDS.includes(tf.getBackend())) {
      this.host ??= {pixels: new Uint8Array(this.expected * INPUT_SIZE), labels: new Uint8Array(this.expected)};
      this.host.pixels.set(digits.pixels, this.count * INPUT_SIZE);
      this.host.labels.set(digits.labels, this.count);
    }
    this.count += digits.count;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once at least `n` images are present. */
  async waitFor(n: number): Promise<void> {
    while (this.count < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** The given images (normalised) and labels as new tensors. */
  rows(indices: Int32Array): {x: tf.Tensor2D; y: tf.Tensor1D} {
    const {x, y, host} = this;
    if (!x || !y) throw new Error("no images yet");
    if (!host) {
      return tf.tidy(() => {
        const idx = tf.tensor1d(indices, "int32");
        return {x: tf.gather(x, idx), y: tf.gather(y, idx)};
      });
    }
    const pixels = new Uint8Array(indices.length * INPUT_SIZE);
    indices.forEach((row, i) => pixels.set(host.pixels.subarray(row * INPUT_SIZE, (row + 1) * INPUT_SIZE), i * INPUT_SIZE));
    const labels = Int32Array.from(indices, (row) => host.labels[row]);
    return {x: tf.tensor2d(normalizePixels(pixels), [indices.length, INPUT_SIZE]), y: tf.tensor1d(labels, "int32")};
  }

  dispose(): void {
    this.host = null;
    this.x?.dispose();
    this.y?.dispose();
    this.x = this.y = null;
    this.count = 0;
  }
}

export interface DeviceData {
  train: DeviceSplit;
  test: DeviceSplit;
}
