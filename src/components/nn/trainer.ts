/**
 * The training loop of a small MLP, written the way the lecture draws it:
 *
 *   for each epoch:
 *     for each mini-batch:
 *       feed forward → loss → backpropagation → w ← w − η ∂E/∂w   (one step)
 *
 * The one loop of the teaching engine: the XOR trainer, the vanishing-gradient
 * widget and the playground all step through it. Pure and DOM-free: widgets
 * call `step`/`runEpoch` from their animation frames with a budget, tests and
 * benchmarks call `epochs`. Data, hyper-parameters and weights may change
 * mid-run; changing the learning rate keeps the optimiser's state (Adam's
 * moments). Training stops — instead of filling the weights or the optimiser's
 * state with NaN — when the loss, a gradient or an update stops being finite.
 */
import {allFinite, gradientList, lossAndGradients, meanLoss, parameters, zeroGradients, type Gradients, type LossKind, type Mlp, type Regularization} from "./mlp.js";
import {createOptimizer, type Optimizer, type OptimizerKind} from "./optimizers.js";
import {rng} from "./rng.js";

export interface Dataset {
  inputs: ArrayLike<number>[];
  targets: ArrayLike<number>[];
}

export interface TrainerOptions {
  net: Mlp;
  /** May be empty (nothing to train on yet): `step` then returns null without diverging. */
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

/** Hyper-parameters that can change between two steps. */
export interface TrainerSettings {
  loss: LossKind;
  /** Undefined for full batch. */
  batchSize: number | undefined;
  regularization: Regularization | undefined;
  learningRate: number;
  /** Another kind starts a new optimiser (its state means nothing to the new one); the same kind keeps its state. */
  optimizer: OptimizerKind;
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
  /** The current options (after any `configure` or `setData`). */
  readonly options: Readonly<TrainerOptions>;
  readonly epoch: number;
  readonly steps: number;
  /** Set, with a reason, once the loss, a gradient or an update stopped being finite; no more updates happen. */
  readonly diverged: string | null;
  /** Mean loss per epoch, thinned to at most `historyLimit` points. */
  readonly history: EpochResult[];
  /** The gradients of the last step. */
  readonly grad: Gradients;
  /** One update on the next mini-batch; null once diverged or while there is no data. */
  step(): StepResult | null;
  /** Steps until the current epoch ends; null once diverged or while there is no data. */
  runEpoch(): EpochResult | null;
  /** Yields after each epoch until `epochs` more have run or training diverges. */
  epochs(epochs?: number): Generator<EpochResult>;
  /** Mean loss over the whole dataset with the current weights (no update). */
  evaluate(): number;
  /** Changes hyper-parameters mid-run: weights, epoch count and (for the same optimiser kind) its state stay. */
  configure(settings: Partial<TrainerSettings>): void;
  /** Trains on new data from the next step (a new epoch starts); weights and optimiser state stay. */
  setData(data: Dataset): void;
  /** Replaces every weight and bias (an imported file): the optimiser's state and any divergence are forgotten. */
  load(weights: readonly ArrayLike<number>[], biases: readonly ArrayLike<number>[]): void;
}

export function createTrainer(options: TrainerOptions): Trainer {
  const {net, historyLimit = 2000} = options;
  checkData(options.data);
  const current: TrainerOptions = {...options};
  const shuffle = rng(options.shuffleSeed ?? 1);
  let order: number[] = [];
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
  const batchInputs: ArrayLike<number>[] = [];
  const batchTargets: ArrayLike<number>[] = [];

  function useData(data: Dataset): void {
    current.data = data;
    order = Array.from({length: data.inputs.length}, (_, k) => k);
    cursor = 0;
    epochLossSum = 0;
  }
  useData(options.data);

  /** The next mini-batch; full batch passes the dataset's own arrays (no copy per step). */
  function nextBatch(n: number): Dataset {
    const size = Math.max(1, Math.min(n, Math.floor(current.batchSize ?? n)));
    if (size === n && cursor === 0) return current.data;
    if (cursor === 0) shuffle.shuffle(order);
    const end = Math.min(n, cursor + size);
    batchInputs.length = 0;
    batchTargets.length = 0;
    for (let k = cursor; k < end; ++k) {
      batchInputs.push(current.data.inputs[order[k]]);
      batchTargets.push(current.data.targets[order[k]]);
    }
    return {inputs: batchInputs, targets: batchTargets};
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
    get options() {
      return current;
    },
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
      const n = current.data.inputs.length;
      if (diverged || n === 0) return null;
      const batch = nextBatch(n);
      // Feed forward and backpropagation (inside lossAndGradients), then the update.
      const result = lossAndGradients(net, batch.inputs, batch.targets, current.loss, grad, current.regularization);
      if (!Number.isFinite(result.loss) || !allFinite(grads)) {
        diverged = `the loss became ${Number.isFinite(result.loss) ? "finite but a gradient did not" : "too large to represent"} after ${steps} updates — try a smaller learning rate`;
        return null;
      }
      // The optimiser refuses an update that would leave a weight or its state non-finite.
      if (!current.optimizer.step(params, grads)) {
        diverged = `the weights became too large after ${steps + 1} updates — try a smaller learning rate`;
        return null;
      }
      ++steps;
      epochLossSum += result.loss * batch.inputs.length;
      cursor += batch.inputs.length;
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
      return meanLoss(net, current.data.inputs, current.data.targets, current.loss);
    },
    configure(settings) {
      if (settings.loss !== undefined) current.loss = settings.loss;
      if ("batchSize" in settings) current.batchSize = settings.batchSize;
      if ("regularization" in settings) current.regularization = settings.regularization;
      const learningRate = settings.learningRate ?? current.optimizer.options.learningRate;
      if (settings.optimizer !== undefined && settings.optimizer !== current.optimizer.kind) {
        current.optimizer = createOptimizer(settings.optimizer, {...current.optimizer.options, learningRate});
      } else if (learningRate !== current.optimizer.options.learningRate) current.optimizer.configure({learningRate});
    },
    setData(data) {
      checkData(data);
      useData(data);
    },
    load(weights, biases) {
      weights.forEach((w, l) => net.weights[l].set(w));
      biases.forEach((b, l) => net.biases[l].set(b));
      current.optimizer.reset();
      diverged = null;
    }
  };
  return trainer;
}

function checkData(data: Dataset): void {
  if (data.targets.length !== data.inputs.length) throw new RangeError(`dataset needs as many targets as inputs (got ${data.inputs.length} inputs, ${data.targets.length} targets)`);
}
