/**
 * Gradient descent in two dimensions: a contour plot of a loss surface, where
 * clicking (or typing) sets the start, and plain gradient descent, momentum and
 * Adam run side by side from it, each with the surface's default learning rate.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {formatNumber} from "../course/format.js";
import {texElement} from "../course/math.js";
import {parseState, urlState, writeState, type Schema} from "../course/url-state.js";
import {button, element} from "../course/dom.js";
import {distanceToMinimum, OPTIMIZER_KINDS, race} from "../nn/descent-analysis.js";
import {SURFACE_IDS, SURFACES, type Surface, type SurfaceId} from "../nn/loss-surfaces.js";
import type {DescentResult, OptimizerKind} from "../nn/optimizers.js";
import type {WidgetOptions} from "../course/widget.js";

/** The start point's defaults depend on the surface; this is the schema for the default surface. */
export const gd2dSchema = schemaFor(SURFACES.bowl);

function schemaFor(surface: Surface) {
  return {
    surface: {kind: "enum", values: SURFACE_IDS, default: "bowl"},
    sx: {kind: "number", min: -4, max: 4, default: surface.start[0]},
    sy: {kind: "number", min: -4, max: 4, default: surface.start[1]}
  } satisfies Schema;
}

const NAMES: Record<OptimizerKind, string> = {sgd: "Gradient descent", momentum: "Momentum", adam: "Adam"};
const COLORS: Record<OptimizerKind, string> = {sgd: "#d62728", momentum: "#111111", adam: "#ff7f0e"};
/** "Reached" means within this distance of the minimum. */
const NEAR = 0.05;
/** Animation length in frames (about four seconds). */
const FRAMES = 240;

