/**
 * The lecture's activation functions side by side: each selected one plotted
 * with its derivative, its formula, and a note on range, zero-centring, where
 * the gradient is zero and what it costs. Sigmoid's β, Leaky ReLU's α, ELU's α
 * and Maxout's two lines are adjustable.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "../charts/chart-role.js";
import {liveLayer, type LiveDot, type LiveLine, type PlotChart} from "../charts/live-layer.js";
import {PALETTE} from "../charts/palette.js";
import {element, labelledRange, setText, sideBySide, statusLine} from "../course/dom.js";
import {formatNumber} from "../course/format.js";
import {texElement} from "../course/math.js";
import type {Messages, Translate} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {CATALOGUE_IDS, catalogueEntry, curveSamples, DEFAULT_PARAMS, type CatalogueEntry, type CatalogueId, type CatalogueParams, type CurvePoint, type Line} from "../nn/activation-catalogue.js";

const [line1, line2] = DEFAULT_PARAMS.maxout;

/** `acts` lists catalogue indices: 0 step, 1 sigmoid, 2 tanh, 3 ReLU, 4 Leaky ReLU, 5 ELU, 6 Maxout. */
export const activationPlotSchema = {
  acts: {kind: "int-list", min: 0, max: CATALOGUE_IDS.length - 1, minLength: 1, maxLength: CATALOGUE_IDS.length, default: [1, 3]},
  beta: {kind: "number", min: 0.1, max: 10, default: DEFAULT_PARAMS.beta},
  alpha: {kind: "number", min: 0, max: 0.5, default: DEFAULT_PARAMS.alpha},
  ealpha: {kind: "number", min: 0.1, max: 3, default: DEFAULT_PARAMS.eluAlpha},
  mw1: {kind: "number", min: -3, max: 3, default: line1.w},
  mb1: {kind: "number", min: -3, max: 3, default: line1.b},
  mw2: {kind: "number", min: -3, max: 3, default: line2.w},
  mb2: {kind: "number", min: -3, max: 3, default: line2.b}
} satisfies Schema;

/** The activations' names (the timing widget shows them too). */
export const activationNames = {
  "name.step": "Step",
  "name.sigmoid": "Sigmoid",
  "name.sigmoidBeta": "Sigmoid (β = {beta})",
  "name.tanh": "tanh",
  "name.relu": "ReLU",
  "name.leaky-relu": "Leaky ReLU",
  "name.elu": "ELU",
  "name.maxout": "Maxout"
} satisfies Messages;

/** An activation's name in the widget's language: the sigmoid's carries its β when it is not 1. */
export function activationName(t: Translate<typeof activationNames>, id: CatalogueId, beta = 1): string {
  return id === "sigmoid" && beta !== 1 ? t("name.sigmoidBeta", {beta: formatNumber(beta)}) : t(`name.${id}`);
}

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  ...activationNames,
  show: "Show",
  beta: "Sigmoid slope β",
  alpha: "Leaky ReLU slope α",
  ealpha: "ELU α",
  mw1: "line 1: w₁",
  mb1: "b₁",
  mw2: "line 2: w₂",
  mb2: "b₂",
  maxoutLegend: "Maxout: max(w₁s + b₁, w₂s + b₂)",
  tickOne: "Tick at least one activation to plot it.",
  fTitle: "The activation τ(s)",
  derivativeTitle: "Its derivative τ′(s).{kinks}",
  fLabel: "The functions for s from −5 to 5: {names}.",
  derivativeLabel: "Their derivatives for s from −5 to 5: {names}.{kinks}",
  kinks: " Open circles mark where the derivative is undefined: {list}.",
  kinkAt: "{name} at s = {s}",
  range: "Range",
  zeroCentred: "Zero-centred",
  zeroGradient: "Gradient is zero",
  cost: "Cost",
  "step.range": "{0, 1}",
  "step.zeroCentred": "no",
  "step.zeroGradient": "everywhere it exists; undefined at 0",
  "step.cost": "one comparison",
  "sigmoid.range": "(0, 1)",
  "sigmoid.zeroCentred": "no (outputs are always positive)",
  "sigmoid.zeroGradient": "nowhere, but close to 0 for large |s|: it saturates",
  "sigmoid.cost": "one exponential and a division",
  "tanh.range": "(−1, 1)",
  "tanh.zeroCentred": "yes",
  "tanh.zeroGradient": "nowhere, but close to 0 for large |s|: it saturates",
  "tanh.cost": "exponentials",
  "relu.range": "[0, ∞)",
  "relu.zeroCentred": "no",
  "relu.zeroGradient": "for s < 0 (a unit that is always negative stops learning)",
  "relu.cost": "one comparison",
  "leaky-relu.range": "(−∞, ∞)",
  "leaky-relu.zeroCentred": "no: negative outputs are only α times as large, so the mean stays positive",
  "leaky-relu.zeroGradient": "nowhere: negative inputs keep slope α",
  "leaky-relu.zeroGradientReLU": "for s < 0 (α = 0 is ReLU)",
  "leaky-relu.cost": "one comparison and one multiplication",
  "elu.range": "(−{alpha}, ∞)",
  "elu.zeroCentred": "roughly (negative outputs pull the mean toward 0)",
  "elu.zeroGradient": "only in the limit s → −∞",
  "elu.cost": "an exponential for s < 0",
  "maxout.range": "depends on the lines (learned in a real network)",
  "maxout.zeroCentred": "depends on the lines",
  "maxout.zeroGradient": "only if the larger line is flat",
  "maxout.cost": "two affine pieces (twice the weights) and a comparison"
} satisfies Messages;

