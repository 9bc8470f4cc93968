/**
 * Gradient-descent optimisers as small stateful steppers over lists of
 * parameter arrays, shared by the 1-D/2-D gradient-descent lab and the MLP
 * trainer. Each `step` updates the parameters in place from their gradients,
 * or refuses an update that would write NaN or ±∞ anywhere.
 *
 *   SGD:       w ← w − η g
 *   Momentum:  v ← μ v + g,            w ← w − η v
 *   Adam:      m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  w ← w − η m̂ / (√v̂ + ε)
 */

export type OptimizerKind = "sgd" | "momentum" | "adam";

export interface OptimizerOptions {
  learningRate: number;
  /** Momentum coefficient μ (momentum only). */
  momentum?: number;
  beta1?: number;
  beta2?: number;
  epsilon?: number;
}

export interface Optimizer {
  kind: OptimizerKind;
  /** The current settings; change them with `configure`. */
  readonly options: Readonly<OptimizerOptions>;
  /**
   * Updates the parameters in place from their gradients. An update that would
   * make a parameter or the optimiser's state non-finite is refused whole:
   * nothing is written and it returns false.
   */
  step(params: Float64Array[], grads: Float64Array[]): boolean;
  /** Changes settings (e.g. the learning rate) mid-run, keeping the optimiser's state (momentum, Adam's moments). */
  configure(options: Partial<OptimizerOptions>): void;
  /** Forgets the state: the next step is like the first. */
  reset(): void;
  /** Number of steps taken (Adam's bias correction uses it). */
  readonly t: number;
  /** Momentum's velocity, or Adam's first moment m (null before the first step and for SGD). */
  readonly m: readonly Float64Array[] | null;
  /** Adam's second moment v (null otherwise). */
  readonly v: readonly Float64Array[] | null;
}

/** The coefficients used when options leave them out (exported so generated PyTorch code states the same ones). */
export const OPTIMIZER_DEFAULTS = {momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8} as const;

export function createOptimizer(kind: OptimizerKind, options: OptimizerOptions): Optimizer {
  let settings: OptimizerOptions = {...options};
  let t = 0;
  let m: Float64Array[] | null = null;
  let v: Float64Array[] | null = null;
  const state = (params: Float64Array[]) => params.map((p) => new Float64Array(p.length));

  /**
   * One pass over every parameter: with `commit` false it only checks that the
   * new values would be finite, with `commit` true it writes them. Two passes
   * instead of a copy keep a step free of allocations.
   */
  function update(params: Float64Array[], grads: Float64Array[], commit: boolean): boolean {
    const {
      learningRate: eta,
      momentum: mu = OPTIMIZER_DEFAULTS.momentum,
      beta1 = OPTIMIZER_DEFAULTS.beta1,
      beta2 = OPTIMIZER_DEFAULTS.beta2,
      epsilon = OPTIMIZER_DEFAULTS.epsilon
    } = settings;
    const c1 = 1 - beta1 ** (t + 1);
    const c2 = 1 - beta2 ** (t + 1);
    for (let k = 0; k < params.length; ++k) {
      const p = params[k];
      const g = grads[k];
      const mk = m?.[k];
      const vk = v?.[k];
      for (let i = 0; i < p.length; ++i) {
        let w: number;
        let first = 0;
        let second = 0;
        if (kind === "sgd") w = p[i] - eta * g[i];
        else if (kind === "momentum") {
          first = mu * mk![i] + g[i];
          w = p[i] - eta * first;
        } else {
          first = beta1 * mk![i] + (1 - beta1) * g[i];
          second = beta2 * vk![i] + (1 - beta2) * g[i] * g[i];
          w = p[i] - (eta * (first / c1)) / (Math.sqrt(second / c2) + epsilon);
        }
        if (!commit) {
          if (!Number.isFinite(w) || !Number.isFinite(first) || !Number.isFinite(second)) return false;
          continue;
        }
        p[i] = w;
        if (mk) mk[i] = first;
        if (vk) vk[i] = second;
      }
    }
    return true;
  }

  return {
    kind,
    get options() {
      return settings;
    },
    get t() {
      return t;
    },
    get m() {
      return m;
    },
    get v() {
      return v;
    },
    step(params, grads) {
      if (kind !== "sgd") m ??= state(params);
      if (kind === "adam") v ??= state(params);
      if (!update(params, grads, false)) return false;
      update(params, grads, true);
      ++t;
      return true;
    },
    configure(patch) {
      settings = {...settings, ...patch};
    },
    reset() {
      t = 0;
      m = v = null;
    }
  };
}

/** One point of an optimisation path. */
export interface PathPoint {
  x: number[];
  value: number;
}

export interface DescentResult {
  path: PathPoint[];
  /** True when the iterate or the value stopped being a finite number or exceeded `limit`. */
  diverged: boolean;
}

/**
 * Runs an optimiser on f from x0 for `steps` updates, given f and its gradient.
 * Stops early and reports divergence instead of returning NaN or Infinity.
 */
export function descend(
  f: (x: number[]) => number,
  gradient: (x: number[]) => number[],
  x0: number[],
  optimizer: Optimizer,
  steps: number,
  limit = 1e6
): DescentResult {
  const x = Float64Array.from(x0);
  const path: PathPoint[] = [{x: Array.from(x), value: f(Array.from(x))}];
  for (let k = 0; k < steps; ++k) {
    if (!optimizer.step([x], [Float64Array.from(gradient(Array.from(x)))])) return {path, diverged: true};
    const point = Array.from(x);
    const value = f(point);
    if (!point.every((c) => Number.isFinite(c) && Math.abs(c) <= limit) || !Number.isFinite(value)) return {path, diverged: true};
    path.push({x: point, value});
  }
  return {path, diverged: false};
}
