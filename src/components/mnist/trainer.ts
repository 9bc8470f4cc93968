/**
 * The training loop shared by the page's Web Worker and the build's reference
 * runs, so the reference logs really are this trainer's. It keeps the data on
 * the device, never waits on the device between batches, and reads the loss
 * back only every LOG_EVERY iterations (the lecture's print cadence). Each
 * step is the hand-written backward pass of backprop.ts and an update of
 * updates.ts: no autodiff, so no gradient registry is needed.
 */
import * as tf from "@tensorflow/tfjs-core";
import {backward, forwardKeep} from "./backprop.js";
import type {DeviceData} from "./device-data.js";
import {EpochOrder} from "./epoch-order.js";
import {evaluateLogits, type Evaluation} from "./evaluation.js";
import {createMlp, disposeMlp, forward, mlpVariables, onGpu, type Mlp} from "./model.js";
import {createUpdate, type Update} from "./updates.js";
import {CLASSES, layerSizes, LOG_EVERY, TEST_BATCH, type Recipe} from "./recipe.js";
import {rng, type Rng} from "../nn/rng.js";

/** One line of the lecture's printout: the current batch's loss and accuracy. */
export interface TrainLogEntry {
  epoch: number;
  /** 1-based within the epoch, like the lecture's idx+1. */
  iteration: number;
  /** 1-based over the whole run. */
  step: number;
  loss: number;
  accuracy: number;
}

export type TrainOutcome =
  | {status: "done"}
  | {status: "stopped"}
  | {status: "diverged"; entry: TrainLogEntry};

export interface TrainHooks {
  onLog?(entry: TrainLogEntry): void;
  onEpoch?(epoch: number, evaluation: Evaluation): void;
  /**
   * Called every few steps and whenever the trainer waits for data; the host
   * may delay (pause) and answers whether to go on.
   */
  control?(position: {epoch: number; iteration: number; step: number}): Promise<boolean> | boolean;
}

/** How often (in steps) the trainer hands control to its host. */
const CONTROL_EVERY = 16;
/**
 * Batches gathered from the whole training set in one go on GPU backends:
 * there a gather from the 60,000-image tensor costs a pass over its 188 MB
 * buffer (≈ 190 ms per step on software WebGPU/WebGL), paid once per chunk.
 * On wasm and cpu each batch is copied from the host (DeviceSplit.rows), and
 * slicing a chunk would add a copy per step, so each batch is taken directly.
 */
function chunkBatches(): number {
  return onGpu() ? 32 : 1;
}

export class Trainer {
  readonly mlp: Mlp;
  private readonly update: Update;
  private readonly random: Rng;
  step = 0;

  constructor(readonly recipe: Recipe, readonly data: DeviceData) {
    this.random = rng(recipe.seed);
    this.mlp = createMlp(layerSizes(recipe), recipe.activation, this.random);
    this.update = createUpdate(recipe, mlpVariables(this.mlp));
  }

