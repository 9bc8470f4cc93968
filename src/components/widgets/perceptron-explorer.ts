/**
 * The perceptron with weights set by hand: sliders for w₁, w₂, b, a gate and an
 * activation; the live diagram and formula, the decision boundary over the input
 * square, and the truth table with every row marked right or wrong.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {liveDecisionBoundary, type LiveBoundary} from "../charts/decision-boundary.js";
import {perceptronDiagram} from "../charts/perceptron-diagram.js";
import {PALETTE} from "../charts/palette.js";
import {button, element, labelledRange, scrollBox, setText, sideBySide, statusLine} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import {texAround, texElement, texNumber} from "../course/math.js";
import {computedGate} from "../course/perceptron-exercise.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {activationById, activations, type Activation, type ActivationId} from "../nn/activations.js";
import {GATE_IDS, GATE_NAMES, HAND_WEIGHTS, INPUTS, LECTURE_WEIGHT_GATES, truthTable, type GateId} from "../nn/gates.js";
import {weightedSum, type PerceptronWeights} from "../nn/perceptron.js";
import {predictedClass} from "../nn/perceptron-learning.js";
import {activationMessages, gateSelect} from "./perceptron-controls.js";

const WEIGHT_RANGE: [number, number] = [-2, 2];
const ACTIVATION_IDS = Object.keys(activations) as ActivationId[];
/** Widest the boundary chart is drawn. */
const CHART_MAX = 340;

export const perceptronExplorerSchema = {
  w1: {kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: 0.5},
  w2: {kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: 0.5},
  b: {kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: -0.2},
  gate: {kind: "enum", values: GATE_IDS, default: "and"},
  act: {kind: "enum", values: ACTIVATION_IDS, default: "step"}
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  gate: "Gate",
  activation: "Activation",
  ...activationMessages,
  bias: "b (bias)",
  input: "Input shown in the diagram",
  presets: "Lecture's weights: ",
  presetsLabel: "Hand-set weights: the lecture's for AND, OR and NAND, the site's own for NOR",
  siteOwn: " Site's own, derived the same way: ",
  "diagram.bias": "bias",
  "diagram.sum": "weighted sum s",
  "diagram.output": "output y",
  "diagram.title": "Perceptron with inputs x₁ = {x1}, x₂ = {x2}, weights w₁ = {w1}, w₂ = {w2}, bias b = {b}: weighted sum s = {s}, {activation} activation, output y = {y}.",
  /** Around the step's condition (a formula), e.g. "if {condition}". */
  when: "if {condition}",
  otherwise: "otherwise",
  so: ", so",
  chartCaption: "Shaded {one} where the perceptron outputs 1, {zero} where it outputs 0; the dots are the four inputs coloured by the gate's target ({one} 1, {zero} 0); the dashed line is w₁x₁ + w₂x₂ + b = 0.",
  chartLabel: "Decision boundary of the perceptron for {gate}: w₁ = {w1}, w₂ = {w2}, b = {b}",
  tableCaption: "Truth table of {gate} and the perceptron's output",
  "head.output": "output y",
  "head.class": "class (s > 0)",
  "head.target": "target",
  "head.result": "result",
  right: "✓ right",
  wrong: "✗ wrong",
  match: "All four rows match: this is {gate}.",
  count: "{right} of 4 rows right.",
  xorHint: " No w₁, w₂, b get all four rows of XOR right: see “Let it learn” below.",
  "colour.vermillion": "vermillion",
  "colour.blue": "blue"
} satisfies Messages;

type Key = keyof typeof messages;

/** The explorer's settings and what the perceptron computes with them. */
export interface PerceptronExplorerValue {
  w1: number;
  w2: number;
  b: number;
  /** The gate whose truth table the rows are compared with. */
  gate: GateId;
  act: ActivationId;
  /** The input (x₁, x₂) drawn in the diagram. */
  input: [number, number];
  /** Rows of the chosen gate the perceptron gets right (by its class, s > 0), 0 to 4. */
  right: number;
  /** The lecture's gate these weights compute (by the class s > 0), or null when they compute none of them. */
  computes: GateId | null;
}

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

