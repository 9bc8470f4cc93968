/**
 * Test-set figures computed from the logits on the CPU (one read-back per
 * evaluation): mean cross-entropy, accuracy, the lecture's accuracy (the mean
 * of per-batch accuracies over batches of 128), predictions and the confusion
 * matrix.
 */
import {CLASSES} from "./recipe.js";

export interface Evaluation {
  loss: number;
  /** Correct / all test images. */
  accuracy: number;
  /** The lecture's TEST-Accuracy: the mean of per-batch accuracies. */
  batchMeanAccuracy: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  predictions: Uint8Array;
  /** count × 10 softmax probabilities. */
  probabilities: Float32Array;
}

export function softmaxRows(logits: Float32Array, classes = CLASSES): Float32Array {
  const out = new Float32Array(logits.length);
  for (let r = 0; r < logits.length; r += classes) {
    let max = -Infinity;
    for (let c = 0; c < classes; ++c) max = Math.max(max, logits[r + c]);
    let sum = 0;
    for (let c = 0; c < classes; ++c) sum += out[r + c] = Math.exp(logits[r + c] - max);
    for (let c = 0; c < classes; ++c) out[r + c] /= sum;
  }
  return out;
}

export function evaluateLogits(logits: Float32Array, labels: ArrayLike<number>, batch: number, classes = CLASSES): Evaluation {
  const n = labels.length;
  const probabilities = softmaxRows(logits, classes);
  const predictions = new Uint8Array(n);
  const confusion = Array.from({length: classes}, () => new Array<number>(classes).fill(0));
  let lossSum = 0;
  let correct = 0;
  let batchAccuracySum = 0;
  let batchCorrect = 0;
  for (let i = 0; i < n; ++i) {
    let best = 0;
    for (let c = 1; c < classes; ++c) if (logits[i * classes + c] > logits[i * classes + best]) best = c;
    predictions[i] = best;
    confusion[labels[i]][best]++;
    lossSum -= Math.log(Math.max(probabilities[i * classes + labels[i]], 1e-30));
    if (best === labels[i]) {
      correct++;
      batchCorrect++;
    }
    const end = i + 1 === n || (i + 1) % batch === 0;
    if (end) {
      batchAccuracySum += batchCorrect / ((i % batch) + 1);
      batchCorrect = 0;
    }
  }
  return {
    loss: lossSum / n,
    accuracy: correct / n,
    batchMeanAccuracy: batchAccuracySum / Math.ceil(n / batch),
    confusion,
    predictions,
    probabilities
  };
}
