/**
 * The activations page's catalogue: the lecture's seven activations built from
 * their parameters (sigmoid's β, Leaky ReLU's α, ELU's α, Maxout's two lines),
 * each with its kinks and curve samples that break at the kinks
 * so a chart never draws a vertical jump as if it were part of the function.
 */
import {eluWithAlpha, leakyReluWithSlope, maxout, relu, sigmoidWithSlope, step, tanh} from "./activations.js";

export type CatalogueId = "step" | "sigmoid" | "tanh" | "relu" | "leaky-relu" | "elu" | "maxout";

/** Order of the catalogue (and of the indices in the page's `acts` link parameter). */
export const CATALOGUE_IDS: readonly CatalogueId[] = ["step", "sigmoid", "tanh", "relu", "leaky-relu", "elu", "maxout"];

export interface Line {
  w: number;
  b: number;
}

export interface CatalogueParams {
  /** Sigmoid's slope β. */
  beta: number;
  /** Leaky ReLU's slope α for s < 0. */
  alpha: number;
  /** ELU's α. */
  eluAlpha: number;
  /** Maxout's two lines w·s + b. */
  maxout: [Line, Line];
}

export const DEFAULT_PARAMS: CatalogueParams = {beta: 1, alpha: 0.1, eluAlpha: 1, maxout: [{w: 1, b: 0}, {w: -0.5, b: -1}]};

export interface CatalogueEntry {
  id: CatalogueId;
  name: string;
  f(s: number): number;
  /** The derivative where it exists (at a kink, the value the engine uses). */
  derivative(s: number): number;
  tex: string;
  derivativeTex: string;
  /** Inputs where the function or its derivative jumps: the derivative is undefined there. */
  kinks: number[];
}

/** The engine's activation as a catalogue function: f itself (not a wrapper, so timings measure it), f′ from s alone. */
function fromActivation(a: {f(s: number): number; derivative(s: number, y: number): number}) {
  return {f: a.f, derivative: (s: number) => a.derivative(s, a.f(s))};
}

const fmt = (x: number) => String(Number(x.toPrecision(4)));

/** w·s + b as TeX, without "1s", "+ 0" or "+ −1". */
function texLine({w, b}: Line): string {
  const slope = w === 0 ? "" : w === 1 ? "s" : w === -1 ? "-s" : String.raw`${fmt(w)}\,s`;
  if (b === 0) return slope || "0";
  if (!slope) return fmt(b);
  return b < 0 ? `${slope} - ${fmt(-b)}` : `${slope} + ${fmt(b)}`;
}

export function catalogueEntry(id: CatalogueId, params: CatalogueParams = DEFAULT_PARAMS): CatalogueEntry {
  switch (id) {
    case "step":
      return {
        ...fromActivation(step),
        id,
        name: "Step",
        tex: step.tex,
        derivativeTex: step.derivativeTex,
        kinks: [0]
      };
    case "sigmoid": {
      const a = sigmoidWithSlope(params.beta);
      return {
        ...fromActivation(a),
        id,
        name: a.name,
        tex: String.raw`\tau(s) = \frac{1}{1 + e^{-\beta s}},\ \beta = ${fmt(params.beta)}`,
        derivativeTex: String.raw`\tau'(s) = \beta\,\tau(s)\,(1 - \tau(s)) \le \beta/4 = ${fmt(params.beta / 4)}`,
        kinks: []
      };
    }
    case "tanh":
      return {
        ...fromActivation(tanh),
        id,
        name: "tanh",
        tex: tanh.tex,
        derivativeTex: String.raw`\tau'(s) = 1 - \tanh^2(s) \le 1`,
        kinks: []
      };
    case "relu":
      return {
        ...fromActivation(relu),
        id,
        name: "ReLU",
        tex: relu.tex,
        derivativeTex: relu.derivativeTex,
        kinks: [0]
      };
    case "leaky-relu": {
      const a = leakyReluWithSlope(params.alpha);
      return {
        ...fromActivation(a),
        id,
        name: a.name,
        tex: String.raw`\tau(s) = \max(\alpha s,\ s),\ \alpha = ${fmt(params.alpha)}`,
        derivativeTex: String.raw`\tau'(s) = \begin{cases} 1 & s > 0 \\ \alpha & s < 0 \end{cases}`,
        kinks: [0]
      };
    }
    case "elu": {
      const a = eluWithAlpha(params.eluAlpha);
      return {
        ...fromActivation(a),
        id,
        name: "ELU",
        tex: String.raw`\tau(s) = \begin{cases} s & s \ge 0 \\ \alpha\,(e^{s} - 1) & s < 0 \end{cases},\ \alpha = ${fmt(params.eluAlpha)}`,
        derivativeTex: String.raw`\tau'(s) = \begin{cases} 1 & s \ge 0 \\ \tau(s) + \alpha & s < 0 \end{cases}`,
        // With α = 1 the slope is continuous at 0; otherwise it jumps from α to 1.
        kinks: params.eluAlpha === 1 ? [] : [0]
      };
    }
    case "maxout": {
      const [l1, l2] = params.maxout;
      const m = maxout(l1.w, l1.b, l2.w, l2.b);
      // The lines cross where w₁s + b₁ = w₂s + b₂; parallel lines never switch.
      const crossing = l1.w === l2.w ? [] : [(l2.b - l1.b) / (l1.w - l2.w)];
      return {
        id,
        name: "Maxout",
        f: m.f,
        derivative: m.derivative,
        tex: String.raw`\tau(s) = \max(${texLine(l1)},\ ${texLine(l2)})`,
        // The slope of whichever line is larger at s, in symbols: no words, so it reads the same in every language.
        derivativeTex: String.raw`\tau'(s) = w_k,\quad k = \arg\max_{j \in \{1, 2\}} \,(w_j s + b_j)`,
        kinks: crossing
      };
    }
  }
}

export interface CurvePoint {
  s: number;
  f: number;
  derivative: number;
  /** Index of the piece between kinks: draw one line per segment. */
  segment: number;
}

/**
 * Samples of f and f′ over [lo, hi], split into segments at the kinks; each
 * segment stops a hair short of a kink so the derivative there is never sampled.
 */
export function curveSamples(entry: CatalogueEntry, [lo, hi]: [number, number], n = 200): CurvePoint[] {
  const eps = (hi - lo) * 1e-6;
  const cuts = entry.kinks.filter((k) => k > lo && k < hi).sort((a, b) => a - b);
  const bounds = [lo, ...cuts, hi];
  const points: CurvePoint[] = [];
  for (let seg = 0; seg + 1 < bounds.length; ++seg) {
    const a = bounds[seg] + (seg > 0 ? eps : 0);
    const b = bounds[seg + 1] - (seg + 2 < bounds.length ? eps : 0);
    const count = Math.max(2, Math.round((n * (b - a)) / (hi - lo)));
    for (let k = 0; k < count; ++k) {
      const s = a + ((b - a) * k) / (count - 1);
      points.push({s, f: entry.f(s), derivative: entry.derivative(s), segment: seg});
    }
  }
  return points;
}
