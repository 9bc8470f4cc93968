/**
 * The training loop shared by the page's Web Worker and the build's reference
 * runs, so the reference logs really are this trainer's. It keeps the data on
 * the device, never waits on the device between batches, and reads the loss
 * back only every LOG_EVERY iterations (the lecture's print cadence).
 */
import * as tf from "@tensorflow/tfjs-core";
// tfjs-core alone registers no gradients; tfjs-layers registers them all, both in its
// Node build and in its ES modules (a deep import of tfjs-core/dist fails in Node).
import "@tensorflow/tfjs-layers";
import type {DeviceData} from "./device-data.js";
import {EpochOrder} from "./epoch-order.js";
import {evaluateLogits, type Evaluation} from "./evaluation.js";
import {createMlp, disposeMlp, forward, mlpVariables, type Mlp} from "./model.js";
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

export function createOptimizer(recipe: Recipe): tf.Optimizer {
  // PyTorch's Adam defaults (β1 0.9, β2 0.999, ε 1e-8) and plain SGD.
  return recipe.optimizer === "adam" ? tf.train.adam(recipe.learningRate, 0.9, 0.999, 1e-8) : tf.train.sgd(recipe.learningRate);
}

export class Trainer {
  readonly mlp: Mlp;
  readonly optimizer: tf.Optimizer;
  private readonly random: Rng;
  step = 0;

  constructor(readonly recipe: Recipe, readonly data: DeviceData) {
    this.random = rng(recipe.seed);
    this.mlp = createMlp(layerSizes(recipe), recipe.activation, this.random);
    this.optimizer = createOptimizer(recipe);
  }

  /**
   * One optimiser step on the given images. Returns the batch's loss and
   * accuracy as device scalars only when asked, so other steps never sync.
   */
  trainStep(indices: Int32Array, readBack: boolean): [tf.Scalar, tf.Scalar] | undefined {
    const {x: allX, y: allY} = this.data.train;
    if (!allX || !allY) throw new Error("no training data yet");
    return tf.tidy((): [tf.Scalar, tf.Scalar] | undefined => {
      const idx = tf.tensor1d(indices, "int32");
      const x = tf.gather(allX, idx);
      const labels = tf.gather(allY, idx);
      let logits: tf.Tensor2D | null = null;
      const loss = this.optimizer.minimize(
        () => {
          const out = forward(this.mlp, x);
          if (readBack) logits = tf.keep(out);
          return tf.losses.softmaxCrossEntropy(tf.oneHot(labels, CLASSES), out) as tf.Scalar;
        },
        readBack,
        mlpVariables(this.mlp)
      );
      if (!readBack || !loss || !logits) return undefined;
      const kept: tf.Tensor2D = logits;
      const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(kept, 1), labels), "float32")) as tf.Scalar;
      kept.dispose();
      return [loss, accuracy];
    });
  }

  /** Trains for the recipe's epochs, evaluating the test set after each. */
  async train(hooks: TrainHooks = {}): Promise<TrainOutcome> {
    const {train} = this.data;
    for (let epoch = 1; epoch <= this.recipe.epochs; ++epoch) {
      const order = new EpochOrder(train.expected, this.recipe.batchSize, this.random);
      for (let iteration = 1; !order.done; ++iteration) {
        let indices = order.next(train.count);
        while (!indices) {
          if (hooks.control && !(await hooks.control({epoch, iteration, step: this.step}))) return {status: "stopped"};
          await train.waitFor(train.count + 1);
          indices = order.next(train.count);
        }
        this.step++;
        const readBack = iteration % LOG_EVERY === 0;
        const result = this.trainStep(indices, readBack);
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
    this.optimizer.dispose();
  }
}
