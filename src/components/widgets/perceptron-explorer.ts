/**
 * The perceptron with weights set by hand: sliders for w₁, w₂, b, a gate and an
 * activation; the live diagram and formula, the decision boundary over the input
 * square, and the truth table with every row marked right or wrong.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {liveDecisionBoundary, type LiveBoundary} from "../charts/decision-boundary.js";
import {formatValue, perceptronDiagram} from "../charts/perceptron-diagram.js";
import {texElement, texNumber} from "../course/math.js";
import {urlState, type Schema} from "../course/url-state.js";
import {activationById, activations, type Activation, type ActivationId} from "../nn/activations.js";
import {GATE_IDS, GATE_NAMES, HAND_WEIGHTS, INPUTS, LECTURE_WEIGHT_GATES, truthTable, type GateId} from "../nn/gates.js";
import {weightedSum, type PerceptronWeights} from "../nn/perceptron.js";
import {predictedClass} from "../nn/perceptron-learning.js";
import {gateSelect} from "./perceptron-controls.js";
import {button, element, labelledRange, statusLine} from "../course/dom.js";
import type {WidgetOptions} from "../course/widget.js";

const WEIGHT_RANGE: [number, number] = [-2, 2];
const ACTIVATION_IDS = Object.keys(activations) as ActivationId[];

export const perceptronExplorerSchema = {
  w1: {kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: 0.5},
  w2: {kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: 0.5},
  b: {kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: -0.2},
  gate: {kind: "enum", values: GATE_IDS, default: "and"},
  act: {kind: "enum", values: ACTIVATION_IDS, default: "step"}
} satisfies Schema;

/** How the substituted formula is written: KaTeX source for the eye, plain text for screen readers. */
interface Notation {
  num(x: number, digits: number): string;
  times: string;
  minus: string;
  le: string;
  so: string;
  output(activation: Activation): string;
}
const TEX: Notation = {num: texNumber, times: "\\cdot", minus: "-", le: "\\le", so: "\\;\\Rightarrow\\;", output: () => "\\tau(s)"};
const TEXT: Notation = {num: formatValue, times: "·", minus: "−", le: "≤", so: ", so", output: (a) => `${a.name}(s)`};

/** s = w₁·x₁ + w₂·x₂ + b with the numbers substituted and signs folded in, then the output. */
function substitution(weights: PerceptronWeights, x1: number, x2: number, activation: Activation, n: Notation): string {
  const sign = (w: number, first: boolean) => (first ? (w < 0 ? n.minus : "") : w < 0 ? `${n.minus} ` : "+ ");
  const term = (w: number, x: string, first: boolean) => `${sign(w, first)}${n.num(Math.abs(w), 2)}${x}`;
  const s = weightedSum(weights, x1, x2);
  const sum = `s = ${term(weights.w1, ` ${n.times} ${x1}`, true)} ${term(weights.w2, ` ${n.times} ${x2}`, false)} ${term(weights.b, "", false)} = ${n.num(s, 2)}`;
  if (activation.id === "step") return `${sum} ${s > 0 ? ">" : n.le} 0${n.so} y = ${activation.f(s)}`;
  return `${sum}${n.so} y = ${n.output(activation)} = ${n.num(activation.f(s), 3)}`;
}