type T = Translate<typeof messages>;

export interface ActivationPlotValue {
  /** The activations shown, in catalogue order. */
  acts: CatalogueId[];
  beta: number;
  alpha: number;
  eluAlpha: number;
  maxout: [Line, Line];
  /** The activation the learner ticked last (or the last shown after an untick); null until they tick one. */
  chosen: CatalogueId | null;
}

const DOMAIN: [number, number] = [-5, 5];
const CHART_WIDTH = 320;

export function createActivationPlotWidget(options: WidgetOptions = {}): WidgetElement<ActivationPlotValue> {
  const w = createWidget({id: "activations", className: "activation-plot", schema: activationPlotSchema, messages, value: {} as ActivationPlotValue}, options);
  const {t, root} = w;
  const v = {...w.initial, acts: [...new Set(w.initial.acts)].sort((a, b) => a - b)};
  let chosen: CatalogueId | null = null;

  const actsInput = Inputs.checkbox(CATALOGUE_IDS.slice(), {label: t("show"), value: v.acts.map((i) => CATALOGUE_IDS[i]), format: (id) => t(`name.${id}`)});
  const betaInput = labelledRange([0.1, 10], {label: t("beta"), step: 0.1, value: v.beta});
  const alphaInput = labelledRange([0, 0.5], {label: t("alpha"), step: 0.01, value: v.alpha});
  const eluInput = labelledRange([0.1, 3], {label: t("ealpha"), step: 0.1, value: v.ealpha});
  const maxoutInputs = (["mw1", "mb1", "mw2", "mb2"] as const).map((key) => [key, Inputs.number([-3, 3], {label: t(key), step: 0.1, value: v[key]})] as const);
  const maxoutBox = element("fieldset", "maxout-lines", element("legend", "", t("maxoutLegend")), ...maxoutInputs.map(([, input]) => input));
  const message = statusLine("message");
  const charts = element("div", "row");
  const cards = element("div", "activation-cards");
  let chartWidth = CHART_WIDTH;

  root.append(w.notice, sideBySide([actsInput, betaInput, alphaInput, eluInput, maxoutBox], [message, charts]), cards);

  const params = (): CatalogueParams => ({
    beta: v.beta,
    alpha: v.alpha,
    eluAlpha: v.ealpha,
    maxout: [
      {w: v.mw1, b: v.mb1},
      {w: v.mw2, b: v.mb2}
    ]
  });

  const sliders: HTMLElement[] = [betaInput, alphaInput, eluInput];
  for (const input of [actsInput, betaInput, alphaInput, eluInput, ...maxoutInputs.map(([, i]) => i)]) {
    input.addEventListener("input", () => {
      const acts = actsInput.value.map((id) => CATALOGUE_IDS.indexOf(id));
      if (input === actsInput) {
        const added = acts.find((i) => !v.acts.includes(i));
        const shown = [...acts].sort((a, b) => a - b);
        chosen = added !== undefined ? CATALOGUE_IDS[added] : shown.includes(CATALOGUE_IDS.indexOf(chosen!)) ? chosen : (CATALOGUE_IDS[shown[shown.length - 1]] ?? null);
      }
      v.acts = acts;
      v.beta = betaInput.value;
      v.alpha = alphaInput.value;
      v.ealpha = eluInput.value;
      for (const [key, i] of maxoutInputs) if (Number.isFinite(i.value)) v[key] = i.value;
      publish();
      // A drag's frames carry only the charts; the cards (formulas to typeset) follow once the slider rests.
      if (sliders.includes(input)) cardsSoon.request();
      else cardsNext = true;
      renderFrame.request();
      // An empty selection cannot be a link (at least one activation is shown from a link).
      if (v.acts.length > 0) w.write(v);
    });
  }

  // A slider redraws the charts once per frame, however many inputs arrive before it.
  const renderFrame = w.frame(render);
  const cardsSoon = w.settled(showCards);
  /** Whether the next frame shows the cards too (a tick or a typed number: no drag to wait for). */
  let cardsNext = false;
  /** The cards on screen by what they show: a card whose formulas and notes did not change is kept, not typeset again. */
  let shownCards = new Map<string, HTMLElement>();
  const frames = {f: null as ChartFrame | null, derivative: null as ChartFrame | null};
  let sampled = new Map<string, CurvePoint[]>();

  function publish() {
    w.publish({acts: v.acts.map((i) => CATALOGUE_IDS[i]), beta: v.beta, alpha: v.alpha, eluAlpha: v.ealpha, maxout: params().maxout, chosen});
  }

  const entries = () => v.acts.map((i) => catalogueEntry(CATALOGUE_IDS[i], params()));
  const name = (e: CatalogueEntry) => activationName(t, e.id, v.beta);

  function render() {
    const shown = entries();
    setText(message, shown.length === 0 ? t("tickOne") : "");
    if (shown.length === 0) charts.replaceChildren();
    else {
      // An activation's formula names its parameters: one whose formula is unchanged keeps its samples and its drawn curves.
      const next = new Map(shown.map((e) => [e.id + e.tex, sampled.get(e.id + e.tex) ?? curveSamples(e, DOMAIN, 240)]));
      sampled = next;
      const samples = [...next.values()];
      const figures = (["f", "derivative"] as const).map((which) => (frames[which] = drawChart(frames[which], which, shown, samples, name, chartWidth, t)).figure);
      if (figures.some((f, k) => charts.children[k] !== f)) charts.replaceChildren(...figures);
    }
    if (cardsNext) showCards();
  }

  function showCards() {
    cardsNext = false;
    const p = params();
    const next = new Map<string, HTMLElement>();
    for (const e of entries()) {
      const key = JSON.stringify([e.id, name(e), e.tex, e.derivativeTex, e.id === "elu" ? p.eluAlpha : null, e.id === "leaky-relu" && p.alpha === 0]);
      next.set(key, shownCards.get(key) ?? card(e, name(e), p, t));
    }
    const same = next.size === shownCards.size && [...next.values()].every((c, k) => cards.children[k] === c);
    shownCards = next;
    if (!same) cards.replaceChildren(...next.values());
  }

  w.observeWidth(charts, (width) => {
    chartWidth = Math.min(CHART_WIDTH, width);
    render();
    showCards();
  });
  publish();
  return root;
}

