/**
 * Vanishing gradients, measured: a deep MLP on a small 2-D dataset, with the
 * norm of each layer's weight gradient drawn on a log scale at initialisation
 * and while the network trains (plain gradient descent, full batch, through
 * the shared trainer).
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "../charts/chart-role.js";
import {liveLayer, type LiveLayer, type LiveRect, type LiveText, type PlotChart} from "../charts/live-layer.js";
import {PALETTE} from "../charts/palette.js";
import {element, labelledRange, scrollBox, setInput, setText, sideBySide, statusLine} from "../course/dom.js";
import {aboutCount, formatNumber} from "../course/format.js";
import type {Lang, Messages, Translate} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, loopButtons, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import type {ActivationId} from "../nn/activations.js";
import type {InitKind} from "../nn/mlp.js";
import {quadrantDataset, vanishingExperiment, type GradientMeasurement, type VanishingExperiment} from "../nn/vanishing.js";

const ACTIVATIONS = ["sigmoid", "tanh", "relu", "leaky-relu", "elu"] as const satisfies readonly ActivationId[];
type VanishingActivation = (typeof ACTIVATIONS)[number];
const INITS: InitKind[] = ["small-uniform", "xavier", "he"];
/** Training stops here; the point is made long before. */
const MAX_EPOCHS = 3000;
/** Redraw the chart at most this often while training. */
const REDRAW_MS = 250;
const LEARNING_RATE = 0.1;
const MAX_WIDTH = 640;
/** The bars at initialisation and after training. */
const COLOURS = [PALETTE.reference, PALETTE.live];

export const vanishingSchema = {
  depth: {kind: "number", min: 2, max: 20, default: 10, integer: true},
  width: {kind: "number", min: 2, max: 64, default: 16, integer: true},
  vact: {kind: "enum", values: ACTIVATIONS, default: "sigmoid"},
  init: {kind: "enum", values: INITS, default: "xavier"}
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  "activation.sigmoid": "Sigmoid",
  "activation.tanh": "tanh",
  "activation.relu": "ReLU",
  "activation.leaky-relu": "Leaky ReLU",
  "activation.elu": "ELU",
  "init.small-uniform": "Small uniform (±0.5)",
  "init.xavier": "Xavier/Glorot",
  "init.he": "He",
  depth: "Hidden layers",
  width: "Units per layer",
  activation: "Activation",
  init: "Initialisation",
  train: "▶ Train",
  pause: "❚❚ Pause",
  resetTitle: "A fresh network with the same settings",
  atInit: "At initialisation",
  afterUpdates: "after {n} updates",
  afterUpdatesStart: "After {n} updates",
  noRatio: "{when}: the last layer's gradient is zero, so there is no ratio to show.",
  ratio: "{when}: first layer {first}, last layer {last}; ratio first/last = {ratio}{plain}.",
  ratioPlain: " (the first layer gets {times} times less gradient)",
  diverged: "Training diverged after {n} updates: the loss, a gradient or a weight stopped being a finite number. Press Reset or pick a smaller network.",
  trained: "{ratio} Loss {before} → {after}.",
  untrained: "Loss {loss}. Press Train to update the weights (plain gradient descent, η = {eta}, {points} points) and watch the bars.",
  "chart.x": "layer (1 = next to the input)",
  "chart.y": "gradient norm ‖∂E/∂W‖, E = cross-entropy (log scale)",
  "chart.atInit": "at initialisation",
  chartLabel: "Bar chart, log scale: gradient norm of each of {layers} weight layers, input side first. {activation}, {depth} hidden layers of {width}. First layer {first}, last layer {last}.",
  tableSummary: "The norms as a table",
  "table.layer": "layer"
} satisfies Messages;

type T = Translate<typeof messages>;

export interface VanishingValue {
  depth: number;
  width: number;
  vact: VanishingActivation;
  init: InitKind;
  /** Updates taken so far. */
  epochs: number;
  /** Why training stopped, or null. */
  diverged: string | null;
  /** Each weight layer's gradient norm now, input side first. */
  norms: number[];
  /** First layer's norm over the last one's (null when the last is zero). */
  ratio: number | null;
  loss: number;
}

export type VanishingWidget = WidgetElement<VanishingValue> & {
  /**
   * Follows an activation chosen elsewhere on the page, as if picked here. The
   * same id twice in a row changes nothing, so this widget's own choice stands
   * until a new one arrives; activations without a deep-network version here
   * (step, Maxout) are ignored.
   */
  setActivation(id: string | null): void;
};

