/**
 * Geometry of the hidden layer's view of XOR: where the four inputs land in
 * hidden space (s₁, s₂), whether one line separates the two classes there,
 * and how the input plane's grid lines bend under the hidden map.
 */
import type {Activation} from "./activations.js";
import {INPUTS} from "./gates.js";
import type {PerceptronWeights} from "./perceptron.js";
import {composeForward, type TwoLayerNetwork} from "./xor-composition.js";

export type Point = [number, number];

export interface HiddenPoint {
  x: Point;
  s: Point;
  label: 0 | 1;
}

/** The four XOR inputs and their images (s₁, s₂) in hidden space. */
export function hiddenPoints(net: TwoLayerNetwork, activation: Activation): HiddenPoint[] {
  return INPUTS.map(([x1, x2]) => ({x: [x1, x2], s: composeForward(net, x1, x2, activation).s, label: x1 !== x2 ? 1 : 0}));
}

function cross(o: Point, a: Point, b: Point): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: Point, a: Point, b: Point): boolean {
  return Math.min(a[0], b[0]) - 1e-12 <= p[0] && p[0] <= Math.max(a[0], b[0]) + 1e-12 && Math.min(a[1], b[1]) - 1e-12 <= p[1] && p[1] <= Math.max(a[1], b[1]) + 1e-12;
}

/** Whether the closed segments ab and cd share a point. */
export function segmentsIntersect(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (Math.abs(d1) < 1e-12 && onSegment(a, c, d)) ||
    (Math.abs(d2) < 1e-12 && onSegment(b, c, d)) ||
    (Math.abs(d3) < 1e-12 && onSegment(c, a, b)) ||
    (Math.abs(d4) < 1e-12 && onSegment(d, a, b))
  );
}

function closestOnSegment(p: Point, a: Point, b: Point): Point {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return [a[0] + t * dx, a[1] + t * dy];
}

/**
 * A line w₁s₁ + w₂s₂ + b = 0 with the two class-1 points on its positive side and
 * the two class-0 points on its negative side, or null when none exists.
 * Two classes of two points are separable exactly when the segment joining each
 * class's points misses the other's; the perpendicular bisector of the closest
 * pair of points of the two segments then separates them with the widest margin.
 */
export function separatingLine(ones: [Point, Point], zeros: [Point, Point]): PerceptronWeights | null {
  if (segmentsIntersect(ones[0], ones[1], zeros[0], zeros[1])) return null;
  const candidates: [Point, Point][] = [
    [ones[0], closestOnSegment(ones[0], zeros[0], zeros[1])],
    [ones[1], closestOnSegment(ones[1], zeros[0], zeros[1])],
    [closestOnSegment(zeros[0], ones[0], ones[1]), zeros[0]],
    [closestOnSegment(zeros[1], ones[0], ones[1]), zeros[1]]
  ];
  const distance = ([p, q]: [Point, Point]) => Math.hypot(p[0] - q[0], p[1] - q[1]);
  const [p, q] = candidates.reduce((best, c) => (distance(c) < distance(best) ? c : best));
  const w1 = p[0] - q[0];
  const w2 = p[1] - q[1];
  const b = -(w1 * (p[0] + q[0]) + w2 * (p[1] + q[1])) / 2;
  return {w1, w2, b};
}

/** The separating line of the XOR points in hidden space, or null. */
export function hiddenSeparatingLine(points: HiddenPoint[]): PerceptronWeights | null {
  const ones = points.filter((p) => p.label === 1).map((p) => p.s) as [Point, Point];
  const zeros = points.filter((p) => p.label === 0).map((p) => p.s) as [Point, Point];
  return separatingLine(ones, zeros);
}

/** Whether a unit w₁s₁ + w₂s₂ + b > 0 gives every point its label. */
export function separates(line: PerceptronWeights, points: {s: Point; label: 0 | 1}[]): boolean {
  return points.every(({s, label}) => (line.w1 * s[0] + line.w2 * s[1] + line.b > 0 ? 1 : 0) === label);
}

export interface GridLine {
  /** "x1" for a line x₁ = value, "x2" for x₂ = value. */
  along: "x1" | "x2";
  value: number;
  /** The line's image in hidden space. */
  points: Point[];
}

/** Images in hidden space of the grid lines x₁ = c and x₂ = c of the input square. */
export function bentGrid(net: TwoLayerNetwork, activation: Activation, values: number[], samples = 40, range: [number, number] = [-0.25, 1.25]): GridLine[] {
  const lines: GridLine[] = [];
  const at = (k: number) => range[0] + ((range[1] - range[0]) * k) / (samples - 1);
  for (const value of values) {
    const vertical: Point[] = [];
    const horizontal: Point[] = [];
    for (let k = 0; k < samples; ++k) {
      vertical.push(composeForward(net, value, at(k), activation).s);
      horizontal.push(composeForward(net, at(k), value, activation).s);
    }
    lines.push({along: "x1", value, points: vertical}, {along: "x2", value, points: horizontal});
  }
  return lines;
}
