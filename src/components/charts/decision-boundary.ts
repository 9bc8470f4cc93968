/**
 * A decision-boundary chart for any 2-D classifier: the plane shaded by the
 * model's output on a grid, the data points on top, optionally the line
 * w₁x₁ + w₂x₂ + b = 0 of a single unit. Drawing only — the model is a callback.
 * The shading is a canvas (one pixel per grid cell) so it can be redrawn every frame.
 */
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "./chart-role.js";
import {hexRgb, PALETTE, type Rgb} from "./palette.js";

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
  /** Text alternative describing what the chart shows (worded by the caller, in its language). */
  ariaLabel: string;
  xLabel?: string;
  yLabel?: string;
}

export const UNIT_SQUARE: Domain = {x: [-0.25, 1.25], y: [-0.25, 1.25]};
const CLASS_COLORS = PALETTE.classes;

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

/** A colour mixed with white: `strength` 1 is the colour itself, 0 is white. */
export function tint(hex: string, strength: number): Rgb {
  return hexRgb(hex).map((v) => Math.round(255 + (v - 255) * strength)) as Rgb;
}

/** Shading of two classes, from class 0 to class 1, light enough for the points to stay visible. */
export const BINARY_SHADES: readonly [Rgb, Rgb] = [tint(PALETTE.classes[0], 0.3), tint(PALETTE.classes[1], 0.3)];
/** The same two shades as CSS colours, for Plot's colour scales. */
export const BINARY_SHADES_CSS = BINARY_SHADES.map((c) => `rgb(${c.join(", ")})`) as [string, string];
/** Class colours at one-third strength over white, so the points stay visible. */
const CLASS_TINTS: Rgb[] = CLASS_COLORS.map((c) => tint(c, 1 / 3));
const UNDEFINED: Rgb = tint(PALETTE.undefined, 0.6);

/**
 * Colours grid values into RGBA pixels: two classes from class 0's shade to class 1's
 * by the output, clamped; several classes by the class index. Anything not finite is grey.
 */
export function shadeGrid(values: ArrayLike<number>, classes: number, pixels: Uint8ClampedArray): void {
  for (let i = 0; i < values.length; ++i) {
    const v = values[i];
    let rgb: Rgb;
    if (!Number.isFinite(v)) rgb = UNDEFINED;
    else if (classes === 2) {
      const t = Math.max(0, Math.min(1, v));
      const [a, b] = BINARY_SHADES;
      rgb = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
    } else rgb = CLASS_TINTS[Math.max(0, Math.round(v)) % CLASS_TINTS.length];
    pixels[4 * i] = rgb[0];
    pixels[4 * i + 1] = rgb[1];
    pixels[4 * i + 2] = rgb[2];
    pixels[4 * i + 3] = 255;
  }
}

type PlotSvg = ReturnType<typeof Plot.plot>;

export interface ShadedFrame {
  /** The chart: a canvas for the shading under a Plot SVG for everything else. */
  element: HTMLElement;
  /** Shows a new Plot SVG (axes, points, lines) over the shading; the canvas covers its plotted domain. */
  setFrame(svg: PlotSvg, width: number, height: number): void;
  /** Paints grid values (boundaryGrid's layout) as the shading, one canvas pixel per cell (see shadeGrid). */
  shade(values: ArrayLike<number>, resolution: number, classes: number): void;
}

/**
 * A shaded plane that can be repainted every frame: the shading is a small canvas
 * scaled up under the chart's SVG, so a new shading costs one putImageData and the
 * SVG is rebuilt only when what it shows changes.
 */
