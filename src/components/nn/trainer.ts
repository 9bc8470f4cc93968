/**
 * The training loop of a small MLP, written the way the lecture draws it:
 *
 *   for each epoch:
 *     for each mini-batch:
 *       feed forward → loss → backpropagation → w ← w − η ∂E/∂w   (one step)
 *
 * Pure and DOM-free: widgets call `step`/`epoch` from their animation frames
 * with a budget, tests and benchmarks call `train`. Training stops — instead of
 * filling the weights with NaN — when the loss or a gradient stops being finite.
 */
import {allFinite, gradientList, lossAndGradients, meanLoss, parameters, zeroGradients, type Gradients, type LossKind, type Mlp, type Regularization} from "./mlp.js";
import type {Optimizer} from "./optimizers.js";
import {rng} from "./rng.js";

export interface Dataset {
  inputs: ArrayLike<number>[];
  targets: ArrayLike<number>[];
}

export interface TrainerOptions {
  net: Mlp;
  data: Dataset;
  loss: LossKind;
  optimizer: Optimizer;
  /** Examples per update; the whole dataset (full batch) when omitted or larger. */
  batchSize?: number;
  /** Seed of the per-epoch shuffle (mini-batches only). */
  shuffleSeed?: number;
  regularization?: Regularization;
  /** Most points kept in `history`; older ones are thinned to every other point. */
  historyLimit?: number;
}

export interface StepResult {
  /** Mean loss of the batch before the update. */
  loss: number;
  /** Epochs completed so far (after this step). */
  epoch: number;
  /** Updates taken so far. */
  steps: number;
  /** True when this step ended an epoch. */
  endOfEpoch: boolean;
}

export interface EpochResult {
  epoch: number;
  /** Mean loss per example over the epoch, each batch's loss taken before its update. */
  loss: number;
}

export interface Trainer {
  readonly net: Mlp;
  readonly options: TrainerOptions;
  readonly epoch: number;
  readonly steps: number;
  /** Set, with a reason, once the loss or a gradient stopped being finite; no more updates happen. */
  readonly diverged: string | null;
  /** Mean loss per epoch, thinned to at most `historyLimit` points. */
  readonly history: EpochResult[];
  /** The gradients of the last step. */
  readonly grad: Gradients;
  /** One update on the next mini-batch; null once diverged. */
  step(): StepResult | null;
  /** Steps until the current epoch ends; null once diverged. */
  runEpoch(): EpochResult | null;
  /** Yields after each epoch until `epochs` more have run or training diverges. */
  epochs(epochs?: number): Generator<EpochResult>;
  /** Mean loss over the whole dataset with the current weights (no update). */
  evaluate(): number;
}

export function createTrainer(options: TrainerOptions): Trainer {
  const {net, data, loss, optimizer, regularization, historyLimit = 2000} = options;
  const n = data.inputs.length;
  if (n === 0 || data.targets.length !== n) throw new RangeError(`dataset needs as many targets as inputs (got ${n} inputs, ${data.targets.length} targets)`);
  const batchSize = Math.max(1, Math.min(n, Math.floor(options.batchSize ?? n)));
  const shuffle = rng(options.shuffleSeed ?? 1);
  const order = Array.from({length: n}, (_, k) => k);
  const grad = zeroGradients(net);
  const params = parameters(net);
  const grads = gradientList(grad);
  const history: EpochResult[] = [];
  let historyStride = 1;
  let epoch = 0;
  let steps = 0;
  let cursor = 0;
  let epochLossSum = 0;
  let diverged: string | null = null;
  let lastEpoch: EpochResult = {epoch: 0, loss: NaN};
  // Full batch reuses the dataset's own arrays: no copy per step.
  const batchInputs: ArrayLike<number>[] = batchSize === n ? data.inputs : [];
  const batchTargets: ArrayLike<number>[] = batchSize === n ? data.targets : [];

  function nextBatch(): void {
    if (batchSize === n) return;
    if (cursor === 0) shuffle.shuffle(order);
    const end = Math.min(n, cursor + batchSize);
    batchInputs.length = 0;
    batchTargets.length = 0;
    for (let k = cursor; k < end; ++k) {
      batchInputs.push(data.inputs[order[k]]);
      batchTargets.push(data.targets[order[k]]);
    }
  }

  function record(result: EpochResult): void {
    if (result.epoch % historyStride !== 0) return;
    history.push(result);
    if (history.length > historyLimit) {
      // Keep every other point and record half as often from now on.
      historyStride *= 2;
      let kept = 0;
      for (const point of history) if (point.epoch % historyStride === 0) history[kept++] = point;
      history.length = kept;
    }
  }

  const trainer: Trainer = {
    net,
    options,
    get epoch() {
      return epoch;
    },
    get steps() {
      return steps;
    },
    get diverged() {
      return diverged;
    },
    history,
    grad,
    step() {
      if (diverged) return null;
      nextBatch();
      // Feed forward and backpropagation (inside lossAndGradients), then the update.
      const result = lossAndGradients(net, batchInputs, batchTargets, loss, grad, regularization);
      if (!Number.isFinite(result.loss) || !allFinite(grads)) {
        diverged = `the loss became ${Number.isFinite(result.loss) ? "finite but a gradient did not" : "too large to represent"} after ${steps} updates — try a smaller learning rate`;
        return null;
      }
      optimizer.step(params, grads);
      if (!allFinite(params)) {
        diverged = `the weights became too large after ${steps + 1} updates — try a smaller learning rate`;
        return null;
      }
      ++steps;
      epochLossSum += result.loss * batchInputs.length;
      cursor += batchInputs.length;
      const endOfEpoch = cursor >= n;
      if (endOfEpoch) {
        cursor = 0;
        ++epoch;
        lastEpoch = {epoch, loss: epochLossSum / n};
        record(lastEpoch);
        epochLossSum = 0;
      }
      return {loss: result.loss, epoch, steps, endOfEpoch};
    },
    runEpoch() {
      for (;;) {
        const result = trainer.step();
        if (!result) return null;
        if (result.endOfEpoch) return lastEpoch;
      }
    },
    *epochs(count = Infinity) {
      for (let k = 0; k < count; ++k) {
        const result = trainer.runEpoch();
        if (!result) return;
        yield result;
      }
    },
    evaluate() {
      return meanLoss(net, data.inputs, data.targets, loss);
    }
  };
  return trainer;
}
