/**
 * Vanishing gradients, measured: a deep MLP on a small 2-D dataset, with the
 * norm of each layer's weight gradient drawn on a log scale at initialisation
 * and while the network trains (plain gradient descent, full batch).
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {aboutCount, formatNumber} from "../course/format.js";
import {urlState, type Schema} from "../course/url-state.js";
import {button, element, labelledRange} from "../course/dom.js";
import type {ActivationId} from "../nn/activations.js";
import type {InitKind} from "../nn/mlp.js";
import {quadrantDataset, vanishingExperiment, type GradientMeasurement, type VanishingExperiment} from "../nn/vanishing.js";
import type {WidgetOptions} from "../course/widget.js";

const ACTIVATIONS: ActivationId[] = ["sigmoid", "tanh", "relu", "leaky-relu", "elu"];
const ACTIVATION_NAMES: Record<string, string> = {sigmoid: "Sigmoid", tanh: "tanh", relu: "ReLU", "leaky-relu": "Leaky ReLU", elu: "ELU"};
const INITS: InitKind[] = ["small-uniform", "xavier", "he"];
const INIT_NAMES: Record<InitKind, string> = {"small-uniform": "Small uniform (±0.5)", xavier: "Xavier/Glorot", he: "He"};
/** Training stops here; the point is made long before. */
const MAX_EPOCHS = 3000;
/** Milliseconds of training per animation frame, so the tab stays responsive. */
const FRAME_BUDGET = 12;
/** Redraw the chart at most this often while training. */
const REDRAW_MS = 250;

export const vanishingSchema = {
  depth: {kind: "number", min: 2, max: 20, default: 10, integer: true},
  width: {kind: "number", min: 2, max: 64, default: 16, integer: true},
  vact: {kind: "enum", values: ACTIVATIONS, default: "sigmoid"},
  init: {kind: "enum", values: INITS, default: "xavier"}
} satisfies Schema;

