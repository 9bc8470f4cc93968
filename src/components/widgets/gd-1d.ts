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
import {urlState, type Schema} from "../course/url-state.js";
import {button, element, labelledRange, setInput} from "../course/dom.js";
import {behaviour, descendCurve, rateGrid, stepsToReach, stepsVersusRate, type Behaviour, type CurveRun} from "../nn/descent-analysis.js";
import {CURVE_IDS, curve, type CurveId} from "../nn/loss-surfaces.js";
import type {WidgetOptions} from "../course/widgets.js";

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

const CURVE_NAMES: Record<CurveId, string> = {
  square: "y = x²",
  "double-well": "y = x⁴ − 3x² + x (two minima)",
  abs: "y = |x|",
  scaled: "y = a·x² (choose a)"
};

interface Preset {
  label: string;
  lr: number;
  title: string;
}

const PRESETS: Preset[] = [
  {label: "Lecture: η = 0.1", lr: 0.1, title: "y = x² from 3 with η = 0.1: steady progress"},
  {label: "Too large: η = 0.9", lr: 0.9, title: "Overshoots: x jumps across the minimum every update"},
  {label: "Far too large: η = 1.5", lr: 1.5, title: "Diverges: every update lands farther away"},
  {label: "Too small: η = 0.01", lr: 0.01, title: "Crawls: hundreds of updates to get close"}
];

const BEHAVIOUR_TEXT: Record<Behaviour, string> = {
  diverged: "diverges: each update lands farther from the minimum than the last.",
  oscillating: "overshoots: x jumps back and forth across the minimum.",
  settled: "converges: the steps shrink as the slope flattens, until they are too small to see.",
  descending: "walks steadily downhill from one side."
};

