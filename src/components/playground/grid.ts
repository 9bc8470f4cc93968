/**
 * What the network computes over the plane: one forward pass per grid cell
 * gives the output (for the decision boundary) and, on a coarser sub-grid,
 * every hidden neuron's activation (for its small heatmap).
 */
import type {Mlp} from "../nn/mlp.js";
import {PLANE} from "./datasets.js";

export interface PlaneSample {
  resolution: number;
  /** Per output unit, resolution² values, row 0 at the top (x₂ = +6). */
  outputs: Float32Array[];
  /** Resolution of the neuron heatmaps (resolution / stride). */
  neuronResolution: number;
  /** neurons[l][j]: activation of unit j of layer l (0 = the input features, then the hidden layers). */
  neurons: Float32Array[][];
}

/** Cell centre of column/row k of n on [−6, 6] (rows count down from the top). */
export function cellCentre(k: number, n: number): number {
  return -PLANE + ((k + 0.5) / n) * 2 * PLANE;
}

export function samplePlane(net: Mlp, outputAt: (x1: number, x2: number) => Float64Array, resolution: number, stride: number): PlaneSample {
  const layers = net.sizes.length - 1;
  const outputs = Array.from({length: net.sizes[layers]}, () => new Float32Array(resolution * resolution));
  const neuronResolution = Math.floor(resolution / stride);
  const neurons = net.sizes.slice(0, layers).map((n) => Array.from({length: n}, () => new Float32Array(neuronResolution * neuronResolution)));
  for (let row = 0; row < resolution; ++row) {
    const x2 = -cellCentre(row, resolution);
    for (let col = 0; col < resolution; ++col) {
      const y = outputAt(cellCentre(col, resolution), x2);
      const cell = row * resolution + col;
      for (let k = 0; k < y.length; ++k) outputs[k][cell] = y[k];
      if (row % stride !== 0 || col % stride !== 0) continue;
      const r = row / stride;
      const c = col / stride;
      if (r >= neuronResolution || c >= neuronResolution) continue;
      const small = r * neuronResolution + c;
      for (let l = 0; l < layers; ++l) {
        const a = net.a[l];
        const target = neurons[l];
        for (let j = 0; j < a.length; ++j) target[j][small] = a[j];
      }
    }
  }
  return {resolution, outputs, neuronResolution, neurons};
}
