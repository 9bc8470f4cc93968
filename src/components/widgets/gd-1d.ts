/**
 * The gradient-descent lab in one dimension: a curve, a start point and a
 * learning rate; every update x ← x − η·f′(x) drawn as a step on the curve and
 * listed in a table; presets for the learning rates that overshoot, diverge and
 * crawl; and the number of updates to reach a minimum as a function of η.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {formatNumber} from "../course/format.js";
import {texElement} from "../course/math.js";
import type {Schema} from "../course/url-state.js";
import {button, element, labelledRange, setInput, setText, sideBySide, statusLine} from "../course/dom.js";
import {asImage} from "../charts/chart-role.js";
import {liveLayer, type LiveDot, type LiveLayer, type LiveLine, type PlotChart} from "../charts/live-layer.js";
import {PALETTE} from "../charts/palette.js";
import type {Messages} from "../course/strings.js";
import {createWidget, loopButtons, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {behaviour, descendCurve, rateGrid, stepsToReach, type CurveRun, type Reach} from "../nn/descent-analysis.js";
import {CURVE_IDS, curve, type CurveId} from "../nn/loss-surfaces.js";

/** Most updates a run shows. */
const MAX_UPDATES = 100;
/** Milliseconds between updates while playing. */
const PLAY_INTERVAL = 350;

export const gd1dSchema = {
  fn: {kind: "enum", values: CURVE_IDS, default: "square"},
  a: {kind: "number", min: 0.1, max: 5, default: 1},
  x0: {kind: "number", min: -4, max: 4, default: 3},
  lr: {kind: "number", min: 0.001, max: 2, default: 0.1},
  n: {kind: "number", min: 0, max: MAX_UPDATES, default: 0, integer: true}
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  "curve.square": "y = x²",
  "curve.double-well": "y = x⁴ − 3x² + x (two minima)",
  "curve.abs": "y = |x|",
  "curve.scaled": "y = a·x² (choose a)",
  function: "Function",
  a: "a (for a·x²)",
  x0: "Start x₀",
  lr: "Learning rate η (log scale)",
  presets: "Presets on y = x² from x₀ = 3: ",
  presetsLabel: "Learning-rate presets",
  "preset.lecture": "Lecture: η = {lr}",
  "preset.large": "Too large: η = {lr}",
  "preset.diverge": "Far too large: η = {lr}",
  "preset.small": "Too small: η = {lr}",
  "presetTitle.lecture": "y = x² from 3 with η = 0.1: steady progress",
  "presetTitle.large": "Overshoots: x jumps across the minimum every update",
  "presetTitle.diverge": "Diverges: every update lands farther away",
  "presetTitle.small": "Crawls: hundreds of updates to get close",
  step: "Step",
  "behaviour.diverged": "diverges: each update lands farther from the minimum than the last.",
  "behaviour.oscillating": "overshoots: x jumps back and forth across the minimum.",
  "behaviour.settled": "converges: the steps shrink as the slope flattens, until they are too small to see.",
  "behaviour.descending": "walks steadily downhill from one side.",
  described: "With η = {lr} gradient descent on {curve} {behaviour}",
  diverged: "Diverged after {n} updates: x grew beyond a million, so the run was stopped. {described} Try a smaller η.",
  start: "Start: x₀ = {x}, y = {y}. Press Step or Play.",
  update: "Update {n}: x = {x}, y = {y}. {described}",
  curveLabel: "The curve {curve} with {n} gradient-descent updates drawn as arrows; now at x = {x}.",
  curveCaption: "Each arrow is one update. Now at x = {x}.",
  curveCaptionOutside: "Each arrow is one update. Now at x = {x} (outside the plotted range).",
  tableCaption: "x and y after each update",
  tableUpdate: "update",
  tableDiverged: "— (diverged)",
  rateHeading: "Updates needed versus the learning rate",
  "rate.x": "learning rate η",
  "rate.y": "updates until within 0.01 of a minimum",
  "rate.reached": "reached",
  "rate.diverged": "diverged",
  "rate.notReached": "not within 10,000 updates",
  "rate.alreadyThere": "The start is already within 0.01 of a minimum.",
  "rate.fewest": "Fewest updates: {steps} at η ≈ {lr}.",
  "rate.noneReach": "No learning rate in 0.001…2 gets within 0.01 of a minimum.",
  "rate.divergesFrom": "Diverges from η ≈ {lr} up.",
  "rate.noneDiverge": "No learning rate in this range diverges.",
  "rate.mineReached": "Your η = {lr} needs {steps} updates.",
  "rate.mineDiverged": "Your η = {lr} diverges.",
  "rate.mineNotReached": "Your η = {lr} does not get there within 10,000 updates.",
  "rate.label": "Updates needed to get within 0.01 of a minimum of {curve} from x₀ = {x0}, for {n} learning rates from 0.001 to 2. {summary}"
} satisfies Messages;

