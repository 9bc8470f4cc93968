/**
 * MNIST on the training device: images normalised once, as the lecture's
 * transforms do, and kept as one tensor per split so a batch is a gather on
 * the device instead of an upload per step. Shards can arrive one by one.
 */
import * as tf from "@tensorflow/tfjs-core";
import {normalizePixels} from "./normalize.js";
import {INPUT_SIZE} from "./recipe.js";
import type {Digits} from "./shard-format.js";

export class DeviceSplit {
  x: tf.Tensor2D | null = null;
  y: tf.Tensor1D | null = null;
  count = 0;
  private waiters: (() => void)[] = [];

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
    this.count += digits.count;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves once at least `n` images are present. */
  async waitFor(n: number): Promise<void> {
    while (this.count < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  dispose(): void {
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