export function shadedFrame(): ShadedFrame {
  const element = document.createElement("div");
  element.className = "decision-boundary";
  const canvas = document.createElement("canvas");
  canvas.setAttribute("aria-hidden", "true");
  canvas.style.cssText = "position: absolute; image-rendering: pixelated;";
  element.append(canvas);
  let svg: PlotSvg | null = null;
  let image: ImageData | null = null;
  return {
    element,
    setFrame(next, width, height) {
      svg?.remove();
      svg = next;
      Object.assign(svg.style, {position: "relative", background: "transparent"});
      element.style.cssText = `position: relative; width: ${width}px; max-width: 100%; aspect-ratio: ${width} / ${height};`;
      // Place the canvas exactly over the plotted domain, in percentages so it follows any scaling of the SVG.
      const [left, right] = svg.scale("x")!.range as [number, number];
      const [bottom, top] = svg.scale("y")!.range as [number, number];
      Object.assign(canvas.style, {
        left: `${(100 * left) / width}%`,
        width: `${(100 * (right - left)) / width}%`,
        top: `${(100 * top) / height}%`,
        height: `${(100 * (bottom - top)) / height}%`
      });
      element.append(asImage(svg));
    },
    shade(values, resolution, classes) {
      if (canvas.width !== resolution || canvas.height !== resolution || !image) {
        canvas.width = canvas.height = resolution;
        image = new ImageData(resolution, resolution);
      }
      shadeGrid(values, classes, image.data);
      canvas.getContext("2d")!.putImageData(image, 0, 0);
    }
  };
}

export interface LiveBoundary {
  element: HTMLElement;
  /** Redraws with changed options; only the shading and the line unless points, domain or size change. */
  update(changes: Partial<BoundaryOptions>): void;
}

/**
 * The chart as a shaded frame: the shading on a canvas under a Plot SVG for the
 * axes, the line and the points. `update` repaints the canvas and moves the line
 * in place, so a slider can drive it every frame.
 */
export function liveDecisionBoundary(initial: BoundaryOptions): LiveBoundary {
  let options = initial;
  const frame = shadedFrame();
  let svg: PlotSvg;
  let line: SVGLineElement | null = null;
  let frameKey = "";

  function drawFrame(): void {
    const {domain = UNIT_SQUARE, points = [], width = 360, height = 360, xLabel = "x₁", yLabel = "x₂"} = options;
    svg = Plot.plot({
      width,
      height,
      x: {domain: domain.x, label: xLabel},
      y: {domain: domain.y, label: yLabel},
      marks: [
        Plot.dot(points, {
          x: "x1",
          y: "x2",
          r: 6,
          fill: (d: BoundaryPoint) => (d.test ? "white" : CLASS_COLORS[d.label % CLASS_COLORS.length]),
          stroke: (d: BoundaryPoint) => (d.test ? CLASS_COLORS[d.label % CLASS_COLORS.length] : "white"),
          strokeWidth: 1.5,
          // The chart's aria-label describes it; an unnamed group of dots adds nothing (and a labelled <g> without a role fails axe).
          ariaHidden: "true"
        })
      ]
    });
    line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    line.setAttribute("class", "boundary-line");
    line.setAttribute("stroke", "currentColor");
    line.setAttribute("stroke-width", "2");
    line.setAttribute("stroke-dasharray", "6,3");
    // Under the points.
    const dots = svg.querySelector('[aria-label="dot"]');
    dots ? dots.before(line) : svg.append(line);
    frame.setFrame(svg, width, height);
  }

  function draw(): void {
    const {predict, domain = UNIT_SQUARE, resolution = 100, points = [], classes = 2, discretize = false, width = 360, height = 360} = options;
    const key = JSON.stringify([domain, points, width, height, options.xLabel, options.yLabel]);
    if (key !== frameKey) {
      frameKey = key;
      drawFrame();
    }
    let values = boundaryGrid(predict, domain, resolution);
    if (discretize && classes === 2) values = values.map((v) => (v > 0.5 ? 1 : 0));
    frame.shade(values, resolution, classes);
    const ends = options.line ? boundaryLine(options.line.w1, options.line.w2, options.line.b, domain) : null;
    if (ends) {
      const x = svg.scale("x")!;
      const y = svg.scale("y")!;
      line!.setAttribute("x1", String(x.apply(ends[0][0])));
      line!.setAttribute("y1", String(y.apply(ends[0][1])));
      line!.setAttribute("x2", String(x.apply(ends[1][0])));
      line!.setAttribute("y2", String(y.apply(ends[1][1])));
    }
    line!.style.display = ends ? "" : "none";
    svg.setAttribute("aria-label", options.ariaLabel);
    svg.setAttribute("role", "img");
  }

  draw();
  return {
    element: frame.element,
    update(changes) {
      options = {...options, ...changes};
      draw();
    }
  };
}

/** A one-off decision-boundary chart (see liveDecisionBoundary to redraw in place). */
export function decisionBoundary(options: BoundaryOptions): SVGSVGElement | HTMLElement {
  return liveDecisionBoundary(options).element;
}