export function createGd2dWidget(options: WidgetOptions = {}): HTMLElement {
  const search = options.search ?? location.search;
  const surfaceId = parseState(gd2dSchema, search).values.surface as SurfaceId;
  const state = urlState(schemaFor(SURFACES[surfaceId]), search, options.signal);
  const v = {surface: surfaceId, sx: state.initial.sx, sy: state.initial.sy};
  const root = element("div", "widget gd-2d");

  const surfaceInput = Inputs.select(new Map(SURFACE_IDS.map((id) => [SURFACES[id].name, id])), {label: "Surface", value: v.surface});
  const sxInput = Inputs.number([-4, 4], {label: "Start w₁", step: 0.01, value: v.sx});
  const syInput = Inputs.number([-4, 4], {label: "Start w₂", step: 0.01, value: v.sy});
  const replay = button("▶ Replay", () => animate());
  const formula = element("div", "formula");
  const legend = element("p", "legend");
  for (const kind of OPTIMIZER_KINDS) {
    const swatch = element("span", "swatch", "■ ");
    swatch.style.color = COLORS[kind];
    swatch.setAttribute("aria-hidden", "true");
    legend.append(swatch, NAMES[kind], "  ");
  }
  const chart = element("figure", "chart");
  const results = element("div", "results");
  results.setAttribute("role", "status");
  results.setAttribute("aria-live", "polite");
  root.append(
    state.notice(),
    element("div", "controls", surfaceInput, sxInput, syInput, replay),
    formula,
    element("p", "hint", "Click the plot to start from there (or type the start point)."),
    legend,
    chart,
    results
  );

  /** The contour plot on screen (redrawn when the surface or start changes) and the paths drawn over it. */
  let base: Base | null = null;
  chart.addEventListener("click", (event) => {
    if (!base) return;
    const s = SURFACES[v.surface];
    const {plot, width, height} = base;
    const rect = plot.getBoundingClientRect();
    const x = plot.scale("x")?.invert?.(((event.clientX - rect.left) * width) / rect.width);
    const y = plot.scale("y")?.invert?.(((event.clientY - rect.top) * height) / rect.height);
    if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) return;
    sxInput.value = v.sx = round2(clamp(x, s.domain.x));
    syInput.value = v.sy = round2(clamp(y, s.domain.y));
    restart();
  });

  let runs = race(SURFACES[v.surface], [v.sx, v.sy], SURFACES[v.surface].steps);
  let frame: number | null = null;
  let shown = 0;

  function stop() {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
  }
  options.signal?.addEventListener("abort", stop);

  function write() {
    if (options.syncUrl !== false) writeState(schemaFor(SURFACES[v.surface]), v);
  }

  function restart() {
    const s = SURFACES[v.surface];
    v.sx = clamp(v.sx, s.domain.x);
    v.sy = clamp(v.sy, s.domain.y);
    runs = race(s, [v.sx, v.sy], s.steps);
    write();
    animate();
  }

  function animate() {
    stop();
    const total = SURFACES[v.surface].steps;
    const reduced = typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;
    shown = reduced ? total : 0;
    const perFrame = Math.max(1, Math.ceil(total / FRAMES));
    const tick = () => {
      shown = Math.min(total, shown + perFrame);
      drawPaths();
      frame = shown < total ? requestAnimationFrame(tick) : null;
    };
    drawBase();
    drawPaths();
    if (!reduced) frame = requestAnimationFrame(tick);
  }

  surfaceInput.addEventListener("input", () => {
    v.surface = surfaceInput.value as SurfaceId;
    const s = SURFACES[v.surface];
    // A new surface starts from its own default start point.
    sxInput.value = v.sx = s.start[0];
    syInput.value = v.sy = s.start[1];
    restart();
  });
  for (const input of [sxInput, syInput]) {
    input.addEventListener("input", () => {
      if (!Number.isFinite(sxInput.value) || !Number.isFinite(syInput.value)) return;
      v.sx = sxInput.value;
      v.sy = syInput.value;
      restart();
    });
  }

  function drawBase() {
    const s = SURFACES[v.surface];
    formula.replaceChildren(texElement(s.tex, true));
    const width = 600;
    const aspect = (s.domain.y[1] - s.domain.y[0]) / (s.domain.x[1] - s.domain.x[0]);
    const height = Math.round(Math.min(520, Math.max(300, width * aspect)));
    // Contours of log(1 + E) so both the steep walls and the flat valley floor show. Marks are
    // aria-hidden (Plot's per-mark labels are invalid ARIA); the svg's label and the table say it all.
    const plot = Plot.plot({
      width,
      height,
      x: {domain: s.domain.x, label: "w₁"},
      y: {domain: s.domain.y, label: "w₂"},
      color: {type: "linear", scheme: "blues", reverse: true},
      marks: [
        Plot.contour({
          ariaHidden: "true",
          fill: (x: number, y: number) => Math.log10(1 + s.f(x, y)),
          x1: s.domain.x[0],
          x2: s.domain.x[1],
          y1: s.domain.y[0],
          y2: s.domain.y[1],
          thresholds: 18,
          stroke: "white",
          strokeOpacity: 0.5
        }),
        Plot.dot([{x: s.minimum[0], y: s.minimum[1]}], {ariaHidden: "true", x: "x", y: "y", symbol: "star", r: 6, fill: "#2ca02c", stroke: "white"}),
        Plot.dot([{x: v.sx, y: v.sy}], {ariaHidden: "true", x: "x", y: "y", r: 5, stroke: "#111", strokeWidth: 2})
      ]
    }) as PlotSvg;
    plot.setAttribute("role", "img");
    plot.setAttribute("aria-label", `Contour plot of ${s.name} with the paths of gradient descent, momentum and Adam from (${formatNumber(v.sx)}, ${formatNumber(v.sy)}); the table below lists where each ended.`);
    plot.style.cursor = "crosshair";
    base = {plot, width, height, ...pathLayer(plot)};
    chart.replaceChildren(plot);
  }

  /** Moves the three paths and their heads to the first `shown` updates: attribute changes only, no new plot. */
  function drawPaths() {
    if (!base) return;
    const {sx, sy, lines, heads} = base;
    for (const kind of OPTIMIZER_KINDS) {
      const path = runs[kind].path;
      const visible = path.slice(0, shown + 1);
      lines[kind].setAttribute("points", visible.map((p) => `${sx(p.x[0]).toFixed(1)},${sy(p.x[1]).toFixed(1)}`).join(" "));
      const head = visible[visible.length - 1];
      heads[kind].setAttribute("cx", sx(head.x[0]).toFixed(1));
      heads[kind].setAttribute("cy", sy(head.x[1]).toFixed(1));
    }
    drawResults(SURFACES[v.surface]);
  }

  function drawResults(s: Surface) {
    const table = element("table");
    table.append(element("caption", "", shown < s.steps ? `After ${shown} of ${s.steps} updates` : `After ${s.steps} updates`));
    table.append(element("thead", "", element("tr", "", ...["optimiser", "η", "now at", "E", "distance to minimum", `first within ${NEAR}`].map((h) => element("th", "", h)))));
    const body = element("tbody");
    for (const kind of OPTIMIZER_KINDS) {
      const run: DescentResult = runs[kind];
      const k = Math.min(shown, run.path.length - 1);
      const p = run.path[k];
      const diverged = run.diverged && shown >= run.path.length - 1;
      const near = run.path.slice(0, shown + 1).findIndex((q) => distanceToMinimum(s, q.x) < NEAR);
      body.append(
        element(
          "tr",
          diverged ? "diverged" : "",
          element("td", "", NAMES[kind]),
          element("td", "", formatNumber(s.learningRates[kind])),
          element("td", "", diverged ? "diverged" : `(${formatNumber(p.x[0], 3)}, ${formatNumber(p.x[1], 3)})`),
          element("td", "", diverged ? "—" : formatNumber(p.value, 3)),
          element("td", "", diverged ? "—" : formatNumber(distanceToMinimum(s, p.x), 3)),
          element("td", "", diverged ? `diverged after ${run.path.length - 1} updates` : near >= 0 ? `update ${near}` : "not yet")
        )
      );
    }
    table.append(body);
    results.replaceChildren(table);
  }

  animate();
  return root;
}

