/**
 * Backpropagation on the lecture's 2-2-1 sigmoid network, one factor at a time.
 *
 * Notation of the lecture (plus biases b_j and c, which the slides leave out):
 *   g_j = v_1j x_1 + v_2j x_2 + b_j,   a_j = τ(g_j)           hidden layer
 *   h   = w_1 a_1 + w_2 a_2 + c,       y   = τ(h)             output layer
 *   E   = ½ (y − t)²
 * Backward, each gradient = upstream gradient × local gradient:
 *   ∂E/∂h    = (y − t) · y(1 − y)
 *   ∂E/∂w_j  = ∂E/∂h · a_j
 *   ∂E/∂g_j  = ∂E/∂h · w_j · a_j(1 − a_j)
 *   ∂E/∂v_ij = ∂E/∂g_j · x_i
 * The engine stores v_ij as weights[0][j·2 + i] and w_j as weights[1][j].
 */
import {sigmoidValue} from "./activations.js";

export const PARAMETER_NAMES = ["v11", "v21", "v12", "v22", "b1", "b2", "w1", "w2", "c"] as const;
export type ParameterName = (typeof PARAMETER_NAMES)[number];
export type TinyParameters = Record<ParameterName, number>;

export interface Example {
  x1: number;
  x2: number;
  t: number;
}

export interface ForwardValues {
  x: [number, number];
  g: [number, number];
  a: [number, number];
  h: number;
  y: number;
  t: number;
  E: number;
}

/** What a step points at on the 2-2-1 drawing: nodes [layer, index], edges [layer, j, i], bias edges [layer, j]. */
export interface StepHighlight {
  nodes: [number, number][];
  edges: [number, number, number][];
  biases: [number, number][];
}

export interface BackpropStep {
  id: string;
  /** KaTeX of the quantity, e.g. \frac{\partial E}{\partial w_1}. */
  symbol: string;
  /** KaTeX of the rule that gives it, in symbols. */
  formula: string;
  /** KaTeX of the same rule with the numbers substituted. */
  substituted: string;
  value: number;
  /** local: a derivative of one unit alone; chain: upstream × local; gradient: a parameter's ∂E/∂p. */
  kind: "local" | "chain" | "gradient";
  /** The parameter whose gradient this step completes. */
  parameter?: ParameterName;
  /** The lecture's closed form for a parameter gradient, e.g. (y − t)·y(1 − y)·a_j. */
  closedForm?: string;
  highlight: StepHighlight;
}

export const DEFAULT_PARAMETERS: TinyParameters = {v11: 0.1, v21: 0.8, v12: 0.4, v22: 0.6, b1: 0, b2: 0, w1: 0.3, w2: 0.9, c: 0};
export const DEFAULT_EXAMPLE: Example = {x1: 0.35, x2: 0.9, t: 0.5};

const tau = sigmoidValue;

export function forwardPass(p: TinyParameters, {x1, x2, t}: Example): ForwardValues {
  const g: [number, number] = [p.v11 * x1 + p.v21 * x2 + p.b1, p.v12 * x1 + p.v22 * x2 + p.b2];
  const a: [number, number] = [tau(g[0]), tau(g[1])];
  const h = p.w1 * a[0] + p.w2 * a[1] + p.c;
  const y = tau(h);
  return {x: [x1, x2], g, a, h, y, t, E: 0.5 * (y - t) ** 2};
}

export function loss(p: TinyParameters, example: Example): number {
  return forwardPass(p, example).E;
}

/**
 * A number for a formula: `digits` decimals, but 4 significant digits for small
 * gradients (0.002654, 3.172 × 10⁻⁷), a real minus sign, negative numbers in
 * parentheses when `wrap` (they are being multiplied).
 */
