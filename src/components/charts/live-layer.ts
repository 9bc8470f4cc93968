/**
 * Marks drawn over a Plot chart through the chart's own scales and moved by
 * changing a few attributes. Plot builds the frame (axes, grid, legend,
 * everything that stays); what a slider moves lives here, so a drag's frame
 * sets `d` and `cx` instead of building, styling and laying out a new SVG.
 */
import {setText} from "../course/dom.js";

const SVG = "http://www.w3.org/2000/svg";

interface Scale {
  apply?(value: number): number;
  invert?(value: number): number;
  range?: number[];
}

/** What Plot.plot returns: an svg, or a figure holding the legend and the svg; both have `scale`. */
export type PlotChart = (SVGSVGElement | HTMLElement) & {scale(name: string): Scale | undefined};

type Style = Record<string, string | number>;

export interface LiveLine {
  readonly node: SVGPathElement;
  /** The line through `points` in data coordinates; a non-finite coordinate breaks it, as in Plot's line. */
  set(points: readonly (readonly [number, number])[]): void;
}

export interface LiveDot {
  readonly node: SVGCircleElement;
  /** Moves the dot to (x, y) in data coordinates; hides it where either is not finite. */
  set(x: number, y: number): void;
}

export interface LiveRect {
  readonly node: SVGRectElement;
  /** The rectangle between corners (x1, y1) and (x2, y2) in data coordinates; hidden where one is not finite. */
  set(x1: number, y1: number, x2: number, y2: number): void;
}

export interface LiveText {
  readonly node: SVGTextElement;
  /** Writes `text` at (x, y) in data coordinates; hidden where either is not finite. */
  set(x: number, y: number, text: string): void;
}

export interface LiveLayer {
  readonly chart: PlotChart;
  /** The chart's svg (inside the figure when Plot added a legend). */
  readonly svg: SVGSVGElement;
  /** Data to pixels, by the chart's x and y scales. */
  x(value: number): number;
  y(value: number): number;
  /** Pixels (relative to the svg's own coordinates) to data. */
  invert(px: number, py: number): [number, number];
  /** Names the chart, one labelled image, for what it shows now (the layer itself is hidden from assistive technology). */
  label(text: string): void;
  line(style?: Style): LiveLine;
  dot(style?: Style): LiveDot;
  rect(style?: Style): LiveRect;
  /** A label, not clipped to the plotting area (tick labels sit in the margin). */
  text(style?: Style): LiveText;
  /** The text of each swatch in the chart's colour legend, in its domain's order: a draw renames one (a name that carries a parameter) without a new frame. */
  legend(): Text[];
  /** An arrow from each point to the next, all in one path (heads as Plot.arrow draws them: 60°, at most a third of the arrow). */
  arrows(style?: Style, headLength?: number): LiveLine;
  /** A dot of radius `r` at each point, all in one path of one style (many dots, one attribute per draw). */
  dots(r: number, style?: Style): LiveLine;
}

function create<K extends keyof SVGElementTagNameMap>(tag: K, style: Style): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, value] of Object.entries(style)) node.setAttribute(k, String(value));
  return node;
}

const px = (v: number) => (Math.round(v * 10) / 10).toString();

export interface LiveLayerOptions {
  /** Clip the marks to the plotting area (the default); a chart whose domain holds all its data may show a dot or line on the domain's edge whole. */
  clip?: boolean;
}