/** s = w₁·x₁ + w₂·x₂ + b with the numbers substituted and signs folded in, then the output. */
function substitution(weights: PerceptronWeights, x1: number, x2: number, activation: Activation, n: Notation): string {
  const sign = (w: number, first: boolean) => (first ? (w < 0 ? n.minus : "") : w < 0 ? `${n.minus} ` : "+ ");
  const term = (w: number, x: string, first: boolean) => `${sign(w, first)}${n.num(Math.abs(w), 2)}${x}`;
  const s = weightedSum(weights, x1, x2);
  const sum = `s = ${term(weights.w1, ` ${n.times} ${x1}`, true)} ${term(weights.w2, ` ${n.times} ${x2}`, false)} ${term(weights.b, "", false)} = ${n.num(s, 2)}`;
  if (activation.id === "step") return `${sum} ${s > 0 ? ">" : n.le} 0${n.so} y = ${activation.f(s)}`;
  return `${sum}${n.so} y = ${n.output(activation)} = ${n.num(activation.f(s), 3)}`;
}

export function createPerceptronExplorerWidget(options: WidgetOptions = {}): WidgetElement<PerceptronExplorerValue> {
  const w = createWidget({id: "perceptron", className: "perceptron-explorer", schema: perceptronExplorerSchema, messages, value: {} as PerceptronExplorerValue}, options);
  const {t, root} = w;
  const init = w.initial;
  const actName = (a: Activation) => t(`act.${a.id}` as Key);
  const text: Notation = {num: formatFixed, times: "·", minus: "−", le: "≤", so: t("so"), output: (a) => `${actName(a)}(s)`};

  const gateInput = gateSelect(t("gate"), GATE_IDS, init.gate as GateId);
  const activationInput = Inputs.select(ACTIVATION_IDS, {label: t("activation"), value: init.act as ActivationId, format: (id: ActivationId) => t(`act.${id}` as Key)});
  const w1Input = labelledRange(WEIGHT_RANGE, {label: "w₁", value: init.w1, step: 0.01});
  const w2Input = labelledRange(WEIGHT_RANGE, {label: "w₂", value: init.w2, step: 0.01});
  const bInput = labelledRange(WEIGHT_RANGE, {label: t("bias"), value: init.b, step: 0.01});
  const inputLabels = INPUTS.map(([x1, x2]) => `(${x1}, ${x2})`);
  const rowInput = Inputs.radio(inputLabels, {label: t("input"), value: "(1, 1)"});

  const presets = element("div", "perceptron-presets", element("span", "", t("presets")));
  presets.setAttribute("role", "group");
  presets.setAttribute("aria-label", t("presetsLabel"));
  let siteOwnLabelled = false;
  for (const gate of GATE_IDS) {
    const weights = HAND_WEIGHTS[gate];
    if (!weights) continue;
    // GATE_IDS lists the lecture's gates first: one label before the first of the site's own.
    if (!LECTURE_WEIGHT_GATES.includes(gate) && !siteOwnLabelled) {
      presets.append(element("span", "", t("siteOwn")));
      siteOwnLabelled = true;
    }
    const label = `${GATE_NAMES[gate]} (${formatFixed(weights.w1, 1)}, ${formatFixed(weights.w2, 1)}, ${formatFixed(weights.b, 1)})`;
    presets.append(
      button(label, () => {
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

  const diagram = perceptronDiagram({...weights(), x1: 1, x2: 1, activation: activationById(activationInput.value)}, {
    bias: t("diagram.bias"),
    sum: t("diagram.sum"),
    output: t("diagram.output"),
    activationName: actName,
    title: (numbers) => t("diagram.title", numbers)
  });
  const generalFormula = element("div");
  const liveFormula = element("div", "perceptron-live-formula");
  liveFormula.setAttribute("role", "img");

  const colour = (k: 0 | 1) => t(`colour.${PALETTE.classNames[k]}` as Key);
  const chartHolder = element("figure", "perceptron-boundary", element("figcaption", "", t("chartCaption", {one: colour(1), zero: colour(0)})));
  let chart: LiveBoundary | null = null;
  let chartSize = CHART_MAX;

  const table = element("table", "perceptron-truth-table");
  const tableCaption = table.createCaption();
  const headRow = table.createTHead().insertRow();
  const tbody = table.createTBody();
  const bodyRows = INPUTS.map(() => tbody.insertRow());
  const message = statusLine("perceptron-verdict");

  function update(): void {
    const weightsNow = weights();
    const gate = gateInput.value;
    const activation = activationById(activationInput.value);
    const [x1, x2] = selectedInput();
    diagram.update({...weightsNow, x1, x2, activation});

    if (generalFormula.dataset.activation !== activation.id) {
      generalFormula.dataset.activation = activation.id;
      generalFormula.replaceChildren(
        texElement(
          activation.id === "step"
            ? String.raw`y = \begin{cases} 1 & ${texAround(t("when"), String.raw`w_1x_1 + w_2x_2 + b > 0`)} \\ 0 & \text{${t("otherwise")}} \end{cases}`
            : `y = \\tau(w_1x_1 + w_2x_2 + b), \\quad ${activation.tex}`,
          true
        )
      );
    }
    liveFormula.replaceChildren(texElement(substitution(weightsNow, x1, x2, activation, TEX), true));
    liveFormula.setAttribute("aria-label", substitution(weightsNow, x1, x2, activation, text));

    const rows = truthTable(gate);
    const classOf = (a: number, b: number) => predictedClass(activation, weightsNow, a, b);
    // Sigmoid's output is a probability: shade it graded; the others by the class they give.
    const predict = activation.id === "sigmoid" ? (a: number, b: number) => activation.f(weightedSum(weightsNow, a, b)) : classOf;
    const chartOptions = {
      predict,
      points: rows.map((r) => ({x1: r.x1, x2: r.x2, label: r.y})),
      line: weightsNow,
      width: chartSize,
      height: chartSize,
      ariaLabel: t("chartLabel", {gate: GATE_NAMES[gate], w1: formatFixed(weightsNow.w1, 2), w2: formatFixed(weightsNow.w2, 2), b: formatFixed(weightsNow.b, 2)})
    };
    if (chart) chart.update(chartOptions);
    else {
      chart = liveDecisionBoundary(chartOptions);
      chartHolder.prepend(chart.element);
    }

    const showClass = activation.id !== "step";
    tableCaption.textContent = t("tableCaption", {gate: GATE_NAMES[gate]});
    const head = ["x₁", "x₂", "s", t("head.output"), ...(showClass ? [t("head.class")] : []), t("head.target"), t("head.result")];
    fillRow(headRow, "th", head);
    let right = 0;
    rows.forEach((r, i) => {
      const s = weightedSum(weightsNow, r.x1, r.x2);
      const y = activation.f(s);
      const cls = classOf(r.x1, r.x2);
      const ok = cls === r.y;
      if (ok) right++;
      const tr = bodyRows[i];
      fillRow(tr, "td", [String(r.x1), String(r.x2), formatFixed(s, 2), formatFixed(y, showClass ? 3 : 0), ...(showClass ? [String(cls)] : []), String(r.y), t(ok ? "right" : "wrong")]);
      tr.lastElementChild!.className = ok ? "ok-text" : "bad-text";
    });
    if (right === 4) {
      message.className = "perceptron-verdict notice ok";
      message.textContent = t("match", {gate: GATE_NAMES[gate]});
    } else {
      message.className = "perceptron-verdict notice";
      message.textContent = t("count", {right}) + (gate === "xor" ? t("xorHint") : "");
    }
    const settings = {...weightsNow, gate, act: activation.id};
    w.write(settings);
    w.publish({...settings, input: [x1, x2], right, computes: computedGate(classOf)});
  }

  for (const input of [gateInput, activationInput, w1Input, w2Input, bInput, rowInput]) input.addEventListener("input", update);

  root.append(
    w.notice,
    sideBySide(
      [element("div", "controls", gateInput, activationInput, w1Input, w2Input, bInput), presets, rowInput],
      [diagram.element, scrollBox(generalFormula, liveFormula), chartHolder, scrollBox(table), message]
    )
  );
  update();
  // A new width redraws the chart only: the value has not changed.
  w.observeWidth(chartHolder, (width) => {
    chartSize = Math.min(CHART_MAX, width);
    chart!.update({width: chartSize, height: chartSize});
  });
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
  values.forEach((v, i) => setText(tr.cells[i], v));
}