export function num(x: number, digits = 4, wrap = true): string {
  if (!Number.isFinite(x)) return String.raw`\text{—}`;
  const a = Math.abs(x);
  let s: string;
  if (a === 0 || a >= 0.01) s = a.toFixed(digits);
  else if (a >= 1e-4) s = a.toPrecision(4);
  else {
    const [mantissa, exponent] = a.toExponential(3).split("e");
    s = String.raw`${mantissa} \times 10^{${Number(exponent)}}`;
  }
  if (x >= 0) return s;
  return wrap ? `(-${s})` : `-${s}`;
}

const d = (top: string, bottom: string) => String.raw`\frac{\partial ${top}}{\partial ${bottom}}`;

const none = (): StepHighlight => ({nodes: [], edges: [], biases: []});

/** The backward pass as an ordered list of factors, output layer first. */
export function backpropSteps(p: TinyParameters, example: Example): BackpropStep[] {
  const f = forwardPass(p, example);
  const {x, a, y, t} = f;
  const w = [p.w1, p.w2];
  const steps: BackpropStep[] = [];
  const output: [number, number] = [2, 0];

  const dEdy = y - t;
  steps.push({id: "dE/dy", symbol: d("E", "y"), formula: "y - t", substituted: `${num(y, 4, false)} - ${num(t, 4, false)}`, value: dEdy, kind: "local", highlight: {...none(), nodes: [output]}});
  const dydh = y * (1 - y);
  steps.push({id: "dy/dh", symbol: d("y", "h"), formula: String.raw`\tau'(h) = y\,(1 - y)`, substituted: `${num(y)} \\cdot (1 - ${num(y)})`, value: dydh, kind: "local", highlight: {...none(), nodes: [output]}});
  const dEdh = dEdy * dydh;
  steps.push({id: "dE/dh", symbol: d("E", "h"), formula: `${d("E", "y")} \\cdot ${d("y", "h")}`, substituted: `${num(dEdy)} \\cdot ${num(dydh)}`, value: dEdh, kind: "chain", highlight: {...none(), nodes: [output]}});

  for (let j = 0; j < 2; ++j) {
    const name = `w${j + 1}` as ParameterName;
    steps.push({
      id: `dE/d${name}`,
      symbol: d("E", `w_${j + 1}`),
      formula: `${d("E", "h")} \\cdot ${d("h", `w_${j + 1}`)} = ${d("E", "h")} \\cdot a_${j + 1}`,
      substituted: `${num(dEdh)} \\cdot ${num(a[j])}`,
      value: dEdh * a[j],
      kind: "gradient",
      parameter: name,
      closedForm: `(y - t)\\,y\\,(1 - y)\\,a_${j + 1}`,
      highlight: {...none(), nodes: [[1, j], output], edges: [[1, 0, j]]}
    });
  }
  steps.push({
    id: "dE/dc",
    symbol: d("E", "c"),
    formula: `${d("E", "h")} \\cdot ${d("h", "c")} = ${d("E", "h")} \\cdot 1`,
    substituted: `${num(dEdh)} \\cdot 1`,
    value: dEdh,
    kind: "gradient",
    parameter: "c",
    closedForm: `(y - t)\\,y\\,(1 - y)`,
    highlight: {...none(), nodes: [output], biases: [[1, 0]]}
  });

  for (let j = 0; j < 2; ++j) {
    const J = j + 1;
    const hidden: [number, number] = [1, j];
    steps.push({id: `dh/da${J}`, symbol: d("h", `a_${J}`), formula: `w_${J}`, substituted: num(w[j], 4, false), value: w[j], kind: "local", highlight: {...none(), edges: [[1, 0, j]]}});
    const dadg = a[j] * (1 - a[j]);
    steps.push({id: `da${J}/dg${J}`, symbol: d(`a_${J}`, `g_${J}`), formula: `\\tau'(g_${J}) = a_${J}\\,(1 - a_${J})`, substituted: `${num(a[j])} \\cdot (1 - ${num(a[j])})`, value: dadg, kind: "local", highlight: {...none(), nodes: [hidden]}});
    const dEdg = dEdh * w[j] * dadg;
    steps.push({
      id: `dE/dg${J}`,
      symbol: d("E", `g_${J}`),
      formula: `${d("E", "h")} \\cdot ${d("h", `a_${J}`)} \\cdot ${d(`a_${J}`, `g_${J}`)}`,
      substituted: `${num(dEdh)} \\cdot ${num(w[j])} \\cdot ${num(dadg)}`,
      value: dEdg,
      kind: "chain",
      highlight: {...none(), nodes: [hidden], edges: [[1, 0, j]]}
    });
    for (let i = 0; i < 2; ++i) {
      const I = i + 1;
      const name = `v${I}${J}` as ParameterName;
      steps.push({
        id: `dE/d${name}`,
        symbol: d("E", `v_{${I}${J}}`),
        formula: `${d("E", `g_${J}`)} \\cdot ${d(`g_${J}`, `v_{${I}${J}}`)} = ${d("E", `g_${J}`)} \\cdot x_${I}`,
        substituted: `${num(dEdg)} \\cdot ${num(x[i])}`,
        value: dEdg * x[i],
        kind: "gradient",
        parameter: name,
        closedForm: `(y - t)\\,y\\,(1 - y)\\,w_${J}\\,a_${J}\\,(1 - a_${J})\\,x_${I}`,
        highlight: {...none(), nodes: [[0, i], hidden], edges: [[0, j, i]]}
      });
    }
    steps.push({
      id: `dE/db${J}`,
      symbol: d("E", `b_${J}`),
      formula: `${d("E", `g_${J}`)} \\cdot 1`,
      substituted: `${num(dEdg)} \\cdot 1`,
      value: dEdg,
      kind: "gradient",
      parameter: `b${J}` as ParameterName,
      closedForm: `(y - t)\\,y\\,(1 - y)\\,w_${J}\\,a_${J}\\,(1 - a_${J})`,
      highlight: {...none(), nodes: [hidden], biases: [[0, j]]}
    });
  }
  return steps;
}