export function createVanishingGradientsWidget(options: WidgetOptions = {}): VanishingWidget {
  const w = createWidget({id: "vanishing-gradients", className: "vanishing-gradients", schema: vanishingSchema, messages, value: {} as VanishingValue}, options);
  const {t} = w;
  const root = w.root as VanishingWidget;
  const v = {...w.initial, vact: w.initial.vact as VanishingActivation, init: w.initial.init as InitKind};
  const data = quadrantDataset();

  const depthInput = labelledRange([2, 20], {label: t("depth"), step: 1, value: v.depth});
  const widthInput = labelledRange([2, 64], {label: t("width"), step: 1, value: v.width});
  const actInput = Inputs.select([...ACTIVATIONS], {label: t("activation"), value: v.vact, format: (id) => t(`activation.${id}`)});
  const initInput = Inputs.select(INITS, {label: t("init"), value: v.init, format: (id) => t(`init.${id}`)});
  const readout = statusLine("readout");
  readout.setAttribute("aria-live", "polite");
  const chart = element("figure", "chart");
  const tableHolder = element("div");
  const details = element("details", "", element("summary", "", t("tableSummary")), tableHolder);

  let experiment: VanishingExperiment;
  let chartWidth = MAX_WIDTH;

  const loop = w.loop({
    step() {
      experiment.train(1);
      return experiment.diverged === null && experiment.epochs < MAX_EPOCHS;
    },
    draw: () => render(),
    drawEveryMs: REDRAW_MS,
    labels: {play: t("train"), pause: t("pause")},
    onToggle(running) {
      // A setting changed just before Train counts.
      if (running) buildFrame.flush();
      if (running && (experiment.epochs >= MAX_EPOCHS || experiment.diverged)) rebuild();
    }
  });
  const buttons = loopButtons(loop, rebuild, w.lang);
  buttons.reset.title = t("resetTitle");

  root.append(w.notice, sideBySide([depthInput, widthInput, actInput, initInput, buttons.element], [readout, chart, details]));

  function rebuild() {
    loop.pause();
    build();
  }

  function build(widen = false) {
    experiment = vanishingExperiment({depth: v.depth, width: v.width, activation: v.vact, init: v.init}, data, LEARNING_RATE);
    render(widen);
  }

  for (const input of [depthInput, widthInput, actInput, initInput]) {
    input.addEventListener("input", () => {
      v.depth = depthInput.value;
      v.width = widthInput.value;
      v.vact = actInput.value;
      v.init = initInput.value;
      w.write(v);
      loop.pause();
      buildFrame.request();
      fitSoon.request();
    });
  }
  // A slider rebuilds the network once per frame, however many inputs arrive before it.
  const buildFrame = w.frame(() => build(true));

  let followed: string | null = null;
  root.setActivation = (id) => {
    if (id === followed) return;
    followed = id;
    if (ACTIVATIONS.includes(id as VanishingActivation) && id !== actInput.value) setInput(actInput, id as VanishingActivation);
  };

  const fitSoon = w.settled(() => render());
  const ratioLines = [element("p"), element("p")];
  readout.append(...ratioLines);

  /** `widen`: a control is moving, so the chart's y-extent only grows (a new frame per step would cost the drag its frames); it fits the bars again once the controls rest. */
  function render(widen = false) {
    const {initial, current, epochs, diverged} = experiment;
    const trained = epochs > 0 && !diverged;
    const look = diverged ? "readout notice error" : "readout";
    if (readout.className !== look) readout.className = look;
    setText(ratioLines[0], ratioText(t, t("atInit"), initial, w.lang));
    setText(
      ratioLines[1],
      diverged
        ? t("diverged", {n: epochs})
        : trained
          ? t("trained", {ratio: ratioText(t, t("afterUpdatesStart", {n: epochs}), current, w.lang), before: formatNumber(initial.loss, 3), after: formatNumber(current.loss, 3)})
          : t("untrained", {loss: formatNumber(initial.loss, 3), eta: LEARNING_RATE, points: data.inputs.length})
    );
    drawChart(initial, trained ? current : null, epochs, widen);
    drawTable(initial, trained ? current : null, epochs);
    const m = trained ? current : initial;
    w.publish({...v, epochs, diverged, norms: m.norms, ratio: m.ratio, loss: m.loss});
  }

  /** The chart's frame (y axis, grid, legend, the x axis's title) for a width, a y-extent and one or two sets of bars; the bars and the layer numbers are the live layer's, so a new depth is a few attributes. */
  let frame: {key: string; trained: boolean; floor: number; top: number; chart: PlotChart; layer: LiveLayer; legend: Text[]; bars: LiveRect[][]; ticks: LiveText[]} | null = null;

  function frameFor(floor: number, top: number, after: string | null) {
    const key = `${chartWidth} ${floor} ${top} ${after !== null}`;
    if (frame?.key === key) return frame;
    const atInit = t("chart.atInit");
    // One labelled image: Plot's per-mark and per-axis labels (invalid ARIA, and English) go; the chart's label and caption carry the content.
    const plot = asImage(
      Plot.plot({
        width: chartWidth,
        height: 320,
        // The bars' positions, 0 to 1 across the plotting area, whatever the depth: the layer numbers are drawn with the bars.
        x: {domain: [0, 1], label: t("chart.x"), ticks: []},
        y: {type: "log", domain: [floor, top], label: t("chart.y"), grid: true, tickFormat: "~e"},
        color: {domain: after === null ? [atInit] : [atInit, after], range: COLOURS, legend: true},
        // No data: this mark only makes the colour legend.
        marks: [Plot.rectY([], {x1: "x1", x2: "x2", y: "norm", fill: "when"})]
      })
    ) as PlotChart;
    const layer = liveLayer(plot);
    frame = {key, trained: after !== null, floor, top, chart: plot, layer, legend: layer.legend(), bars: [[], []], ticks: []};
    chart.replaceChildren(plot);
    return frame;
  }

  /** Keeps `n` marks in `pool`, making or removing the difference (the bars on screen are exactly the layers'). */
  function resize<M extends {node: SVGElement}>(pool: M[], n: number, make: () => M): M[] {
    while (pool.length < n) pool.push(make());
    for (const extra of pool.splice(n)) extra.node.remove();
    return pool;
  }

  function drawChart(initial: GradientMeasurement, current: GradientMeasurement | null, epochs: number, widen: boolean) {
    const layers = initial.norms.length;
    const after = current ? t("afterUpdates", {n: epochs}) : null;
    const sets = current ? [initial, current] : [initial];
    const positive = sets.flatMap((m) => m.norms).filter((n) => n > 0);
    let floor = 10 ** Math.floor(Math.log10(Math.min(...positive, 1e-3)) - 0.5);
    let top = 10 ** Math.ceil(Math.log10(Math.max(...positive, floor * 10)));
    if (widen && frame?.trained === (current !== null)) {
      // Past the frame's extent by whole steps of three decades, so a drag through the depths makes few new frames.
      floor = floor < frame.floor ? 10 ** (3 * Math.floor(Math.log10(floor) / 3)) : frame.floor;
      top = top > frame.top ? 10 ** (3 * Math.ceil(Math.log10(top) / 3)) : frame.top;
    }
    const f = frameFor(floor, top, after);
    if (after !== null) setText(f.legend[1], after);
    // Layer l's bars sit around l on an axis from 0.4 to layers + 0.6, mapped onto the frame's 0 to 1.
    const u = (x: number) => (x - 0.4) / (layers + 0.2);
    const [offset, barWidth] = current ? [-0.4, 0.4] : [-0.35, 0.7];
    sets.forEach((m, k) => {
      const bars = resize(f.bars[k], layers, () => f.layer.rect({fill: COLOURS[k]}));
      m.norms.forEach((norm, l) => bars[l].set(u(l + 1 + offset + k * 0.4), f.floor, u(l + 1 + offset + k * 0.4 + barWidth), Math.max(norm, f.floor)));
    });
    resize(f.ticks, layers, () => f.layer.text({dy: "1.6em"})).forEach((tick, l) => tick.set(u(l + 1), f.floor, String(l + 1)));
    const m = current ?? initial;
    const label = t("chartLabel", {layers, activation: t(`activation.${v.vact}`), depth: v.depth, width: v.width, first: formatNumber(m.norms[0], 3), last: formatNumber(m.norms[layers - 1], 3)});
    if (f.chart.getAttribute("aria-label") !== label) f.chart.setAttribute("aria-label", label);
  }

  /** The table's rows and columns follow the layers and whether there are trained norms; a redraw sets their text. */
  let table: {key: string; after: HTMLElement | null; rows: HTMLElement[][]} | null = null;

  function drawTable(initial: GradientMeasurement, current: GradientMeasurement | null, epochs: number) {
    const key = `${initial.norms.length} ${current !== null}`;
    if (table?.key !== key) {
      const after = current ? element("th") : null;
      const rows = initial.norms.map((_, l) => [element("td", "", String(l + 1)), element("td"), ...(current ? [element("td")] : [])]);
      const head = element("thead", "", element("tr", "", element("th", "", t("table.layer")), element("th", "", t("chart.atInit")), ...(after ? [after] : [])));
      tableHolder.replaceChildren(scrollBox(element("table", "", head, element("tbody", "", ...rows.map((cells) => element("tr", "", ...cells))))));
      table = {key, after, rows};
    }
    if (table.after) setText(table.after, t("afterUpdates", {n: epochs}));
    table.rows.forEach((cells, l) => {
      setText(cells[1], formatNumber(initial.norms[l], 3));
      if (current) setText(cells[2], formatNumber(current.norms[l], 3));
    });
  }

  experiment = vanishingExperiment({depth: v.depth, width: v.width, activation: v.vact, init: v.init}, data, LEARNING_RATE);
  w.observeWidth(chart, (width) => {
    chartWidth = Math.min(MAX_WIDTH, width);
    render();
  });
  return root;
}

function ratioText(t: T, when: string, m: GradientMeasurement, lang: Lang): string {
  if (m.ratio === null) return t("noRatio", {when});
  const plain = m.ratio < 0.5 && m.ratio > 0 ? t("ratioPlain", {times: aboutCount(1 / m.ratio, lang)}) : "";
  return t("ratio", {when, first: formatNumber(m.norms[0], 3), last: formatNumber(m.norms[m.norms.length - 1], 3), ratio: formatNumber(m.ratio, 3), plain});
}