type PlotSvg = SVGSVGElement & {scale(name: string): {apply?(value: number): number; invert?(value: number): number; range?: number[]} | undefined};

interface Base {
  plot: PlotSvg;
  width: number;
  height: number;
  sx(x: number): number;
  sy(y: number): number;
  lines: Record<OptimizerKind, SVGPolylineElement>;
  heads: Record<OptimizerKind, SVGCircleElement>;
}

const SVG = "http://www.w3.org/2000/svg";

/** A layer inside the plot for the optimisers' paths, clipped to the plot's frame (a diverging path leaves it). */
function pathLayer(plot: PlotSvg): Pick<Base, "sx" | "sy" | "lines" | "heads"> {
  const xs = plot.scale("x")!;
  const ys = plot.scale("y")!;
  const sx = (x: number) => xs.apply!(x);
  const sy = (y: number) => ys.apply!(y);
  const [left, right] = xs.range!;
  const [bottom, top] = ys.range!;
  const id = `gd-2d-clip-${Math.random().toString(36).slice(2)}`;
  const clip = document.createElementNS(SVG, "clipPath");
  clip.id = id;
  const rect = document.createElementNS(SVG, "rect");
  for (const [k, value] of Object.entries({x: Math.min(left, right), y: Math.min(top, bottom), width: Math.abs(right - left), height: Math.abs(bottom - top)})) rect.setAttribute(k, String(value));
  clip.append(rect);
  const layer = document.createElementNS(SVG, "g");
  layer.setAttribute("clip-path", `url(#${id})`);
  layer.setAttribute("aria-hidden", "true");
  const lines = {} as Record<OptimizerKind, SVGPolylineElement>;
  const heads = {} as Record<OptimizerKind, SVGCircleElement>;
  for (const kind of OPTIMIZER_KINDS) {
    const line = document.createElementNS(SVG, "polyline");
    Object.entries({fill: "none", stroke: COLORS[kind], "stroke-width": "1.8", "stroke-linejoin": "round"}).forEach(([k, value]) => line.setAttribute(k, value));
    const head = document.createElementNS(SVG, "circle");
    Object.entries({r: "4.5", fill: COLORS[kind], stroke: "white"}).forEach(([k, value]) => head.setAttribute(k, value));
    lines[kind] = line;
    heads[kind] = head;
  }
  layer.append(...OPTIMIZER_KINDS.map((k) => lines[k]), ...OPTIMIZER_KINDS.map((k) => heads[k]));
  plot.append(clip, layer);
  return {sx, sy, lines, heads};
}

function clamp(x: number, [lo, hi]: [number, number]): number {
  return Math.min(hi, Math.max(lo, x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
