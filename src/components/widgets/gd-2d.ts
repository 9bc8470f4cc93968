/**
 * Gradient descent in two dimensions: a contour plot of a loss surface, where
 * clicking or tapping (or typing) sets the start, and plain gradient descent,
 * momentum and Adam run side by side from it. Each optimiser's step size η and
 * the momentum μ are sliders; the paths follow them live.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "../charts/chart-role.js";
import {liveLayer, type LiveDot, type LiveLayer, type LiveLine, type PlotChart} from "../charts/live-layer.js";
import {PALETTE} from "../charts/palette.js";
import {element, labelledRange, scrollBox, sideBySide, statusLine} from "../course/dom.js";
import {formatNumber} from "../course/format.js";
import {texElement} from "../course/math.js";
import type {Messages} from "../course/strings.js";
import {parseState, type Schema} from "../course/url-state.js";
import {createWidget, loopButtons, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {distanceToMinimum, OPTIMIZER_KINDS, race} from "../nn/descent-analysis.js";
import {SURFACE_IDS, SURFACES, type LearningRates, type Surface, type SurfaceId} from "../nn/loss-surfaces.js";
import type {DescentResult, OptimizerKind} from "../nn/optimizers.js";

const RATE_RANGE: [number, number] = [0.0001, 1];
const DEFAULT_MOMENTUM = 0.9;

/** The start point's and step sizes' defaults depend on the surface; this is the schema for the default surface. */
export const gd2dSchema = schemaFor(SURFACES.bowl);

function schemaFor(surface: Surface) {
  const rate = (value: number) => ({kind: "number", min: RATE_RANGE[0], max: RATE_RANGE[1], default: value}) as const;
  return {
    surface: {kind: "enum", values: SURFACE_IDS, default: "bowl"},
    sx: {kind: "number", min: -4, max: 4, default: surface.start[0]},
    sy: {kind: "number", min: -4, max: 4, default: surface.start[1]},
    eta: rate(surface.learningRates.sgd),
    etam: rate(surface.learningRates.momentum),
    etaa: rate(surface.learningRates.adam),
    mu: {kind: "number", min: 0, max: 0.99, default: DEFAULT_MOMENTUM}
  } satisfies Schema;
}

/** URL keys of each optimiser's η. */
const RATE_KEYS = {sgd: "eta", momentum: "etam", adam: "etaa"} as const;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  "surface.bowl": "Elongated bowl",
  "surface.rosenbrock": "Rosenbrock's banana valley",
  "optimizer.sgd": "Gradient descent",
  "optimizer.momentum": "Momentum",
  "optimizer.adam": "Adam",
  surface: "Surface",
  startX: "Start w₁",
  startY: "Start w₂",
  rate: "{optimizer}: η (log scale)",
  mu: "Momentum μ",
  hint: "Click or tap the plot to start from there (or type the start point).",
  legend: "Paths",
  plotLabel: "Contour plot of {surface} with the paths of gradient descent, momentum and Adam from ({x}, {y}); the table lists where each is.",
  progress: "After {shown} of {steps} updates",
  done: "After {steps} updates",
  "head.optimizer": "optimiser",
  "head.eta": "η",
  "head.at": "now at",
  "head.loss": "E",
  "head.distance": "distance to minimum",
  "head.near": "first within {near}",
  diverged: "diverged",
  divergedAfter: "diverged after {n} updates",
  nearAt: "update {n}",
  notYet: "not yet"
} satisfies Messages;

/** How far each optimiser has got after the updates drawn so far. */
export interface Gd2dResult {
  /** Where it is now (the last finite point when it diverged). */
  x: number;
  y: number;
  /** E there. */
  loss: number;
  distance: number;
  diverged: boolean;
  /** First update within 0.05 of the minimum; null when not yet. */
  firstNear: number | null;
}

export interface Gd2dValue {
  surface: SurfaceId;
  /** The start point: where the plot was last clicked, or what was typed. */
  sx: number;
  sy: number;
  /** E at the start point. */
  startLoss: number;
  /** Each optimiser's step size η. */
  rates: LearningRates;
  /** Momentum coefficient μ. */
  mu: number;
  /** Updates drawn so far, of `steps`. */
  shown: number;
  steps: number;
  results: Record<OptimizerKind, Gd2dResult>;
}

const COLORS: Record<OptimizerKind, string> = {sgd: PALETTE.negative, momentum: PALETTE.ink, adam: PALETTE.series[1]};
/** "Reached" means within this distance of the minimum. */
const NEAR = 0.05;
/** Animation length in frames (about four seconds). */
const FRAMES = 240;
const MAX_WIDTH = 600;
/** A pointer that moves farther than this between down and up was scrolling, not choosing a start. */
const TAP_SLOP = 10;

