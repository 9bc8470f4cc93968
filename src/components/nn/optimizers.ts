/**
 * Gradient-descent optimisers as small stateful steppers over lists of
 * parameter arrays, shared by the 1-D/2-D gradient-descent lab and the MLP
 * trainers. Each `step` updates the parameters in place from their gradients.
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
  options: OptimizerOptions;
  step(params: Float64Array[], grads: Float64Array[]): void;
  /** Number of steps taken (Adam's bias correction uses it). */
  readonly t: number;
}

/** The coefficients used when options leave them out (exported so generated PyTorch code states the same ones). */
export const OPTIMIZER_DEFAULTS = {momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-8} as const;

export function createOptimizer(kind: OptimizerKind, options: OptimizerOptions): Optimizer {
  const {
    learningRate: eta,
    momentum: mu = OPTIMIZER_DEFAULTS.momentum,
    beta1 = OPTIMIZER_DEFAULTS.beta1,
    beta2 = OPTIMIZER_DEFAULTS.beta2,
    epsilon = OPTIMIZER_DEFAULTS.epsilon
  } = options;
  let t = 0;
  let m: Float64Array[] | null = null;
  let v: Float64Array[] | null = null;
  const state = (params: Float64Array[]) => params.map((p) => new Float64Array(p.length));
  return {
    kind,
    options,
    get t() {
      return t;
    },
    step(params, grads) {
      ++t;
      if (kind === "sgd") {
        params.forEach((p, k) => {
          const g = grads[k];
          for (let i = 0; i < p.length; ++i) p[i] -= eta * g[i];
        });
      } else if (kind === "momentum") {
        m ??= state(params);
        params.forEach((p, k) => {
          const g = grads[k];
          const vel = m![k];
          for (let i = 0; i < p.length; ++i) {
            vel[i] = mu * vel[i] + g[i];
            p[i] -= eta * vel[i];
          }
        });
      } else {
        m ??= state(params);
        v ??= state(params);
        const c1 = 1 - beta1 ** t;
        const c2 = 1 - beta2 ** t;
        params.forEach((p, k) => {
          const g = grads[k];
          const mk = m![k];
          const vk = v![k];
          for (let i = 0; i < p.length; ++i) {
            mk[i] = beta1 * mk[i] + (1 - beta1) * g[i];
            vk[i] = beta2 * vk[i] + (1 - beta2) * g[i] * g[i];
            p[i] -= (eta * (mk[i] / c1)) / (Math.sqrt(vk[i] / c2) + epsilon);
          }
        });
      }
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
    optimizer.step([x], [Float64Array.from(gradient(Array.from(x)))]);
    const point = Array.from(x);
    const value = f(point);
    if (!point.every((c) => Number.isFinite(c) && Math.abs(c) <= limit) || !Number.isFinite(value)) return {path, diverged: true};
    path.push({x: point, value});
  }
  return {path, diverged: false};
}