interface Preset {
  id: "lecture" | "large" | "diverge" | "small";
  lr: number;
}

const PRESETS: Preset[] = [
  {id: "lecture", lr: 0.1},
  {id: "large", lr: 0.9},
  {id: "diverge", lr: 1.5},
  {id: "small", lr: 0.01}
];

export interface Gd1dValue {
  fn: CurveId;
  a: number;
  x0: number;
  lr: number;
  /** Updates taken so far. */
  n: number;
  /** Where the run is now. */
  x: number;
  y: number;
  diverged: boolean;
}

export function createGd1dWidget(options: WidgetOptions = {}): WidgetElement<Gd1dValue> {
  const w = createWidget({id: "gradient-descent", className: "gd-1d", schema: gd1dSchema, messages, value: {} as Gd1dValue}, options);
  const {t, root} = w;
  const v = {...w.initial, fn: w.initial.fn as CurveId};

  const fnInput = Inputs.select(new Map(CURVE_IDS.map((id) => [t(`curve.${id}` as keyof typeof messages), id])), {label: t("function"), value: v.fn});
  const aInput = labelledRange([0.1, 5], {label: t("a"), step: 0.1, value: v.a});
  const x0Input = labelledRange([-4, 4], {label: t("x0"), step: 0.01, value: v.x0});
  const lrInput = labelledRange([0.001, 2], {label: t("lr"), step: 0.001, value: v.lr, transform: Math.log, invert: Math.exp});
  const presets = element("div", "presets", element("span", "", t("presets")));
  presets.setAttribute("role", "group");
  presets.setAttribute("aria-label", t("presetsLabel"));
  for (const p of PRESETS) presets.append(button(t(`preset.${p.id}`, {lr: p.lr}), () => applyPreset(p), {title: t(`presetTitle.${p.id}`)}));

  const formula = element("div", "formula");
  const status = statusLine("status");
  const chart = element("figure", "chart");
  const table = element("div", "steps-table");
  const rateChart = element("figure", "rate-chart");

  let run: CurveRun = descendCurve(curve(v.fn, v.a), v.x0, v.lr, MAX_UPDATES);

  /** The last update index available: the run stops early when it diverges. */
  const lastUpdate = () => run.points.length - 1;
  /** Where Play stops: the last update, or the first that moves x by less than 1e-4. */
  const playEnd = () => {
    const k = run.points.findIndex((p, i) => i > 0 && Math.abs(p.x - run.points[i - 1].x) < 1e-4);
    return k > 0 ? k : lastUpdate();
  };

  const loop = w.loop({
    intervalMs: PLAY_INTERVAL,
    step() {
      if (v.n >= lastUpdate()) return false;
      v.n++;
      return v.n < playEnd();
    },
    draw: () => (render(), publish(), w.write(v)),
    onToggle(running) {
      if (running && v.n >= playEnd()) v.n = 0;
    }
  });
  const buttons = loopButtons(loop, reset, w.lang);
  const chartRow = element("div", "row", chart, table);

  root.append(
    w.notice,
    sideBySide([fnInput, aInput, x0Input, lrInput, presets, buttons.element], [formula, status, chartRow]),
    element("h3", "", t("rateHeading")),
    rateChart
  );

  function recompute() {
    run = descendCurve(curve(v.fn, v.a), v.x0, v.lr, MAX_UPDATES);
    v.n = Math.min(v.n, lastUpdate());
  }

  function reset() {
    v.n = 0;
    render();
    publish();
    w.write(v);
  }

  function applyPreset(p: Preset) {
    loop.pause();
    setInput(fnInput, "square");
    setInput(x0Input, 3);
    setInput(lrInput, p.lr);
    loop.start();
  }

  for (const input of [fnInput, aInput, x0Input, lrInput]) {
    input.addEventListener("input", () => {
      v.fn = fnInput.value as CurveId;
      v.a = aInput.value;
      v.x0 = x0Input.value;
      v.lr = lrInput.value;
      loop.pause();
      v.n = 0;
      recompute();
      publish();
      renderFrame.request();
      rateSoon.request();
      w.write(v);
    });
  }

  // A slider redraws the lab once per frame, however many inputs arrive before it.
  const renderFrame = w.frame(render);

  function publish() {
    // A link's n may lie past the end of a run that diverged early.
    const current = run.points[Math.min(v.n, lastUpdate())];
    w.publish({...v, x: current.x, y: current.y, diverged: run.diverged && v.n >= lastUpdate()});
  }

  let curveWidth = 460;
  let rateWidth = 640;

  /** The update rule with the curve and η; typeset once the controls rest (a drag of x₀ leaves it as it is). */
  let formulaTex = "";
  const typesetFormula = w.settled(() => formula.replaceChildren(texElement(formulaTex, true)));

  function render() {
    const c = curve(v.fn, v.a);
    aInput.style.display = v.fn === "scaled" ? "" : "none";
    const tex = String.raw`x \leftarrow x - \eta\, f'(x), \qquad ${c.tex.replace(/^y/, "f(x)")}, \quad \eta = ${formatNumber(v.lr, 3)}`;
    if (tex !== formulaTex) {
      formulaTex = tex;
      typesetFormula.request();
    }
    const shown = run.points.slice(0, v.n + 1);
    const current = shown[shown.length - 1];
    const divergedNow = run.diverged && v.n >= lastUpdate();
    const described = t("described", {lr: formatNumber(v.lr, 3), curve: c.name, behaviour: t(`behaviour.${behaviour(run)}`)});
    const statusText = divergedNow
      ? t("diverged", {n: v.n, described})
      : v.n === 0
        ? t("start", {x: formatNumber(current.x), y: formatNumber(current.y)})
        : t("update", {n: v.n, x: formatNumber(current.x, 6), y: formatNumber(current.y, 6), described});
    const statusClass = divergedNow ? "status notice error diverged" : "status";
    if (status.className !== statusClass) status.className = statusClass;
    setText(status, statusText);
    buttons.step.disabled = v.n >= lastUpdate();
    drawCurve(c, shown);
    drawTable(shown, divergedNow);
  }

  /** The chart's frame (axes, grid, the curve) for a curve, an x-extent and a width, and the run's marks over it. */
  let frame: {key: string; layer: LiveLayer; arrows: LiveLine; visited: LiveLine; now: LiveDot; caption: Text} | null = null;

  function frameFor(c: ReturnType<typeof curve>, lo: number, hi: number) {
    const key = JSON.stringify([c.id, v.a, lo, hi, curveWidth]);
    if (frame?.key === key) return frame;
    const xs = Array.from({length: 301}, (_, k) => lo + ((hi - lo) * k) / 300);
    const line = xs.map((x) => ({x, y: c.f(x)}));
    const ys = line.map((p) => p.y);
    // The line is aria-hidden (Plot's per-mark labels are invalid ARIA); the chart's label and caption carry the content.
    const plot = asImage(
      Plot.plot({
        width: curveWidth,
        height: 300,
        x: {domain: [lo, hi], label: "x"},
        y: {domain: [Math.min(...ys), Math.max(...ys)], label: "y", grid: true},
        marks: [Plot.line(line, {ariaHidden: "true", x: "x", y: "y", stroke: PALETTE.neutral})]
      })
    ) as PlotChart;
    const layer = liveLayer(plot);
    const caption = document.createTextNode("");
    frame = {
      key,
      layer,
      arrows: layer.arrows({stroke: PALETTE.highlight}),
      visited: layer.dots(4, {fill: PALETTE.highlightLight}),
      now: layer.dot({r: 4, fill: PALETTE.highlight}),
      caption
    };
    chart.replaceChildren(plot, element("figcaption", "", caption));
    return frame;
  }

  function drawCurve(c: ReturnType<typeof curve>, shown: CurveRun["points"]) {
    // The x-extent covers x₀ in steps of ½, so a drag of x₀ past the curve's own domain rarely rebuilds the frame.
    const [lo, hi] = [Math.min(c.domain[0], Math.floor(v.x0 * 2) / 2), Math.max(c.domain[1], Math.ceil(v.x0 * 2) / 2)];
    const f = frameFor(c, lo, hi);
    const points = shown.map((p): [number, number] => [p.x, p.y]);
    const last = shown[shown.length - 1];
    f.arrows.set(points);
    f.visited.set(points.slice(0, -1));
    f.now.set(last.x, last.y);
    const outside = last.x < lo || last.x > hi;
    f.layer.label(t("curveLabel", {curve: c.name, n: shown.length - 1, x: formatNumber(last.x)}));
    setText(f.caption, t(outside ? "curveCaptionOutside" : "curveCaption", {x: formatNumber(last.x)}));
  }

  // The table is built once; a frame changes only the text that differs and adds or removes rows at the end.
  const body = element("tbody");
  const tableElement = element("table", "", element("caption", "", t("tableCaption")), element("thead", "", element("tr", "", element("th", "", t("tableUpdate")), element("th", "", "x"), element("th", "", "y"))), body);
  table.append(tableElement);

  function drawTable(shown: CurveRun["points"], divergedNow: boolean) {
    const rows = shown.map((p) => [String(p.step), formatNumber(p.x, 6), formatNumber(p.y, 6)]);
    if (divergedNow) rows.push([String(shown.length), "—", t("tableDiverged")]);
    while (body.rows.length > rows.length) body.lastElementChild!.remove();
    while (body.rows.length < rows.length) body.append(element("tr", "", element("td"), element("td"), element("td")));
    rows.forEach((cells, k) =>
      cells.forEach((text, i) => {
        setText(body.rows[k].cells[i], text);
      })
    );
  }

  // The rate chart runs gradient descent for every η of its grid (up to 10,000 updates each): in idle time, a few
  // η at a time, so the curve follows the slider at once. The runs depend on the curve and x₀, not on η. A slider
  // starts them only once it rests: runs for an x₀ the drag has left are wasted, and their slices crowd its frames.
  let rates: {key: string; etas: number[]; reach: Reach[]} | null = null;
  const rateTask = w.idle((deadline) => {
    const c = curve(v.fn, v.a);
    const key = JSON.stringify([v.fn, v.a, v.x0]);
    if (rates?.key !== key) rates = {key, etas: rateGrid(c), reach: []};
    const {etas, reach} = rates;
    do reach.push(stepsToReach(c, v.x0, etas[reach.length]));
    while (reach.length < etas.length && deadline.timeRemaining() > 1);
    if (reach.length < etas.length) return true;
    renderRateChart(c, reach);
    return false;
  });
  const rateSoon = w.settled(() => rateTask.request());

  function renderRateChart(c: ReturnType<typeof curve>, reach: Reach[]) {
    const mine = stepsToReach(c, v.x0, v.lr);
    const reached = reach.filter((r) => r.status === "reached" && r.steps > 0);
    const failed = reach.filter((r) => r.status !== "reached");
    const maxSteps = Math.max(10, ...reached.map((r) => r.steps));
    const statusNames: Record<string, string> = {reached: t("rate.reached"), diverged: t("rate.diverged"), "not-reached": t("rate.notReached")};
    const plot = Plot.plot({
      width: rateWidth,
      height: 260,
      x: {type: "log", domain: [0.001, 2], label: t("rate.x"), ticks: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 2], tickFormat: "~g"},
      y: {type: "log", domain: [1, maxSteps * 1.5], label: t("rate.y"), grid: true, tickFormat: "~s"},
      color: {domain: ["reached", "diverged", "not-reached"], range: [PALETTE.good, PALETTE.bad, PALETTE.neutral], legend: true, tickFormat: (s: string) => statusNames[s]},
      marks: [
        Plot.dot(reached, {ariaHidden: "true", x: "eta", y: "steps", fill: "status", r: 2.5}),
        Plot.tickX(failed, {ariaHidden: "true", x: "eta", stroke: "status", strokeWidth: 2}),
        Plot.ruleX([v.lr], {ariaHidden: "true", stroke: PALETTE.highlight, strokeDasharray: "4,3"})
      ]
    });
    const fastest = reached.reduce((best, r) => (r.steps < best.steps ? r : best), reached[0] ?? {eta: NaN, steps: NaN});
    const firstDiverging = reach.find((r) => r.status === "diverged");
    const lr = formatNumber(v.lr, 3);
    const summary = [
      x0Within(c, v.x0) ? t("rate.alreadyThere") : "",
      reached.length ? t("rate.fewest", {steps: fastest.steps, lr: formatNumber(fastest.eta, 2)}) : t("rate.noneReach"),
      firstDiverging ? t("rate.divergesFrom", {lr: formatNumber(firstDiverging.eta, 3)}) : t("rate.noneDiverge"),
      mine.status === "reached" ? t("rate.mineReached", {lr, steps: mine.steps}) : mine.status === "diverged" ? t("rate.mineDiverged", {lr}) : t("rate.mineNotReached", {lr})
    ].filter(Boolean);
    plot.setAttribute("aria-label", t("rate.label", {curve: c.name, x0: formatNumber(v.x0), n: reach.length, summary: summary.join(" ")}));
    rateChart.replaceChildren(asImage(plot), element("figcaption", "", summary.join(" ")));
  }

  w.observeWidth(chartRow, (width) => {
    curveWidth = Math.min(460, width);
    render();
    typesetFormula.flush();
  });
  publish();
  w.observeWidth(rateChart, (width) => {
    rateWidth = Math.min(640, width);
    rateTask.request();
  });
  return root;
}

function x0Within(c: ReturnType<typeof curve>, x0: number): boolean {
  return c.minima.some((m) => Math.abs(x0 - m) < 0.01);
}