export function createGd2dWidget(options: WidgetOptions = {}): WidgetElement<Gd2dValue> {
  const prefix = options.namespace ?? "";
  const surfaceKey = `${prefix}surface`;
  const firstSurface = parseState({[surfaceKey]: gd2dSchema.surface}, options.search ?? location.search).values[surfaceKey] as SurfaceId;
  const w = createWidget({id: "gd-2d", className: "gd-2d", schema: schemaFor(SURFACES[firstSurface]), messages, value: {} as Gd2dValue}, options);
  const {t, root} = w;
  const v = {...w.initial, surface: firstSurface};

  const surfaceInput = Inputs.select(new Map(SURFACE_IDS.map((id) => [t(`surface.${id}`), id])), {label: t("surface"), value: v.surface});
  const sxInput = Inputs.number([-4, 4], {label: t("startX"), step: 0.01, value: v.sx});
  const syInput = Inputs.number([-4, 4], {label: t("startY"), step: 0.01, value: v.sy});
  const rateInputs = Object.fromEntries(
    OPTIMIZER_KINDS.map((kind) => [kind, labelledRange(RATE_RANGE, {label: t("rate", {optimizer: t(`optimizer.${kind}`)}), step: 0.0001, value: v[RATE_KEYS[kind]], transform: Math.log, invert: Math.exp})])
  ) as Record<OptimizerKind, ReturnType<typeof labelledRange>>;
  const muInput = labelledRange([0, 0.99], {label: t("mu"), step: 0.01, value: v.mu});
  const formula = element("div", "formula");
  const legend = element("p", "legend", `${t("legend")}: `);
  for (const kind of OPTIMIZER_KINDS) {
    const swatch = element("span", "swatch", "■ ");
    swatch.style.color = COLORS[kind];
    swatch.setAttribute("aria-hidden", "true");
    legend.append(swatch, t(`optimizer.${kind}`), "  ");
  }
  const chart = element("figure", "chart");
  const results = statusLine("results");
  results.setAttribute("aria-live", "polite");

  const rates = (): LearningRates => ({sgd: v.eta, momentum: v.etam, adam: v.etaa});
  const steps = () => SURFACES[v.surface].steps;
  let runs = race(SURFACES[v.surface], [v.sx, v.sy], steps(), rates(), v.mu);
  let shown = 0;

  const loop = w.loop({
    step() {
      shown = Math.min(steps(), shown + 1);
      return shown < steps();
    },
    stepsPerFrame: () => Math.ceil(steps() / FRAMES),
    draw: drawPaths,
    onToggle(running) {
      if (running && shown >= steps()) shown = 0;
    }
  });
  const buttons = loopButtons(loop, () => ((shown = 0), drawPaths()), w.lang);

  root.append(
    w.notice,
    sideBySide(
      [surfaceInput, sxInput, syInput, ...OPTIMIZER_KINDS.map((k) => rateInputs[k]), muInput, buttons.element],
      [formula, element("p", "hint", t("hint")), legend, chart, results]
    )
  );

  /** The contour plot on screen (redrawn when the surface, start or width changes) and the paths drawn over it. */
  let base: Base | null = null;
  let chartWidth = MAX_WIDTH;
  let down: {x: number; y: number; id: number} | null = null;
  chart.addEventListener("pointerdown", (event) => {
    down = event.isPrimary ? {x: event.clientX, y: event.clientY, id: event.pointerId} : null;
  });
  chart.addEventListener("pointercancel", () => (down = null));
  chart.addEventListener("pointerup", (event) => {
    const tap = down && down.id === event.pointerId && Math.hypot(event.clientX - down.x, event.clientY - down.y) < TAP_SLOP;
    down = null;
    if (!tap || !base) return;
    const s = SURFACES[v.surface];
    const {layer, width, height} = base;
    const rect = layer.svg.getBoundingClientRect();
    const [x, y] = layer.invert(((event.clientX - rect.left) * width) / rect.width, ((event.clientY - rect.top) * height) / rect.height);
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    sxInput.value = v.sx = round2(clamp(x, s.domain.x));
    syInput.value = v.sy = round2(clamp(y, s.domain.y));
    restart();
  });

  function recompute() {
    runs = race(SURFACES[v.surface], [v.sx, v.sy], steps(), rates(), v.mu);
    w.write(v);
  }

  /** A new start: recompute and animate the paths from the beginning. */
  function restart() {
    const s = SURFACES[v.surface];
    v.sx = clamp(v.sx, s.domain.x);
    v.sy = clamp(v.sy, s.domain.y);
    recompute();
    loop.pause();
    shown = 0;
    drawBase();
    loop.start();
  }

  surfaceInput.addEventListener("input", () => {
    v.surface = surfaceInput.value as SurfaceId;
    const s = SURFACES[v.surface];
    // A new surface starts from its own default start point and step sizes.
    sxInput.value = v.sx = s.start[0];
    syInput.value = v.sy = s.start[1];
    for (const kind of OPTIMIZER_KINDS) {
      v[RATE_KEYS[kind]] = s.learningRates[kind];
      rateInputs[kind].value = s.learningRates[kind];
    }
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
  // Step sizes and μ redraw the paths at once, as far as they are shown: the paths follow the slider.
  for (const input of [...OPTIMIZER_KINDS.map((k) => rateInputs[k]), muInput]) {
    input.addEventListener("input", () => {
      for (const kind of OPTIMIZER_KINDS) v[RATE_KEYS[kind]] = rateInputs[kind].value;
      v.mu = muInput.value;
      recompute();
      drawPaths();
    });
  }

  function drawBase() {
    const s = SURFACES[v.surface];
    formula.replaceChildren(texElement(s.tex, true));
    const width = chartWidth;
    const aspect = (s.domain.y[1] - s.domain.y[0]) / (s.domain.x[1] - s.domain.x[0]);
    const height = Math.round(Math.min(520, Math.max(240, width * aspect)));
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
        Plot.dot([{x: s.minimum[0], y: s.minimum[1]}], {ariaHidden: "true", x: "x", y: "y", symbol: "star", r: 6, fill: PALETTE.good, stroke: "white"}),
        Plot.dot([{x: v.sx, y: v.sy}], {ariaHidden: "true", x: "x", y: "y", r: 5, stroke: PALETTE.ink, strokeWidth: 2})
      ]
    }) as PlotChart;
    plot.setAttribute("aria-label", t("plotLabel", {surface: t(`surface.${v.surface}`), x: formatNumber(v.sx), y: formatNumber(v.sy)}));
    asImage(plot);
    plot.style.cursor = "crosshair";
    const layer = liveLayer(plot);
    base = {
      layer,
      width,
      height,
      lines: record((kind) => layer.line({stroke: COLORS[kind], "stroke-width": 1.8})),
      heads: record((kind) => layer.dot({fill: COLORS[kind], stroke: "white"}))
    };
    chart.replaceChildren(plot);
    drawPaths();
  }

  /** Moves the three paths and their heads to the first `shown` updates: attribute changes only, no new plot. */
  function drawPaths() {
    if (!base) return;
    const {lines, heads} = base;
    for (const kind of OPTIMIZER_KINDS) {
      const visible = runs[kind].path.slice(0, shown + 1);
      lines[kind].set(visible.map((p) => [p.x[0], p.x[1]]));
      const head = visible[visible.length - 1];
      heads[kind].set(head.x[0], head.x[1]);
    }
    const s = SURFACES[v.surface];
    const now = Object.fromEntries(OPTIMIZER_KINDS.map((kind) => [kind, resultOf(s, runs[kind], shown)])) as Record<OptimizerKind, Gd2dResult>;
    drawResults(now);
    w.publish({surface: v.surface, sx: v.sx, sy: v.sy, startLoss: s.f(v.sx, v.sy), rates: rates(), mu: v.mu, shown, steps: s.steps, results: now});
  }

  function drawResults(now: Record<OptimizerKind, Gd2dResult>) {
    const total = steps();
    const table = element("table");
    table.append(element("caption", "", shown < total ? t("progress", {shown, steps: total}) : t("done", {steps: total})));
    const heads = [t("head.optimizer"), t("head.eta"), t("head.at"), t("head.loss"), t("head.distance"), t("head.near", {near: NEAR})];
    table.append(element("thead", "", element("tr", "", ...heads.map((h) => element("th", "", h)))));
    const body = element("tbody");
    for (const kind of OPTIMIZER_KINDS) {
      const r = now[kind];
      body.append(
        element(
          "tr",
          r.diverged ? "diverged" : "",
          element("td", "", t(`optimizer.${kind}`)),
          element("td", "", formatNumber(rates()[kind])),
          element("td", "", r.diverged ? t("diverged") : `(${formatNumber(r.x, 3)}, ${formatNumber(r.y, 3)})`),
          element("td", "", r.diverged ? "—" : formatNumber(r.loss, 3)),
          element("td", "", r.diverged ? "—" : formatNumber(r.distance, 3)),
          element("td", "", r.diverged ? t("divergedAfter", {n: runs[kind].path.length - 1}) : r.firstNear !== null ? t("nearAt", {n: r.firstNear}) : t("notYet"))
        )
      );
    }
    table.append(body);
    results.replaceChildren(scrollBox(table));
  }

  w.observeWidth(chart, (width) => {
    chartWidth = Math.min(MAX_WIDTH, width);
    drawBase();
  });
  loop.start();
  return root;
}

function resultOf(s: Surface, run: DescentResult, shown: number): Gd2dResult {
  const p = run.path[Math.min(shown, run.path.length - 1)];
  const near = run.path.slice(0, shown + 1).findIndex((q) => distanceToMinimum(s, q.x) < NEAR);
  return {
    x: p.x[0],
    y: p.x[1],
    loss: p.value,
    distance: distanceToMinimum(s, p.x),
    diverged: run.diverged && shown >= run.path.length - 1,
    firstNear: near >= 0 ? near : null
  };
}

interface Base {
  layer: LiveLayer;
  width: number;
  height: number;
  lines: Record<OptimizerKind, LiveLine>;
  heads: Record<OptimizerKind, LiveDot>;
}

function record<T>(make: (kind: OptimizerKind) => T): Record<OptimizerKind, T> {
  return Object.fromEntries(OPTIMIZER_KINDS.map((kind) => [kind, make(kind)])) as Record<OptimizerKind, T>;
}

function clamp(x: number, [lo, hi]: [number, number]): number {
  return Math.min(hi, Math.max(lo, x));
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
