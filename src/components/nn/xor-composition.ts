/**
 * The lecture's two-layer XOR: XOR(x₁, x₂) = AND(NAND(x₁, x₂), OR(x₁, x₂)).
 * Layer 1 holds a NAND unit (s₁) and an OR unit (s₂), layer 2 one AND unit (y),
 * all with the lecture's hand weights and the step function. The hidden units
 * may also be sigmoids of slope β, to watch the hidden space bend.
 */
import {step, type Activation} from "./activations.js";
import {HAND_WEIGHTS, INPUTS} from "./gates.js";
import {weightedSum, type PerceptronWeights} from "./perceptron.js";

export interface TwoLayerNetwork {
  /** Layer 1: the units computing s₁ and s₂. */
  hidden: [PerceptronWeights, PerceptronWeights];
  /** Layer 2: the unit computing y from (s₁, s₂). */
  output: PerceptronWeights;
}

/** Layer 1 = (NAND, OR), layer 2 = AND, with the lecture's weights. */
export const XOR_COMPOSITION: TwoLayerNetwork = {
  hidden: [HAND_WEIGHTS.nand!, HAND_WEIGHTS.or!],
  output: HAND_WEIGHTS.and!
};

export interface CompositionValues {
  x: [number, number];
  /** Weighted sums of the hidden units. */
  g: [number, number];
  /** Hidden outputs s₁, s₂. */
  s: [number, number];
  /** Weighted sum of the output unit. */
  h: number;
  y: number;
}

/** The forward pass through both layers, every intermediate value kept. */
export function composeForward(net: TwoLayerNetwork, x1: number, x2: number, hiddenActivation: Activation = step, outputActivation: Activation = step): CompositionValues {
  const g: [number, number] = [weightedSum(net.hidden[0], x1, x2), weightedSum(net.hidden[1], x1, x2)];
  const s: [number, number] = [hiddenActivation.f(g[0]), hiddenActivation.f(g[1])];
  const h = weightedSum(net.output, s[0], s[1]);
  return {x: [x1, x2], g, s, h, y: outputActivation.f(h)};
}

/** The composed network's truth table, rows in the lecture's order. */
export function compositionTable(net: TwoLayerNetwork = XOR_COMPOSITION): CompositionValues[] {
  return INPUTS.map(([x1, x2]) => composeForward(net, x1, x2));
}

/** The network in the engine's layout, for the network diagram: weights[l][j·n_in + i], biases[l][j]. */
export function compositionLayers(net: TwoLayerNetwork): {weights: Float64Array[]; biases: Float64Array[]} {
  const [a, b] = net.hidden;
  return {
    weights: [Float64Array.of(a.w1, a.w2, b.w1, b.w2), Float64Array.of(net.output.w1, net.output.w2)],
    biases: [Float64Array.of(a.b, b.b), Float64Array.of(net.output.b)]
  };
}