export function createVanishingGradientsWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(vanishingSchema, options.search, options.signal);
  const v = {...state.initial};
  const root = element("div", "widget vanishing-gradients");
  const data = quadrantDataset();

  const depthInput = labelledRange([2, 20], {label: "Hidden layers", step: 1, value: v.depth});
  const widthInput = labelledRange([2, 64], {label: "Units per layer", step: 1, value: v.width});
  const actInput = Inputs.select(ACTIVATIONS, {label: "Activation", value: v.vact, format: (id) => ACTIVATION_NAMES[id]});
  const initInput = Inputs.select(INITS, {label: "Initialisation", value: v.init as InitKind, format: (id) => INIT_NAMES[id]});
  const trainButton = button("▶ Train", () => (frame === null ? train() : pause()));
  const resetButton = button("Reset", () => rebuild(), {title: "A fresh network with the same settings"});
  const readout = element("div", "readout");
  readout.setAttribute("role", "status");
  readout.setAttribute("aria-live", "polite");
  const chart = element("figure", "chart");
  const details = element("details", "", element("summary", "", "The norms as a table"));
  const tableHolder = element("div");
  details.append(tableHolder);

  root.append(
    state.notice(),
    element("div", "controls", depthInput, widthInput, actInput, initInput),
    element("div", "buttons", trainButton, resetButton),
    readout,
    chart,
    details
  );

  let experiment: VanishingExperiment;
  let frame: number | null = null;
  let diverged = false;

  function rebuild() {
    pause();
    diverged = false;
    experiment = vanishingExperiment({depth: v.depth, width: v.width, activation: v.vact as ActivationId, init: v.init as InitKind}, data);
    render();
  }

  function train() {
    if (experiment.epochs >= MAX_EPOCHS || diverged) rebuild();
    trainButton.textContent = "❚❚ Pause";
    let lastDraw = performance.now();
    const tick = () => {
      const start = performance.now();
      while (performance.now() - start < FRAME_BUDGET && experiment.epochs < MAX_EPOCHS) {
        const m = experiment.train(1);
        if (!Number.isFinite(m.loss) || !m.norms.every(Number.isFinite)) {
          diverged = true;
          break;
        }
      }
      const done = diverged || experiment.epochs >= MAX_EPOCHS;
      if (done || performance.now() - lastDraw > REDRAW_MS) {
        lastDraw = performance.now();
        render();
      }
      if (done) pause();
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
  }

  function pause() {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
    trainButton.textContent = "▶ Train";
  }
  options.signal?.addEventListener("abort", pause);

  for (const input of [depthInput, widthInput, actInput, initInput]) {
    input.addEventListener("input", () => {
      v.depth = depthInput.value;
      v.width = widthInput.value;
      v.vact = actInput.value;
      v.init = initInput.value;
      if (options.syncUrl !== false) state.write(v);
      rebuild();
    });
  }

  function render() {
    const {initial, current, epochs} = experiment;
    const trained = epochs > 0 && !diverged;
    readout.className = diverged ? "readout notice error" : "readout";
    readout.replaceChildren(
      element("p", "", ratioText("At initialisation", initial)),
      element(
        "p",
        "",
        diverged
          ? `Training diverged after ${epochs} updates (the numbers overflowed); press Reset or pick a smaller network.`
          : trained
            ? `${ratioText(`After ${epochs} updates`, current)} Loss ${formatNumber(initial.loss, 3)} → ${formatNumber(current.loss, 3)}.`
            : `Loss ${formatNumber(initial.loss, 3)}. Press Train to update the weights (plain gradient descent, η = 0.1, ${data.inputs.length} points) and watch the bars.`
      )
    );
    drawChart(initial, trained ? current : null, epochs);
    drawTable(initial, trained ? current : null, epochs);
  }

  function drawChart(initial: GradientMeasurement, current: GradientMeasurement | null, epochs: number) {
    const layers = initial.norms.length;
    const bars = (m: GradientMeasurement, when: string, offset: number) =>
      m.norms.map((norm, l) => ({layer: l + 1, norm, when, x1: l + 1 + offset, x2: l + 1 + offset + (current ? 0.4 : 0.7)}));
    const rows = [...bars(initial, "at initialisation", current ? -0.4 : -0.35), ...(current ? bars(current, `after ${epochs} updates`, 0) : [])];
    const positive = rows.map((r) => r.norm).filter((n) => n > 0);
    const floor = 10 ** Math.floor(Math.log10(Math.min(...positive, 1e-3)) - 0.5);
    const top = 10 ** Math.ceil(Math.log10(Math.max(...positive, floor * 10)));
    // Marks are aria-hidden (Plot's per-mark labels are invalid ARIA); the chart's label and caption carry the content.
    const plot = Plot.plot({
      width: 640,
      height: 320,
      x: {domain: [0.4, layers + 0.6], label: "layer (1 = next to the input)", ticks: Array.from({length: layers}, (_, l) => l + 1), tickFormat: "d"},
      y: {type: "log", domain: [floor, top], label: "gradient norm ‖∂E/∂W‖, E = cross-entropy (log scale)", grid: true, tickFormat: "~e"},
      color: {domain: ["at initialisation", ...(current ? [`after ${epochs} updates`] : [])], range: ["#4575b4", "#d73027"], legend: true},
      marks: [Plot.rectY(rows, {ariaHidden: "true", x1: "x1", x2: "x2", y1: floor, y2: (d: {norm: number}) => Math.max(d.norm, floor), fill: "when"})]
    });
    const m = current ?? initial;
    plot.setAttribute(
      "aria-label",
      `Bar chart, log scale: gradient norm of each of ${layers} weight layers, input side first. ${ACTIVATION_NAMES[v.vact]}, ${v.depth} hidden layers of ${v.width}. First layer ${formatNumber(m.norms[0], 3)}, last layer ${formatNumber(m.norms[layers - 1], 3)}.`
    );
    chart.replaceChildren(plot);
  }

  function drawTable(initial: GradientMeasurement, current: GradientMeasurement | null, epochs: number) {
    const table = element("table");
    table.append(element("thead", "", element("tr", "", element("th", "", "layer"), element("th", "", "at initialisation"), ...(current ? [element("th", "", `after ${epochs} updates`)] : []))));
    const body = element("tbody");
    initial.norms.forEach((n, l) => {
      body.append(element("tr", "", element("td", "", String(l + 1)), element("td", "", formatNumber(n, 3)), ...(current ? [element("td", "", formatNumber(current.norms[l], 3))] : [])));
    });
    table.append(body);
    tableHolder.replaceChildren(table);
  }

  rebuild();
  return root;
}

function ratioText(when: string, m: GradientMeasurement): string {
  if (m.ratio === null) return `${when}: the last layer's gradient is zero, so there is no ratio to show.`;
  const first = `first layer ${formatNumber(m.norms[0], 3)}, last layer ${formatNumber(m.norms[m.norms.length - 1], 3)}`;
  const ratio = `ratio first/last = ${formatNumber(m.ratio, 3)}`;
  const plain = m.ratio < 0.5 && m.ratio > 0 ? ` (the first layer gets ${aboutCount(1 / m.ratio)} times less gradient)` : "";
  return `${when}: ${first}; ${ratio}${plain}.`;
}
