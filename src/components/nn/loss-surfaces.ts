/**
 * The functions the gradient-descent lab walks down: curves y = f(x) with their
 * derivatives, and 2-D loss surfaces with their gradients. Pure numbers, no DOM.
 */

export type CurveId = "square" | "double-well" | "abs" | "scaled";

export interface Curve {
  id: CurveId;
  name: string;
  /** KaTeX source of the function. */
  tex: string;
  f(x: number): number;
  df(x: number): number;
  /** x-range drawn by default. */
  domain: [number, number];
  /** Where f has its minima (for "steps until x is within 0.01 of a minimum"). */
  minima: number[];
  /** f″ where it is the same everywhere (a parabola): the learning rate 1/f″ lands on the minimum in one update. */
  curvature?: number;
}

export const CURVE_IDS: readonly CurveId[] = ["square", "double-well", "abs", "scaled"];

/** The curve with the given id; `a` is the coefficient of the user's quadratic a·x². */
export function curve(id: CurveId, a = 1): Curve {
  switch (id) {
    case "square":
      return {id, name: "y = x²", tex: "y = x^2", f: (x) => x * x, df: (x) => 2 * x, domain: [-4, 4], minima: [0], curvature: 2};
    case "double-well":
      // Two minima: a global one near x ≈ −1.30 and a shallower local one near x ≈ 1.13.
      return {
        id,
        name: "y = x⁴ − 3x² + x",
        tex: "y = x^4 - 3x^2 + x",
        f: (x) => x ** 4 - 3 * x * x + x,
        df: (x) => 4 * x ** 3 - 6 * x + 1,
        domain: [-2.5, 2.5],
        // Roots of 4x³ − 6x + 1 with a positive second derivative, by Newton's method.
        minima: [-1.3008395659415772, 1.1309011226299859]
      };
    case "abs":
      // The kink at 0 has no derivative; we use 0 there (a subgradient), and the slope ±1 elsewhere never shrinks.
      return {id, name: "y = |x|", tex: "y = |x|", f: Math.abs, df: (x) => Math.sign(x), domain: [-4, 4], minima: [0]};
    case "scaled":
      return {id, name: `y = ${a}·x²`, tex: `y = ${a}\\,x^2`, f: (x) => a * x * x, df: (x) => 2 * a * x, domain: [-4, 4], minima: [0], curvature: 2 * a};
  }
}

export type SurfaceId = "bowl" | "rosenbrock";

/** Learning rates per optimiser: plain gradient descent, momentum, Adam. */
export interface LearningRates {
  sgd: number;
  momentum: number;
  adam: number;
}

export interface Surface {
  id: SurfaceId;
  name: string;
  tex: string;
  f(x: number, y: number): number;
  gradient(x: number, y: number): [number, number];
  domain: {x: [number, number]; y: [number, number]};
  minimum: [number, number];
  start: [number, number];
  /** Defaults chosen so the three optimisers visibly differ on this surface. */
  learningRates: LearningRates;
  steps: number;
}

export const SURFACE_IDS: readonly SurfaceId[] = ["bowl", "rosenbrock"];

export const SURFACES: Record<SurfaceId, Surface> = {
  bowl: {
    id: "bowl",
    name: "Elongated bowl",
    tex: String.raw`E(w_1, w_2) = 0.1\,w_1^2 + 5\,w_2^2`,
    f: (x, y) => 0.1 * x * x + 5 * y * y,
    gradient: (x, y) => [0.2 * x, 10 * y],
    domain: {x: [-4, 4], y: [-2, 2]},
    minimum: [0, 0],
    start: [-3.5, 1.5],
    // Plain descent must keep η below 2/10 for the steep y direction; at 0.18 it zig-zags
    // across the valley while creeping along the shallow x direction (factor 0.964 per step).
    learningRates: {sgd: 0.18, momentum: 0.05, adam: 0.3},
    steps: 100
  },
  rosenbrock: {
    id: "rosenbrock",
    name: "Rosenbrock's banana valley",
    tex: String.raw`E(w_1, w_2) = (1 - w_1)^2 + 100\,(w_2 - w_1^2)^2`,
    f: (x, y) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    gradient: (x, y) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
    domain: {x: [-2, 2], y: [-1, 3]},
    minimum: [1, 1],
    start: [-1.5, 2],
    // Plain descent needs a tiny η to survive the steep walls, then crawls along the flat valley floor.
    learningRates: {sgd: 0.001, momentum: 0.001, adam: 0.1},
    steps: 1000
  }
};