/** One chart's frame (axes, grid, legend) for the activations shown, a width and a y-extent, and the marks a slider moves over it. */
interface ChartFrame {
  key: string;
  figure: HTMLElement;
  chart: PlotChart;
  caption: HTMLElement;
  /** Each activation's legend text (the sigmoid's carries β). */
  legend: Text[];
  lines: LiveLine[];
  /** The samples each line shows now. */
  drawn: CurvePoint[][];
  /** Each activation's open circles where the derivative is undefined. */
  kinks: LiveDot[][];
}

/** The y-extent in steps of ½ beyond [−0.1, 1.1], so a drag rebuilds the frame only when a curve's extreme crosses one. */
function yExtent(values: number[]): [number, number] {
  let [min, max] = [Infinity, -Infinity];
  for (const value of values) {
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const lo = Math.max(-3, Math.min(-0.1, Math.floor(min * 2) / 2));
  const hi = Math.min(5, Math.max(1.1, Math.ceil(max * 2) / 2));
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

function drawChart(frame: ChartFrame | null, which: "f" | "derivative", entries: CatalogueEntry[], samples: CurvePoint[][], name: (e: CatalogueEntry) => string, width: number, t: T): ChartFrame {
  const yDomain = yExtent(samples.flatMap((points) => points.map((p) => p[which])));
  const kinksOf = (e: CatalogueEntry) => (which === "derivative" ? e.kinks : []);
  const key = JSON.stringify([width, entries.map((e) => [e.id, kinksOf(e).length]), yDomain]);
  if (frame?.key !== key) frame = chartFrame(key, which, entries, name, width, yDomain, kinksOf);
  const f = frame;
  entries.forEach((e, k) => {
    setText(f.legend[k], name(e));
    if (f.drawn[k] === samples[k]) return;
    f.drawn[k] = samples[k];
    // A piece ends where the next begins: a non-finite point lifts the pen, so a jump is not drawn.
    f.lines[k].set(samples[k].flatMap((p, i) => (i > 0 && p.segment !== samples[k][i - 1].segment ? [[NaN, NaN], [p.s, p[which]]] : [[p.s, p[which]]])));
    kinksOf(e).forEach((s, i) => (s > DOMAIN[0] && s < DOMAIN[1] ? f.kinks[k][i].set(s, 0) : f.kinks[k][i].set(NaN, NaN)));
  });
  const undefinedAt = entries.flatMap((e) => kinksOf(e).filter((s) => s > DOMAIN[0] && s < DOMAIN[1]).map((s) => t("kinkAt", {name: name(e), s: formatNumber(s, 3)})));
  const kinks = undefinedAt.length ? t("kinks", {list: undefinedAt.join(", ")}) : "";
  const names = entries.map(name).join(", ");
  const label = which === "f" ? t("fLabel", {names}) : t("derivativeLabel", {names, kinks});
  if (f.chart.getAttribute("aria-label") !== label) f.chart.setAttribute("aria-label", label);
  setText(f.caption, which === "f" ? t("fTitle") : t("derivativeTitle", {kinks}));
  return f;
}

function chartFrame(key: string, which: "f" | "derivative", entries: CatalogueEntry[], name: (e: CatalogueEntry) => string, width: number, yDomain: [number, number], kinksOf: (e: CatalogueEntry) => number[]): ChartFrame {
  const colours = entries.map((e) => PALETTE.series[CATALOGUE_IDS.indexOf(e.id)]);
  // One labelled image: Plot's per-mark and per-axis labels (invalid ARIA, and English) go; the chart's label and caption carry the content.
  const chart = asImage(
    Plot.plot({
      width,
      height: 260,
      x: {domain: DOMAIN, label: "s"},
      y: {domain: yDomain, label: which === "f" ? "τ(s)" : "τ′(s)", grid: true},
      // Each activation keeps its colour whichever others are shown.
      color: {legend: true, domain: entries.map(name), range: colours},
      marks: [
        Plot.ruleY([0], {ariaHidden: "true", stroke: PALETTE.neutral}),
        // No data: the curves are the live layer's; this mark only makes the colour legend.
        Plot.line([], {x: "s", y: "value", stroke: "name"})
      ]
    })
  ) as PlotChart;
  const layer = liveLayer(chart);
  const lines = colours.map((stroke) => layer.line({stroke}));
  // Where the derivative is undefined (a jump or a corner): an open circle on the axis, over the curves.
  const kinks = entries.map((e, k) => kinksOf(e).map(() => layer.dot({stroke: colours[k], fill: "white", "stroke-width": 2})));
  const caption = element("figcaption");
  return {key, figure: element("figure", "activation-chart", chart, caption), chart, caption, legend: layer.legend(), lines, drawn: [], kinks};
}

function card(e: CatalogueEntry, name: string, p: CatalogueParams, t: T): HTMLElement {
  const zeroGradient = e.id === "leaky-relu" && p.alpha === 0 ? t("leaky-relu.zeroGradientReLU") : t(`${e.id}.zeroGradient`);
  const list = element(
    "dl",
    "",
    element("dt", "", t("range")),
    element("dd", "", t(`${e.id}.range`, {alpha: formatNumber(p.eluAlpha)})),
    element("dt", "", t("zeroCentred")),
    element("dd", "", t(`${e.id}.zeroCentred`)),
    element("dt", "", t("zeroGradient")),
    element("dd", "", zeroGradient),
    element("dt", "", t("cost")),
    element("dd", "", t(`${e.id}.cost`))
  );
  return element("section", "card activation-card", element("h3", "", name), texElement(e.tex, true), texElement(e.derivativeTex, true), list);
}