/** Every parameter's ∂E/∂p, read off the steps. */
export function gradientsOf(steps: BackpropStep[]): TinyParameters {
  const grads = {} as TinyParameters;
  for (const s of steps) if (s.parameter) grads[s.parameter] = s.value;
  return grads;
}

/** One gradient-descent update p ← p − η ∂E/∂p. */
export function update(p: TinyParameters, grads: TinyParameters, eta: number): TinyParameters {
  const next = {} as TinyParameters;
  for (const name of PARAMETER_NAMES) next[name] = p[name] - eta * grads[name];
  return next;
}

export interface FiniteDifferenceRow {
  parameter: ParameterName;
  analytic: number;
  numeric: number;
  /** |analytic − numeric|. */
  difference: number;
}

/** Compares each analytic gradient with the central difference (E(p + h) − E(p − h)) / 2h. */
export function finiteDifferences(p: TinyParameters, example: Example, grads: TinyParameters, h = 1e-5): FiniteDifferenceRow[] {
  return PARAMETER_NAMES.map((parameter) => {
    const plus = loss({...p, [parameter]: p[parameter] + h}, example);
    const minus = loss({...p, [parameter]: p[parameter] - h}, example);
    const numeric = (plus - minus) / (2 * h);
    return {parameter, analytic: grads[parameter], numeric, difference: Math.abs(grads[parameter] - numeric)};
  });
}

/** The parameters in the engine's layout (weights[0][j·2 + i] = v_ij, weights[1][j] = w_j). */
export function toEngineLayout(p: TinyParameters): {weights: Float64Array[]; biases: Float64Array[]} {
  return {
    weights: [Float64Array.of(p.v11, p.v21, p.v12, p.v22), Float64Array.of(p.w1, p.w2)],
    biases: [Float64Array.of(p.b1, p.b2), Float64Array.of(p.c)]
  };
}
