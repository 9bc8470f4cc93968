/**
 * The activation functions of the lecture, each with its derivative, so the
 * perceptron, the MLP engine and the pages share one definition.
 *
 * `derivative(s, y)` receives both the pre-activation s and the output y = f(s):
 * sigmoid's and tanh's derivatives are cheapest written in terms of y
 * (τ′ = β·y(1−y), tanh′ = 1 − y²), which is exactly how the backprop slides write them.
 *
 * `apply` and `scaleByDerivative` are the same two formulas over a whole layer (or
 * batch) of units, one tight loop each: the MLP engine calls them once per layer
 * instead of calling `f` and `derivative` once per unit.
 */

export interface Activation {
  /** Stable identifier used in URLs and selectors. */
  id: ActivationId;
  /** Human-readable name. */
  name: string;
  f(s: number): number;
  derivative(s: number, y: number): number;
  /** a[k] = f(s[k]) for k < n. */
  apply(s: Float64Array, a: Float64Array, n: number): void;
  /** delta[k] ← delta[k] · τ′(s[k], a[k]) for k < n (backpropagation through the unit). */
  scaleByDerivative(delta: Float64Array, s: Float64Array, a: Float64Array, n: number): void;
  /** KaTeX source of the function. */
  tex: string;
  /** KaTeX source of the derivative. */
  derivativeTex: string;
}

export type ActivationId = "step" | "sigmoid" | "tanh" | "relu" | "leaky-relu" | "elu" | "linear";

/** Heaviside step: 1 if s > 0 else 0. Its derivative is 0 wherever it exists (undefined at 0). */
export const step: Activation = {
  id: "step",
  name: "Step",
  f: (s) => (s > 0 ? 1 : 0),
  derivative: () => 0,
  apply(s, a, n) {
    for (let k = 0; k < n; ++k) a[k] = s[k] > 0 ? 1 : 0;
  },
  scaleByDerivative(delta, _s, _a, n) {
    for (let k = 0; k < n; ++k) delta[k] *= 0;
  },
  tex: String.raw`\tau(s) = \begin{cases} 1 & s > 0 \\ 0 & s \le 0 \end{cases}`,
  // Formulas carry no words (they read the same on every page): where the derivative is undefined, the page says in words.
  derivativeTex: String.raw`\tau'(s) = 0 \quad (s \neq 0)`
};

/** The logistic sigmoid with slope β: τ(s) = 1 / (1 + e^(−βs)), τ′(s) = β·τ(s)(1 − τ(s)). */
export function sigmoidWithSlope(beta = 1): Activation {
  return {
    id: "sigmoid",
    name: beta === 1 ? "Sigmoid" : `Sigmoid (β = ${beta})`,
    f: (s) => sigmoidValue(beta * s),
    derivative: (_s, y) => beta * y * (1 - y),
    apply(s, a, n) {
      for (let k = 0; k < n; ++k) a[k] = sigmoidValue(beta * s[k]);
    },
    scaleByDerivative(delta, _s, a, n) {
      for (let k = 0; k < n; ++k) delta[k] *= beta * a[k] * (1 - a[k]);
    },
    tex: beta === 1 ? String.raw`\tau(s) = \frac{1}{1 + e^{-s}}` : String.raw`\tau(s) = \frac{1}{1 + e^{-${beta} s}}`,
    derivativeTex: beta === 1 ? String.raw`\tau'(s) = \tau(s)\,(1 - \tau(s))` : String.raw`\tau'(s) = ${beta}\,\tau(s)\,(1 - \tau(s))`
  };
}

