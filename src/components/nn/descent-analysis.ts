/**
 * What the gradient-descent lab computes: the path of w ← w − η·f′(w) on a
 * curve, how it behaves (converges, oscillates, diverges), how many updates it
 * needs as a function of η, and three optimisers racing on a 2-D surface.
 * All of it runs the shared optimisers; nothing here touches the DOM.
 */
import type {Curve, LearningRates, Surface} from "./loss-surfaces.js";
import {createOptimizer, descend, type DescentResult, type OptimizerKind} from "./optimizers.js";

export interface CurveStep {
  /** Update number: 0 is the start point. */
  step: number;
  x: number;
  y: number;
}

export interface CurveRun {
  points: CurveStep[];
  /** True when the iterate blew up; `points` then ends at the last finite value. */
  diverged: boolean;
}

/** `steps` updates of plain gradient descent on a curve from x0 with learning rate η. */
export function descendCurve(c: Curve, x0: number, eta: number, steps: number): CurveRun {
  const {path, diverged} = descend(
    ([x]) => c.f(x),
    ([x]) => [c.df(x)],
    [x0],
    createOptimizer("sgd", {learningRate: eta}),
    steps
  );
  return {points: path.map((p, step) => ({step, x: p.x[0], y: p.value})), diverged};
}

export type Behaviour = "diverged" | "oscillating" | "settled" | "descending";

/**
 * How a run behaves: diverged; oscillating (the updates keep flipping direction:
 * η overshoots the minimum); settled (the last update moved x by less than
 * `tolerance`); or still descending in one direction.
 */
export function behaviour(run: CurveRun, tolerance = 1e-6): Behaviour {
  if (run.diverged) return "diverged";
  const xs = run.points.map((p) => p.x);
  const moves = xs.slice(1).map((x, k) => x - xs[k]);
  let flips = 0;
  for (let k = 1; k < moves.length; ++k) if (moves[k] * moves[k - 1] < 0) flips++;
  if (moves.length >= 3 && flips >= (moves.length - 1) / 2) return "oscillating";
  if (moves.length > 0 && Math.abs(moves[moves.length - 1]) < tolerance) return "settled";
  return "descending";
}

export type ReachStatus = "reached" | "diverged" | "not-reached";

export interface Reach {
  eta: number;
  status: ReachStatus;
  /** Updates taken until x is within the tolerance of a minimum (when reached). */
  steps: number;
}

/**
 * Number of updates until x is within `tolerance` of one of the curve's minima
 * (|x| < 0.01 for y = x²), giving up after `maxSteps` or when x stops being a
 * finite number below `limit`.
 */
export function stepsToReach(c: Curve, x0: number, eta: number, {tolerance = 0.01, maxSteps = 10_000, limit = 1e6} = {}): Reach {
  const x = Float64Array.of(x0);
  const g = new Float64Array(1);
  const optimizer = createOptimizer("sgd", {learningRate: eta});
  for (let k = 0; k <= maxSteps; ++k) {
    if (!Number.isFinite(x[0]) || Math.abs(x[0]) > limit) return {eta, status: "diverged", steps: k};
    if (c.minima.some((m) => Math.abs(x[0] - m) < tolerance)) return {eta, status: "reached", steps: k};
    if (k === maxSteps) break;
    g[0] = c.df(x[0]);
    optimizer.step([x], [g]);
  }
  return {eta, status: "not-reached", steps: maxSteps};
}

/** n values spaced evenly on a log scale from lo to hi, both included. */
export function logSpace(lo: number, hi: number, n: number): number[] {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({length: n}, (_, k) => 10 ** (a + ((b - a) * k) / (n - 1)));
}

/**
 * The learning rates of the "steps versus η" chart: n log-spaced from lo to hi, plus, on a
 * parabola, η = 1/f″ — the one rate that lands on the minimum in a single update, which an
 * even log grid steps over (on y = x² its neighbours need two).
 */
export function rateGrid(c: Curve, lo = 0.001, hi = 2, n = 120): number[] {
  const grid = logSpace(lo, hi, n);
  const oneStep = c.curvature === undefined ? NaN : 1 / c.curvature;
  if (oneStep >= lo && oneStep <= hi && !grid.includes(oneStep)) grid.push(oneStep);
  return grid.sort((a, b) => a - b);
}

/** Steps to reach a minimum for each learning rate (the "steps versus η" chart). */
export function stepsVersusRate(c: Curve, x0: number, etas: number[], options: Parameters<typeof stepsToReach>[3] = {}): Reach[] {
  return etas.map((eta) => stepsToReach(c, x0, eta, options));
}

export const OPTIMIZER_KINDS: readonly OptimizerKind[] = ["sgd", "momentum", "adam"];

/** Plain gradient descent, momentum and Adam from the same start on a surface, each with its own η. */
export function race(surface: Surface, start: [number, number], steps: number, rates: LearningRates = surface.learningRates): Record<OptimizerKind, DescentResult> {
  const f = ([x, y]: number[]) => surface.f(x, y);
  const gradient = ([x, y]: number[]) => surface.gradient(x, y);
  const run = (kind: OptimizerKind) => descend(f, gradient, start, createOptimizer(kind, {learningRate: rates[kind]}), steps);
  return {sgd: run("sgd"), momentum: run("momentum"), adam: run("adam")};
}

/** Distance from a point to the surface's minimum. */
export function distanceToMinimum(surface: Surface, point: number[]): number {
  return Math.hypot(point[0] - surface.minimum[0], point[1] - surface.minimum[1]);
}