export function createGd1dWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(gd1dSchema, options.search, options.signal);
  const v = {...state.initial, fn: state.initial.fn as CurveId};
  const root = element("div", "widget gd-1d");

  const fnInput = Inputs.select(new Map(CURVE_IDS.map((id) => [CURVE_NAMES[id], id])), {label: "Function", value: v.fn});
  const aInput = labelledRange([0.1, 5], {label: "a (for a·x²)", step: 0.1, value: v.a});
  const x0Input = labelledRange([-4, 4], {label: "Start x₀", step: 0.01, value: v.x0});
  const lrInput = labelledRange([0.001, 2], {label: "Learning rate η (log scale)", step: 0.001, value: v.lr, transform: Math.log, invert: Math.exp});
  const playButton = button("▶ Play", () => (timer === null ? play() : pause()));
  const stepButton = button("Step", () => advance(), {title: "One update"});
  const resetButton = button("Reset", () => reset(), {title: "Back to the start point"});
  const presets = element("div", "presets", element("span", "", "Presets on y = x² from x₀ = 3: "));
  presets.setAttribute("role", "group");
  presets.setAttribute("aria-label", "Learning-rate presets");
  for (const p of PRESETS) presets.append(button(p.label, () => applyPreset(p), {title: p.title}));

  const formula = element("div", "formula");
  const status = element("div", "status");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  const chart = element("figure", "chart");
  const table = element("div", "steps-table");
  const rateChart = element("figure", "rate-chart");

  root.append(
    state.notice(),
    element("div", "controls", fnInput, aInput, x0Input, lrInput),
    presets,
    element("div", "buttons", playButton, stepButton, resetButton),
    formula,
    status,
    element("div", "row", chart, table),
    element("h3", "", "Updates needed versus the learning rate"),
    rateChart
  );

  let run: CurveRun = descendCurve(curve(v.fn, v.a), v.x0, v.lr, MAX_UPDATES);
  let timer: number | null = null;

  /** The last update index available: the run stops early when it diverges. */
  const lastUpdate = () => run.points.length - 1;
  /** Where Play stops: the last update, or the first that moves x by less than 1e-4. */
  const playEnd = () => {
    const k = run.points.findIndex((p, i) => i > 0 && Math.abs(p.x - run.points[i - 1].x) < 1e-4);
    return k > 0 ? k : lastUpdate();
  };

  function recompute() {
    run = descendCurve(curve(v.fn, v.a), v.x0, v.lr, MAX_UPDATES);
    v.n = Math.min(v.n, lastUpdate());
  }

  function write() {
    if (options.syncUrl !== false) state.write(v);
  }

  function play() {
    if (v.n >= playEnd()) v.n = 0;
    let last = performance.now();
    playButton.textContent = "❚❚ Pause";
    const tick = (now: number) => {
      if (now - last >= PLAY_INTERVAL) {
        last = now;
        v.n++;
        render();
        write();
      }
      if (v.n >= playEnd()) pause();
      else timer = requestAnimationFrame(tick);
    };
    timer = requestAnimationFrame(tick);
    render();
  }

  function pause() {
    if (timer !== null) cancelAnimationFrame(timer);
    timer = null;
    playButton.textContent = "▶ Play";
  }

  function advance() {
    pause();
    if (v.n < lastUpdate()) v.n++;
    render();
    write();
  }

  function reset() {
    pause();
    v.n = 0;
    render();
    write();
  }

  function applyPreset(p: Preset) {
    pause();
    setInput(fnInput, "square");
    setInput(x0Input, 3);
    setInput(lrInput, p.lr);
    play();
  }

  for (const input of [fnInput, aInput, x0Input, lrInput]) {
    input.addEventListener("input", () => {
      v.fn = fnInput.value as CurveId;
      v.a = aInput.value;
      v.x0 = x0Input.value;
      v.lr = lrInput.value;
      pause();
      v.n = 0;
      recompute();
      render();
      renderRateChart();
      write();
    });
  }
  options.signal?.addEventListener("abort", pause);

  function render() {
    const c = curve(v.fn, v.a);
    aInput.style.display = v.fn === "scaled" ? "" : "none";
    formula.replaceChildren(
      texElement(String.raw`x \leftarrow x - \eta\, f'(x), \qquad ${c.tex.replace(/^y/, "f(x)")}, \quad \eta = ${formatNumber(v.lr, 3)}`, true)
    );
    const shown = run.points.slice(0, v.n + 1);
    const current = shown[shown.length - 1];
    const divergedNow = run.diverged && v.n >= lastUpdate();
    status.className = divergedNow ? "status notice error diverged" : "status";
    const described = `With η = ${formatNumber(v.lr, 3)} gradient descent on ${c.name} ${BEHAVIOUR_TEXT[behaviour(run)]}`;
    status.textContent = divergedNow
      ? `Diverged after ${v.n} updates: x grew beyond a million, so the run was stopped. ${described} Try a smaller η.`
      : v.n === 0
        ? `Start: x₀ = ${formatNumber(current.x)}, y = ${formatNumber(current.y)}. Press Step or Play.`
        : `Update ${v.n}: x = ${formatNumber(current.x, 6)}, y = ${formatNumber(current.y, 6)}. ${described}`;
    stepButton.disabled = v.n >= lastUpdate();
    drawCurve(c, shown);
    drawTable(shown, divergedNow);
  }

  function drawCurve(c: ReturnType<typeof curve>, shown: CurveRun["points"]) {
    const [lo, hi] = [Math.min(c.domain[0], v.x0), Math.max(c.domain[1], v.x0)];
    const xs = Array.from({length: 301}, (_, k) => lo + ((hi - lo) * k) / 300);
    const line = xs.map((x) => ({x, y: c.f(x)}));
    const ys = line.map((p) => p.y);
    const yDomain: [number, number] = [Math.min(...ys), Math.max(...ys)];
    const moves = shown.slice(1).map((p, k) => ({x1: shown[k].x, y1: shown[k].y, x2: p.x, y2: p.y}));
    // Marks are aria-hidden (Plot's per-mark labels are invalid ARIA); the chart's label and caption carry the content.
    const plot = Plot.plot({
      width: 460,
      height: 300,
      x: {domain: [lo, hi], label: "x"},
      y: {domain: yDomain, label: "y", grid: true},
      marks: [
        Plot.line(line, {ariaHidden: "true", x: "x", y: "y", stroke: "#888"}),
        Plot.arrow(moves, {ariaHidden: "true", x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "#d95f02", strokeWidth: 1.5, headLength: 6, clip: true}),
        Plot.dot(shown, {ariaHidden: "true", x: "x", y: "y", fill: (_d, i) => (i === shown.length - 1 ? "#d95f02" : "#fdb863"), r: 4, clip: true})
      ]
    });
    const last = shown[shown.length - 1];
    plot.setAttribute("role", "img");
    plot.setAttribute("aria-label", `The curve ${c.name} with ${shown.length - 1} gradient-descent updates drawn as arrows; now at x = ${formatNumber(last.x)}.`);
    chart.replaceChildren(plot, element("figcaption", "", `Each arrow is one update. Now at x = ${formatNumber(last.x)}${last.x < lo || last.x > hi ? " (outside the plotted range)" : ""}.`));
  }

  function drawTable(shown: CurveRun["points"], divergedNow: boolean) {
    const t = element("table");
    t.append(element("caption", "", "x and y after each update"));
    const head = element("tr", "", element("th", "", "update"), element("th", "", "x"), element("th", "", "y"));
    t.append(element("thead", "", head));
    const body = element("tbody");
    for (const p of shown) body.append(element("tr", "", element("td", "", String(p.step)), element("td", "", formatNumber(p.x, 6)), element("td", "", formatNumber(p.y, 6))));
    if (divergedNow) body.append(element("tr", "", element("td", "", String(shown.length)), element("td", "", "—"), element("td", "", "— (diverged)")));
    t.append(body);
    table.replaceChildren(t);
    table.scrollTop = table.scrollHeight;
  }

  function renderRateChart() {
    const c = curve(v.fn, v.a);
    const reach = stepsVersusRate(c, v.x0, rateGrid(c));
    const mine = stepsToReach(c, v.x0, v.lr);
    const reached = reach.filter((r) => r.status === "reached" && r.steps > 0);
    const failed = reach.filter((r) => r.status !== "reached");
    const maxSteps = Math.max(10, ...reached.map((r) => r.steps));
    const plot = Plot.plot({
      width: 640,
      height: 260,
      x: {type: "log", domain: [0.001, 2], label: "learning rate η", ticks: [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 2], tickFormat: "~g"},
      y: {type: "log", domain: [1, maxSteps * 1.5], label: "updates until within 0.01 of a minimum", grid: true, tickFormat: "~s"},
      color: {domain: ["reached", "diverged", "not-reached"], range: ["#1b7837", "#b2182b", "#888"], legend: true, tickFormat: (s: string) => (s === "not-reached" ? "not within 10,000 updates" : s)},
      marks: [
        Plot.dot(reached, {ariaHidden: "true", x: "eta", y: "steps", fill: "status", r: 2.5}),
        Plot.tickX(failed, {ariaHidden: "true", x: "eta", stroke: "status", strokeWidth: 2}),
        Plot.ruleX([v.lr], {ariaHidden: "true", stroke: "#d95f02", strokeDasharray: "4,3"})
      ]
    });
    const fastest = reached.reduce((best, r) => (r.steps < best.steps ? r : best), reached[0] ?? {eta: NaN, steps: NaN});
    const firstDiverging = reach.find((r) => r.status === "diverged");
    const summary = [
      x0Within(c, v.x0) ? "The start is already within 0.01 of a minimum." : "",
      reached.length ? `Fewest updates: ${fastest.steps} at η ≈ ${formatNumber(fastest.eta, 2)}.` : "No learning rate in 0.001…2 gets within 0.01 of a minimum.",
      firstDiverging ? `Diverges from η ≈ ${formatNumber(firstDiverging.eta, 3)} up.` : "No learning rate in this range diverges.",
      mine.status === "reached"
        ? `Your η = ${formatNumber(v.lr, 3)} needs ${mine.steps} updates.`
        : mine.status === "diverged"
          ? `Your η = ${formatNumber(v.lr, 3)} diverges.`
          : `Your η = ${formatNumber(v.lr, 3)} does not get there within 10,000 updates.`
    ].filter(Boolean);
    plot.setAttribute("aria-label", `Updates needed to get within 0.01 of a minimum of ${c.name} from x₀ = ${formatNumber(v.x0)}, for ${reach.length} learning rates from 0.001 to 2. ${summary.join(" ")}`);
    rateChart.replaceChildren(plot, element("figcaption", "", summary.join(" ")));
  }

  render();
  renderRateChart();
  return root;
}

function x0Within(c: ReturnType<typeof curve>, x0: number): boolean {
  return c.minima.some((m) => Math.abs(x0 - m) < 0.01);
}