  /**
   * One optimiser step on `size` rows of `rows` from `offset`. Returns the
   * batch's loss and accuracy as device scalars only when asked, so other
   * steps never wait for the device.
   */
  private trainBatch(rows: {x: tf.Tensor2D; y: tf.Tensor1D}, offset: number, size: number, readBack: boolean): [tf.Scalar, tf.Scalar] | undefined {
    return tf.tidy((): [tf.Scalar, tf.Scalar] | undefined => {
      const whole = offset === 0 && size === rows.x.shape[0];
      const x = whole ? rows.x : tf.slice(rows.x, [offset, 0], [size, -1]);
      const labels = whole ? rows.y : tf.slice(rows.y, [offset], [size]);
      const activations = forwardKeep(this.mlp, x);
      const {weights, biases} = backward(this.mlp, activations, labels);
      this.update.apply(weights.flatMap((w, i) => [w, biases[i]]));
      if (!readBack) return undefined;
      // The loss and accuracy of the logits the gradients came from (before the update).
      const logits = activations[activations.length - 1];
      const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, CLASSES), logits) as tf.Scalar;
      const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), labels), "float32")) as tf.Scalar;
      return [loss, accuracy];
    });
  }

  /** One optimiser step on the given training images (see trainBatch). */
  trainStep(indices: Int32Array, readBack: boolean): [tf.Scalar, tf.Scalar] | undefined {
    const rows = this.data.train.rows(indices);
    try {
      return this.trainBatch(rows, 0, indices.length, readBack);
    } finally {
      tf.dispose([rows.x, rows.y]);
    }
  }

  /** The next few batches of the epoch; waits (asking the host) while no image is loaded; null when stopped. */
  private async nextBatches(order: EpochOrder, hooks: TrainHooks, position: {epoch: number; iteration: number}): Promise<Int32Array[] | null> {
    const {train} = this.data;
    const batches: Int32Array[] = [];
    const chunk = chunkBatches();
    while (batches.length < chunk && !order.done) {
      const next = order.next(train.count);
      if (next) {
        batches.push(next);
      } else if (batches.length) {
        break;
      } else {
        if (hooks.control && !(await hooks.control({...position, step: this.step}))) return null;
        await train.waitFor(train.count + 1);
      }
    }
    return batches;
  }

  /** Trains for the recipe's epochs, evaluating the test set after each. */
  async train(hooks: TrainHooks = {}): Promise<TrainOutcome> {
    const {train} = this.data;
    const size = this.recipe.batchSize;
    for (let epoch = 1; epoch <= this.recipe.epochs; ++epoch) {
      const order = new EpochOrder(train.expected, size, this.random);
      let iteration = 0;
      while (!order.done) {
        const batches = await this.nextBatches(order, hooks, {epoch, iteration});
        if (!batches) return {status: "stopped"};
        const rows = this.data.train.rows(Int32Array.from(batches.flatMap((b) => Array.from(b))));
        try {
          for (let b = 0; b < batches.length; ++b) {
            ++iteration;
            this.step++;
            const readBack = iteration % LOG_EVERY === 0;
            const result = this.trainBatch(rows, b * size, size, readBack);
            if (result) {
              const [lossT, accT] = result;
              const [loss, accuracy] = [(await lossT.data())[0], (await accT.data())[0]];
              tf.dispose(result);
              const entry = {epoch, iteration, step: this.step, loss, accuracy};
              if (!Number.isFinite(loss)) return {status: "diverged", entry};
              hooks.onLog?.(entry);
            }
            if (hooks.control && this.step % CONTROL_EVERY === 0 && !(await hooks.control({epoch, iteration, step: this.step}))) {
              return {status: "stopped"};
            }
          }
        } finally {
          tf.dispose([rows.x, rows.y]);
        }
      }
      hooks.onEpoch?.(epoch, await this.evaluate());
    }
    return {status: "done"};
  }

  /** Logits of the whole test set in batches of TEST_BATCH, read back once. */
  async testLogits(): Promise<Float32Array> {
    const {test} = this.data;
    await test.waitFor(test.expected);
    const x = test.x!;
    const logits = tf.tidy(() => {
      const parts: tf.Tensor2D[] = [];
      for (let start = 0; start < test.count; start += TEST_BATCH) {
        const size = Math.min(TEST_BATCH, test.count - start);
        parts.push(forward(this.mlp, tf.slice(x, [start, 0], [size, -1])));
      }
      return tf.concat2d(parts, 0);
    });
    const values = (await logits.data()) as Float32Array;
    logits.dispose();
    return values;
  }

  /** Loss, accuracy and confusion matrix on the test set. */
  async evaluate(): Promise<Evaluation> {
    const labels = (await this.data.test.y!.data()) as Int32Array;
    return evaluateLogits(await this.testLogits(), labels, TEST_BATCH);
  }

  /** Class probabilities for flattened, normalised images. */
  async predict(x: Float32Array): Promise<Float32Array> {
    const n = x.length / (layerSizes(this.recipe)[0]);
    const probabilities = tf.tidy(() => tf.softmax(forward(this.mlp, tf.tensor2d(x, [n, layerSizes(this.recipe)[0]]))));
    const values = (await probabilities.data()) as Float32Array;
    probabilities.dispose();
    return values;
  }

  dispose(): void {
    disposeMlp(this.mlp);
    this.update.dispose();
  }
}