/** Numerically stable logistic function (no overflow for large |x|). */
export function sigmoidValue(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export const sigmoid = sigmoidWithSlope(1);

export const tanh: Activation = {
  id: "tanh",
  name: "tanh",
  f: Math.tanh,
  derivative: (_s, y) => 1 - y * y,
  apply(s, a, n) {
    for (let k = 0; k < n; ++k) a[k] = Math.tanh(s[k]);
  },
  scaleByDerivative(delta, _s, a, n) {
    for (let k = 0; k < n; ++k) delta[k] *= 1 - a[k] * a[k];
  },
  tex: String.raw`\tau(s) = \tanh(s)`,
  derivativeTex: String.raw`\tau'(s) = 1 - \tanh^2(s)`
};

/** ReLU: max(0, s); derivative 1 for s > 0, else 0 (the lecture's convention at 0). */
export const relu: Activation = {
  id: "relu",
  name: "ReLU",
  f: (s) => (s > 0 ? s : 0),
  derivative: (s) => (s > 0 ? 1 : 0),
  apply(s, a, n) {
    for (let k = 0; k < n; ++k) a[k] = s[k] > 0 ? s[k] : 0;
  },
  scaleByDerivative(delta, s, _a, n) {
    for (let k = 0; k < n; ++k) delta[k] *= s[k] > 0 ? 1 : 0;
  },
  tex: String.raw`\tau(s) = \max(0, s)`,
  derivativeTex: String.raw`\tau'(s) = \begin{cases} 1 & s > 0 \\ 0 & s \le 0 \end{cases}`
};

/** Leaky ReLU: max(αs, s) with α = 0.1 in the lecture. */
export function leakyReluWithSlope(alpha = 0.1): Activation {
  return {
    id: "leaky-relu",
    name: "Leaky ReLU",
    f: (s) => (s > 0 ? s : alpha * s),
    derivative: (s) => (s > 0 ? 1 : alpha),
    apply(s, a, n) {
      for (let k = 0; k < n; ++k) a[k] = s[k] > 0 ? s[k] : alpha * s[k];
    },
    scaleByDerivative(delta, s, _a, n) {
      for (let k = 0; k < n; ++k) delta[k] *= s[k] > 0 ? 1 : alpha;
    },
    tex: String.raw`\tau(s) = \max(${alpha}s,\ s)`,
    derivativeTex: String.raw`\tau'(s) = \begin{cases} 1 & s > 0 \\ ${alpha} & s \le 0 \end{cases}`
  };
}

/** The lecture's leaky slope, max(0.1x, x). */
export const LEAKY_RELU_ALPHA = 0.1;
export const leakyRelu = leakyReluWithSlope(LEAKY_RELU_ALPHA);

/** ELU: s for s ≥ 0, α(e^s − 1) below; derivative 1 or y + α. */
export function eluWithAlpha(alpha = 1): Activation {
  return {
    id: "elu",
    name: "ELU",
    f: (s) => (s >= 0 ? s : alpha * (Math.exp(s) - 1)),
    derivative: (s, y) => (s >= 0 ? 1 : y + alpha),
    apply(s, a, n) {
      for (let k = 0; k < n; ++k) a[k] = s[k] >= 0 ? s[k] : alpha * (Math.exp(s[k]) - 1);
    },
    scaleByDerivative(delta, s, a, n) {
      for (let k = 0; k < n; ++k) delta[k] *= s[k] >= 0 ? 1 : a[k] + alpha;
    },
    tex: String.raw`\tau(s) = \begin{cases} s & s \ge 0 \\ ${alpha}\,(e^{s} - 1) & s < 0 \end{cases}`,
    derivativeTex: String.raw`\tau'(s) = \begin{cases} 1 & s \ge 0 \\ \tau(s) + ${alpha} & s < 0 \end{cases}`
  };
}

export const ELU_ALPHA = 1;
export const elu = eluWithAlpha(ELU_ALPHA);

/** Identity, for output layers of regression and for softmax logits. */
export const linear: Activation = {
  id: "linear",
  name: "Linear",
  f: (s) => s,
  derivative: () => 1,
  apply(s, a, n) {
    for (let k = 0; k < n; ++k) a[k] = s[k];
  },
  // τ′ = 1: δ passes through unchanged.
  scaleByDerivative() {},
  tex: String.raw`\tau(s) = s`,
  derivativeTex: String.raw`\tau'(s) = 1`
};

/** Every activation with its default parameters, keyed by id. */
export const activations: Record<ActivationId, Activation> = {
  step,
  sigmoid,
  tanh,
  relu,
  "leaky-relu": leakyRelu,
  elu,
  linear
};

/** The activations a hidden layer can usefully be trained with (step has no gradient). */
export const trainableActivationIds: ActivationId[] = ["sigmoid", "tanh", "relu", "leaky-relu", "elu", "linear"];

export function activationById(id: string): Activation {
  const a = (activations as Record<string, Activation>)[id];
  if (!a) throw new RangeError(`unknown activation ${JSON.stringify(id)}`);
  return a;
}

/**
 * Maxout over two affine pieces of a scalar input: max(w₁s + b₁, w₂s + b₂).
 * Its derivative is the slope of whichever piece is larger.
 */
export function maxout(w1: number, b1: number, w2: number, b2: number): {f(s: number): number; derivative(s: number): number} {
  return {
    f: (s) => Math.max(w1 * s + b1, w2 * s + b2),
    derivative: (s) => (w1 * s + b1 >= w2 * s + b2 ? w1 : w2)
  };
}