export function createPerceptronExplorerWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(perceptronExplorerSchema, options.search, options.signal);
  const init = state.initial;
  const writeUrl = state.write;
  const root = document.createElement("div");
  root.className = "widget perceptron-explorer";

  const gateInput = gateSelect("Gate", GATE_IDS, init.gate as GateId);
  const activationInput = Inputs.select(ACTIVATION_IDS, {label: "Activation", value: init.act as ActivationId, format: (id: ActivationId) => activations[id].name});
  const w1Input = labelledRange(WEIGHT_RANGE, {label: "w₁", value: init.w1, step: 0.01});
  const w2Input = labelledRange(WEIGHT_RANGE, {label: "w₂", value: init.w2, step: 0.01});
  const bInput = labelledRange(WEIGHT_RANGE, {label: "b (bias)", value: init.b, step: 0.01});
  const inputLabels = INPUTS.map(([x1, x2]) => `(${x1}, ${x2})`);
  const rowInput = Inputs.radio(inputLabels, {label: "Input shown in the diagram", value: "(1, 1)"});

  const presets = document.createElement("div");
  presets.className = "perceptron-presets";
  presets.setAttribute("role", "group");
  presets.setAttribute("aria-label", "Hand-set weights: the lecture's for AND, OR and NAND, the site's own for NOR");
  const presetLabel = document.createElement("span");
  presetLabel.textContent = "Lecture's weights: ";
  presets.append(presetLabel);
  let siteOwnLabelled = false;
  for (const gate of GATE_IDS) {
    const weights = HAND_WEIGHTS[gate];
    if (!weights) continue;
    // GATE_IDS lists the lecture's gates first: one label before the first of the site's own.
    if (!LECTURE_WEIGHT_GATES.includes(gate) && !siteOwnLabelled) {
      presets.append(element("span", "", " Site's own, derived the same way: "));
      siteOwnLabelled = true;
    }
    presets.append(
      button(`${GATE_NAMES[gate]} (${formatValue(weights.w1, 1)}, ${formatValue(weights.w2, 1)}, ${formatValue(weights.b, 1)})`, () => {
        gateInput.value = gate;
        w1Input.value = weights.w1;
        w2Input.value = weights.w2;
        bInput.value = weights.b;
        update();
      }, {"data-preset": gate})
    );
  }

  const weights = (): PerceptronWeights => ({w1: w1Input.value, w2: w2Input.value, b: bInput.value});
  const selectedInput = (): [number, number] => INPUTS[Math.max(0, inputLabels.indexOf(rowInput.value))];

  const diagram = perceptronDiagram({...weights(), x1: 1, x2: 1, activation: activationById(activationInput.value)});
  const generalFormula = document.createElement("div");
  const liveFormula = document.createElement("div");
  liveFormula.className = "perceptron-live-formula";
  liveFormula.setAttribute("role", "img");

  const chartHolder = document.createElement("figure");
  chartHolder.className = "perceptron-boundary";
  const caption = document.createElement("figcaption");
  chartHolder.append(caption);
  caption.textContent = "Shaded purple where the perceptron outputs 1, orange where it outputs 0; the dots are the four inputs coloured by the gate's target (purple 1, orange 0); the dashed line is w₁x₁ + w₂x₂ + b = 0.";
  let chart: LiveBoundary | null = null;

  const table = document.createElement("table");
  table.className = "perceptron-truth-table";
  const tableCaption = table.createCaption();
  const headRow = table.createTHead().insertRow();
  const tbody = table.createTBody();
  const bodyRows = INPUTS.map(() => tbody.insertRow());
  const message = statusLine("perceptron-verdict");

  function update(): void {
    const w = weights();
    const gate = gateInput.value;
    const activation = activationById(activationInput.value);
    const [x1, x2] = selectedInput();
    diagram.update({...w, x1, x2, activation});

    if (generalFormula.dataset.activation !== activation.id) {
      generalFormula.dataset.activation = activation.id;
      generalFormula.replaceChildren(
        texElement(activation.id === "step" ? String.raw`y = \begin{cases} 1 & \text{if } w_1x_1 + w_2x_2 + b > 0 \\ 0 & \text{otherwise} \end{cases}` : `y = \\tau(w_1x_1 + w_2x_2 + b), \\quad ${activation.tex}`, true)
      );
    }
    liveFormula.replaceChildren(texElement(substitution(w, x1, x2, activation, TEX), true));
    liveFormula.setAttribute("aria-label", substitution(w, x1, x2, activation, TEXT));

    const rows = truthTable(gate);
    // Sigmoid's output is a probability: shade it graded; the others by the class they give.
    const predict = activation.id === "sigmoid" ? (a: number, b: number) => activation.f(weightedSum(w, a, b)) : (a: number, b: number) => predictedClass(activation, w, a, b);
    const chartOptions = {
      predict,
      points: rows.map((r) => ({x1: r.x1, x2: r.x2, label: r.y})),
      line: w,
      ariaLabel: `Decision boundary of the perceptron for ${GATE_NAMES[gate]}: w₁ = ${formatValue(w.w1)}, w₂ = ${formatValue(w.w2)}, b = ${formatValue(w.b)}`
    };
    if (chart) chart.update(chartOptions);
    else {
      chart = liveDecisionBoundary({...chartOptions, width: 340, height: 340});
      chartHolder.prepend(chart.element);
    }

    const showClass = activation.id !== "step";
    tableCaption.textContent = `Truth table of ${GATE_NAMES[gate]} and the perceptron's output`;
    const head = ["x₁", "x₂", "s", "output y", ...(showClass ? ["class (s > 0)"] : []), "target", "result"];
    fillRow(headRow, "th", head);
    let right = 0;
    rows.forEach((r, i) => {
      const s = weightedSum(w, r.x1, r.x2);
      const y = activation.f(s);
      const cls = predictedClass(activation, w, r.x1, r.x2);
      const ok = cls === r.y;
      if (ok) right++;
      const tr = bodyRows[i];
      fillRow(tr, "td", [String(r.x1), String(r.x2), formatValue(s), formatValue(y, showClass ? 3 : 0), ...(showClass ? [String(cls)] : []), String(r.y), ok ? "✓ right" : "✗ wrong"]);
      tr.lastElementChild!.className = ok ? "ok-text" : "bad-text";
    });
    if (right === 4) {
      message.className = "perceptron-verdict notice ok";
      message.textContent = `All four rows match: this is ${GATE_NAMES[gate]}.`;
    } else {
      message.className = "perceptron-verdict notice";
      message.textContent = `${right} of 4 rows right.${gate === "xor" ? " No w₁, w₂, b get all four rows of XOR right: see “Let it learn” below." : ""}`;
    }
    if (options.syncUrl !== false) writeUrl({w1: w.w1, w2: w.w2, b: w.b, gate, act: activation.id});
  }

  for (const input of [gateInput, activationInput, w1Input, w2Input, bInput, rowInput]) input.addEventListener("input", update);
  update();

  root.append(
    state.notice(),
    element("div", "controls", gateInput, activationInput, w1Input, w2Input, bInput),
    presets,
    rowInput,
    element("div", "row", diagram.element),
    element("div", "", generalFormula, liveFormula),
    element("div", "row", chartHolder, element("div", "", table, message))
  );
  return root;
}

/** Sets a table row's cells to the values, touching only cells whose text changed (cheap on every slider move). */
function fillRow(tr: HTMLTableRowElement, cell: "td" | "th", values: string[]): void {
  while (tr.cells.length > values.length) tr.lastElementChild!.remove();
  while (tr.cells.length < values.length) {
    const c = document.createElement(cell);
    if (cell === "th") c.scope = "col";
    tr.append(c);
  }
  values.forEach((v, i) => {
    if (tr.cells[i].textContent !== v) tr.cells[i].textContent = v;
  });
}
