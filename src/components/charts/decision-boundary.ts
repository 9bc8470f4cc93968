/**
 * A decision-boundary chart for any 2-D classifier: the plane shaded by the
 * model's output on a grid, the data points on top, optionally the line
 * w₁x₁ + w₂x₂ + b = 0 of a single unit. Drawing only — the model is a callback.
 */
import * as Plot from "npm:@observablehq/plot";

export type Domain = {x: [number, number]; y: [number, number]};

export interface BoundaryPoint {
  x1: number;
  x2: number;
  /** Class label: 0/1 for two classes, 0…k−1 for several. */
  label: number;
  /** Drawn hollow, for test data. */
  test?: boolean;
}

export interface BoundaryOptions {
  /** Model output at (x1, x2): probability of class 1 (two classes) or the class index (several). */
  predict: (x1: number, x2: number) => number;
  domain?: Domain;
  /** Grid cells per side. */
  resolution?: number;
  points?: BoundaryPoint[];
  /** Number of classes; 2 shades by probability, more colours by class. */
  classes?: number;
  /** Show only the predicted class (threshold 0.5) instead of graded confidence. */
  discretize?: boolean;
  /** Draw the line w1·x1 + w2·x2 + b = 0. */
  line?: {w1: number; w2: number; b: number};
  width?: number;
  height?: number;
  /** Text alternative describing what the chart shows. */
  ariaLabel?: string;
  xLabel?: string;
  yLabel?: string;
}

export const UNIT_SQUARE: Domain = {x: [-0.25, 1.25], y: [-0.25, 1.25]};
const CLASS_COLORS = ["#e66101", "#5e3c99", "#1b9e77", "#d95f02", "#7570b3"];

/** The model's output on a resolution×resolution grid, row 0 at the top (y = y-max). */
export function boundaryGrid(predict: (x1: number, x2: number) => number, domain: Domain, resolution: number): Float64Array {
  const values = new Float64Array(resolution * resolution);
  const [x0, x1] = domain.x;
  const [y0, y1] = domain.y;
  for (let row = 0; row < resolution; ++row) {
    const y = y1 - ((row + 0.5) / resolution) * (y1 - y0);
    for (let col = 0; col < resolution; ++col) {
      values[row * resolution + col] = predict(x0 + ((col + 0.5) / resolution) * (x1 - x0), y);
    }
  }
  return values;
}

/** End points of w1·x1 + w2·x2 + b = 0 clipped to the domain, or null if it misses it. */
export function boundaryLine(w1: number, w2: number, b: number, domain: Domain): [[number, number], [number, number]] | null {
  const [xa, xb] = domain.x;
  const [ya, yb] = domain.y;
  const hits: [number, number][] = [];
  const add = (x: number, y: number) => {
    const eps = 1e-9;
    if (x >= xa - eps && x <= xb + eps && y >= ya - eps && y <= yb + eps && !hits.some(([hx, hy]) => Math.abs(hx - x) < eps && Math.abs(hy - y) < eps)) hits.push([x, y]);
  };
  if (w2 !== 0) for (const x of [xa, xb]) add(x, -(w1 * x + b) / w2);
  if (w1 !== 0) for (const y of [ya, yb]) add(-(w2 * y + b) / w1, y);
  return hits.length >= 2 ? [hits[0], hits[1]] : null;
}

export function decisionBoundary(options: BoundaryOptions): SVGSVGElement | HTMLElement {
  const {
    predict,
    domain = UNIT_SQUARE,
    resolution = 100,
    points = [],
    classes = 2,
    discretize = false,
    line,
    width = 360,
    height = 360,
    xLabel = "x₁",
    yLabel = "x₂"
  } = options;
  let values = boundaryGrid(predict, domain, resolution);
  if (discretize && classes === 2) values = values.map((v) => (v > 0.5 ? 1 : 0));
  const binary = classes === 2;
  const marks: Plot.Markish[] = [
    Plot.raster(values, {
      width: resolution,
      height: resolution,
      x1: domain.x[0],
      x2: domain.x[1],
      y1: domain.y[1],
      y2: domain.y[0],
      fill: (v: number) => v,
      imageRendering: "pixelated"
    } as Plot.RasterOptions)
  ];
  if (line) {
    const ends = boundaryLine(line.w1, line.w2, line.b, domain);
    if (ends) marks.push(Plot.line(ends, {stroke: "currentColor", strokeWidth: 2, strokeDasharray: "6,3"}));
  }
  marks.push(
    Plot.dot(points, {
      x: "x1",
      y: "x2",
      r: 6,
      fill: (d: BoundaryPoint) => (d.test ? "white" : CLASS_COLORS[d.label % CLASS_COLORS.length]),
      stroke: (d: BoundaryPoint) => (d.test ? CLASS_COLORS[d.label % CLASS_COLORS.length] : "white"),
      strokeWidth: 1.5
    })
  );
  return Plot.plot({
    width,
    height,
    x: {domain: domain.x, label: xLabel},
    y: {domain: domain.y, label: yLabel},
    color: binary
      ? {type: "linear", domain: [0, 1], range: ["#fdb863", "#b2abd2"], label: "output"}
      : {type: "ordinal", domain: Array.from({length: classes}, (_, k) => k), range: CLASS_COLORS.map((c) => `${c}55`)},
    ariaLabel: options.ariaLabel ?? "Decision boundary: the plane shaded by the model's output, with the data points",
    marks
  });
}