/** A layer over the chart's plotting area, clipped to it (a diverging path or a steep curve leaves it), hidden from assistive technology (the chart's label says what it shows). */
export function liveLayer(chart: PlotChart, options: LiveLayerOptions = {}): LiveLayer {
  const svg = (chart instanceof SVGSVGElement ? chart : chart.querySelector(":scope > svg")) as SVGSVGElement;
  const xs = chart.scale("x")!;
  const ys = chart.scale("y")!;
  const x = (v: number) => xs.apply!(v);
  const y = (v: number) => ys.apply!(v);
  const [left, right] = xs.range!;
  const [bottom, top] = ys.range!;
  const layer = create("g", {class: "live-layer", "aria-hidden": "true"});
  const labels = create("g", {class: "live-labels", "aria-hidden": "true"});
  if (options.clip ?? true) {
    const id = `live-clip-${Math.random().toString(36).slice(2)}`;
    const clip = create("clipPath", {});
    clip.id = id;
    clip.append(create("rect", {x: Math.min(left, right), y: Math.min(top, bottom), width: Math.abs(right - left), height: Math.abs(bottom - top)}));
    layer.setAttribute("clip-path", `url(#${id})`);
    svg.append(clip);
  }
  svg.append(layer, labels);
  /** Shows `node` where the pixel coordinates are finite, and then sets them. */
  const place = (node: SVGElement, at: Record<string, number>) => {
    const shown = Object.values(at).every(Number.isFinite);
    node.style.display = shown ? "" : "none";
    if (shown) for (const [k, v] of Object.entries(at)) node.setAttribute(k, px(v));
  };
  /** The points' pixel positions, null where a coordinate is not finite. */
  const pixels = (points: readonly (readonly [number, number])[]) =>
    points.map(([a, b]): [number, number] | null => {
      const q: [number, number] = [x(a), y(b)];
      return q.every(Number.isFinite) ? q : null;
    });
  /** One path in the layer whose `d` is drawn from the points' pixel positions. */
  const path = (style: Style, d: (p: ([number, number] | null)[]) => string): LiveLine => {
    const node = layer.appendChild(create("path", style));
    return {node, set: (points) => node.setAttribute("d", d(pixels(points)))};
  };
  return {
    chart,
    svg,
    x,
    y,
    invert: (u, v) => [xs.invert!(u), ys.invert!(v)],
    label(text) {
      svg.setAttribute("role", "img");
      if (svg.getAttribute("aria-label") !== text) svg.setAttribute("aria-label", text);
    },
    line(style = {}) {
      return path({fill: "none", "stroke-width": 2, "stroke-linejoin": "round", "stroke-linecap": "round", ...style}, (p) => {
        let d = "";
        let pen = false;
        for (const q of p) {
          if (q) d += `${pen ? "L" : "M"}${px(q[0])},${px(q[1])}`;
          pen = q !== null;
        }
        return d;
      });
    },
    dot(style = {}) {
      const node = layer.appendChild(create("circle", {r: 4.5, ...style}));
      return {node, set: (a, b) => place(node, {cx: x(a), cy: y(b)})};
    },
    rect(style = {}) {
      const node = layer.appendChild(create("rect", style));
      return {
        node,
        set(x1, y1, x2, y2) {
          const [u1, u2, v1, v2] = [x(x1), x(x2), y(y1), y(y2)];
          place(node, {x: Math.min(u1, u2), y: Math.min(v1, v2), width: Math.abs(u2 - u1), height: Math.abs(v2 - v1)});
        }
      };
    },
    text(style = {}) {
      const node = labels.appendChild(create("text", {fill: "currentColor", "text-anchor": "middle", ...style}));
      return {
        node,
        set(a, b, text) {
          place(node, {x: x(a), y: y(b)});
          setText(node, text);
        }
      };
    },
    legend: () => Array.from(chart.querySelectorAll(":scope > div > span[class$='-swatch']"), (swatch) => swatch.lastChild as Text),
    arrows(style = {}, headLength = 6) {
      // Each wing leaves the tip at 30° to the shaft.
      const wing = Math.PI / 6;
      return path({fill: "none", "stroke-width": 1.5, "stroke-linecap": "round", ...style}, (p) => {
        let d = "";
        for (let k = 1; k < p.length; ++k) {
          const [from, to] = [p[k - 1], p[k]];
          if (!from || !to) continue;
          const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
          if (length === 0) continue;
          const head = Math.min(headLength, length / 3);
          const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
          const tip = `${px(to[0])},${px(to[1])}`;
          const end = (a: number) => `${px(to[0] - head * Math.cos(a))},${px(to[1] - head * Math.sin(a))}`;
          d += `M${px(from[0])},${px(from[1])}L${tip}M${end(angle + wing)}L${tip}L${end(angle - wing)}`;
        }
        return d;
      });
    },
    dots(r, style = {}) {
      // Each dot as two half-circle arcs.
      return path(style, (p) => p.map((q) => (q ? `M${px(q[0] - r)},${px(q[1])}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0` : "")).join(""));
    }
  };
}
