/**
 * Marks drawn over a Plot chart through the chart's own scales and moved by
 * changing a few attributes. Plot builds the frame (axes, grid, legend,
 * everything that stays); what a slider moves lives here, so a drag's frame
 * sets `d` and `cx` instead of building, styling and laying out a new SVG.
 */
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

export interface LiveLayer {
  readonly chart: PlotChart;
  /** The chart's svg (inside the figure when Plot added a legend). */
  readonly svg: SVGSVGElement;
  /** Data to pixels, by the chart's x and y scales. */
  x(value: number): number;
  y(value: number): number;
  /** Pixels (relative to the svg's own coordinates) to data. */
  invert(px: number, py: number): [number, number];
  line(style?: Style): LiveLine;
  dot(style?: Style): LiveDot;
}

function create<K extends keyof SVGElementTagNameMap>(tag: K, style: Style): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, value] of Object.entries(style)) node.setAttribute(k, String(value));
  return node;
}

const px = (v: number) => (Math.round(v * 10) / 10).toString();

/** A layer over the chart's plotting area, clipped to it (a diverging path or a steep curve leaves it), hidden from assistive technology (the chart's label says what it shows). */
export function liveLayer(chart: PlotChart): LiveLayer {
  const svg = (chart instanceof SVGSVGElement ? chart : chart.querySelector(":scope > svg")) as SVGSVGElement;
  const xs = chart.scale("x")!;
  const ys = chart.scale("y")!;
  const x = (v: number) => xs.apply!(v);
  const y = (v: number) => ys.apply!(v);
  const [left, right] = xs.range!;
  const [bottom, top] = ys.range!;
  const id = `live-clip-${Math.random().toString(36).slice(2)}`;
  const clip = create("clipPath", {});
  clip.id = id;
  clip.append(create("rect", {x: Math.min(left, right), y: Math.min(top, bottom), width: Math.abs(right - left), height: Math.abs(bottom - top)}));
  const layer = create("g", {class: "live-layer", "clip-path": `url(#${id})`, "aria-hidden": "true"});
  svg.append(clip, layer);
  return {
    chart,
    svg,
    x,
    y,
    invert: (u, v) => [xs.invert!(u), ys.invert!(v)],
    line(style = {}) {
      const node = layer.appendChild(create("path", {fill: "none", "stroke-width": 2, "stroke-linejoin": "round", "stroke-linecap": "round", ...style}));
      return {
        node,
        set(points) {
          let d = "";
          let pen = false;
          for (const [a, b] of points) {
            const [u, v] = [x(a), y(b)];
            if (!Number.isFinite(u) || !Number.isFinite(v)) {
              pen = false;
              continue;
            }
            d += `${pen ? "L" : "M"}${px(u)},${px(v)}`;
            pen = true;
          }
          node.setAttribute("d", d);
        }
      };
    },
    dot(style = {}) {
      const node = layer.appendChild(create("circle", {r: 4.5, ...style}));
      return {
        node,
        set(a, b) {
          const [u, v] = [x(a), y(b)];
          const shown = Number.isFinite(u) && Number.isFinite(v);
          node.style.display = shown ? "" : "none";
          if (shown) {
            node.setAttribute("cx", px(u));
            node.setAttribute("cy", px(v));
          }
        }
      };
    }
  };
}
