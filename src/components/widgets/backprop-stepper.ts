/**
 * Backpropagation with real numbers on the lecture's 2-2-1 sigmoid network:
 * editable weights and one training example, the forward pass, then the
 * backward pass one factor at a time (highlighted on the drawing, formula with
 * the numbers substituted, value), the update w ← w − η·∂E/∂w with the new
 * loss, and a finite-difference check of every gradient.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {networkDiagram} from "../charts/network-diagram.js";
import {texElement} from "../course/math.js";
import type {Schema} from "../course/url-state.js";
import {
  backpropSteps,
  DEFAULT_EXAMPLE,
  DEFAULT_PARAMETERS,
  finiteDifferences,
  forwardPass,
  gradientsOf,
  loss,
  num,
  PARAMETER_NAMES,
  toEngineLayout,
  update,
  type BackpropStep,
  type Example,
  type ParameterName,
  type TinyParameters
} from "../nn/backprop-steps.js";
import {button, element, scrollBox, sideBySide, statusLine} from "../course/dom.js";
import {formatFixed, formatNumber} from "../course/format.js";
import type {Messages, Translate} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";

const WEIGHT_RANGE: [number, number] = [-5, 5];
const parameter = (value: number) => ({kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: value}) as const;
/** Factors in the backward pass (the step-through's length). */
const STEP_COUNT = backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE).length;
/** Widest the network drawing gets. */
const DIAGRAM_WIDTH = 440;

export const backpropStepperSchema = {
  v11: parameter(DEFAULT_PARAMETERS.v11),
  v21: parameter(DEFAULT_PARAMETERS.v21),
  v12: parameter(DEFAULT_PARAMETERS.v12),
  v22: parameter(DEFAULT_PARAMETERS.v22),
  b1: parameter(DEFAULT_PARAMETERS.b1),
  b2: parameter(DEFAULT_PARAMETERS.b2),
  w1: parameter(DEFAULT_PARAMETERS.w1),
  w2: parameter(DEFAULT_PARAMETERS.w2),
  c: parameter(DEFAULT_PARAMETERS.c),
  x1: {kind: "number", min: -2, max: 2, default: DEFAULT_EXAMPLE.x1},
  x2: {kind: "number", min: -2, max: 2, default: DEFAULT_EXAMPLE.x2},
  t: {kind: "number", min: 0, max: 1, default: DEFAULT_EXAMPLE.t},
  eta: {kind: "number", min: 0.01, max: 10, default: 1},
  step: {kind: "number", min: 0, max: STEP_COUNT, integer: true, default: 0}
} satisfies Schema;

type FieldName = ParameterName | "x1" | "x2" | "t" | "eta";

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  "label.v11": "v₁₁ (x₁ → a₁)",
  "label.v21": "v₂₁ (x₂ → a₁)",
  "label.v12": "v₁₂ (x₁ → a₂)",
  "label.v22": "v₂₂ (x₂ → a₂)",
  "label.b1": "b₁ (bias of a₁)",
  "label.b2": "b₂ (bias of a₂)",
  "label.w1": "w₁ (a₁ → y)",
  "label.w2": "w₂ (a₂ → y)",
  "label.c": "c (bias of y)",
  "label.x1": "input x₁",
  "label.x2": "input x₂",
  "label.t": "target t",
  "label.eta": "learning rate η",
  "kind.local": "local gradient: the derivative of one unit on its own",
  "kind.chain": "chain rule: upstream gradient × local gradient",
  "kind.gradient": "gradient of a weight: upstream gradient × local gradient",
  "short.local": "local",
  "short.chain": "upstream × local",
  "short.gradient": "weight gradient",
  inputError: "{label} must be a number from {min} to {max}; still using {value}.",
  previous: "◀ Previous factor",
  next: "Next factor ▶",
  all: "Show all factors",
  restart: "Start over",
  apply: "Apply the update (one training step)",
  check: "Check with finite differences",
  backwardHeading: "Backward pass, one factor at a time",
  forwardHeading: "Forward pass",
  forwardNote: " (τ is the sigmoid)",
  diagramLabel: "The 2-2-1 network with x₁ = {x1}, x₂ = {x2}: a₁ = {a1}, a₂ = {a2}, y = {y}.",
  diagramHighlight: " Highlighted: the part of the network that {id} belongs to.",
  counterStart: "Factor 0 of {n}: press \"Next factor\" to start at the output.",
  counter: "Factor {k} of {n}",
  closedForm: "In the lecture's closed form: ",
  agree: "All {n} gradients agree with finite differences: the largest difference is {worst} (h = 10⁻⁵).",
  disagree: "Disagreement: the largest difference is {worst}.",
  fdCaption: "Analytic gradient (backpropagation) against (E(p + h) − E(p − h)) / 2h",
  "fd.parameter": "parameter p",
  "fd.analytic": "backpropagation ∂E/∂p",
  "fd.numeric": "finite difference",
  "fd.difference": "difference",
  updateHeading: "The update",
  updateCaption: "The update p ← p − η·∂E/∂p with η = {eta}",
  "update.now": "now",
  "update.after": "after the update",
  falls: "The loss falls from {before} to {after}.",
  rises: "The loss rises from {before} to {after}: η is too large for this step."
} satisfies Messages;

type T = Translate<typeof messages>;

/** Each field's symbol, as the tables print it. */
const SYMBOLS: Record<FieldName, string> = {v11: "v₁₁", v21: "v₂₁", v12: "v₁₂", v22: "v₂₂", b1: "b₁", b2: "b₂", w1: "w₁", w2: "w₂", c: "c", x1: "x₁", x2: "x₂", t: "t", eta: "η"};

const NODE_NAMES = [["x₁", "x₂"], ["a₁", "a₂"], ["y"]];

export interface BackpropValue {
  parameters: TinyParameters;
  example: Example;
  eta: number;
  /** Factors of the backward pass shown so far (0 … 18). */
  step: number;
  /** The network's output and loss for the example. */
  y: number;
  loss: number;
  /** The factor shown last, null before the first. */
  factor: {id: string; value: number} | null;
}

export function createBackpropStepperWidget(options: WidgetOptions = {}): WidgetElement<BackpropValue> {
  const w = createWidget({id: "backprop", className: "backprop-stepper", schema: backpropStepperSchema, messages, value: {} as BackpropValue}, options);
  const {t, root} = w;
  const fields = {} as Record<FieldName, Inputs.InputElement<number>>;
  const current = {} as Record<FieldName, number>;
  for (const name of [...PARAMETER_NAMES, "x1", "x2", "t", "eta"] as FieldName[]) {
    const spec = backpropStepperSchema[name];
    current[name] = w.initial[name];
    fields[name] = Inputs.number([spec.min, spec.max], {label: t(`label.${name}`), value: w.initial[name], step: 0.01});
  }
  let stepIndex = w.initial.step;
  let diagramWidth = DIAGRAM_WIDTH;

  const inputError = element("p", "bad-text backprop-input-error");
  inputError.setAttribute("role", "alert");
  const diagram = element("div", "backprop-diagram");
  const forwardBox = element("div", "backprop-forward");
  const counter = element("p", "backprop-counter");
  const currentBox = element("div", "backprop-current");
  currentBox.setAttribute("aria-live", "polite");
  const list = element("ol", "backprop-steps");
  const updateBox = element("div", "backprop-update");
  const checkBox = element("div", "backprop-check");
  const checkStatus = statusLine("widget-status backprop-check-status");

  const previous = button(t("previous"), () => go(stepIndex - 1));
  const next = button(t("next"), () => go(stepIndex + 1), {class: "backprop-next"});
  const all = button(t("all"), () => go(STEP_COUNT));
  const restart = button(t("restart"), () => go(0));
  const apply = button(t("apply"), applyUpdate, {class: "backprop-apply"});
  const check = button(t("check"), runCheck, {class: "backprop-check-button"});

  root.append(
    w.notice,
    sideBySide(
      [element("div", "controls", element("div", "", fields.v11, fields.v21, fields.b1), element("div", "", fields.v12, fields.v22, fields.b2), element("div", "", fields.w1, fields.w2, fields.c), element("div", "", fields.x1, fields.x2, fields.t, fields.eta)), inputError],
      [diagram]
    ),
    forwardBox,
    element("h3", "", t("backwardHeading")),
    element("div", "controls", previous, next, all, restart),
    counter,
    currentBox,
    list,
    updateBox,
    element("div", "controls", check),
    checkStatus,
    checkBox
  );

  const parameters = (): TinyParameters => Object.fromEntries(PARAMETER_NAMES.map((n) => [n, current[n]])) as TinyParameters;
  const example = (): Example => ({x1: current.x1, x2: current.x2, t: current.t});

  function go(index: number): void {
    stepIndex = Math.max(0, Math.min(STEP_COUNT, index));
    render();
  }

  function applyUpdate(): void {
    const p = parameters();
    const next = update(p, gradientsOf(backpropSteps(p, example())), current.eta);
    for (const name of PARAMETER_NAMES) {
      current[name] = Math.max(WEIGHT_RANGE[0], Math.min(WEIGHT_RANGE[1], next[name]));
      fields[name].value = Number(current[name].toFixed(6));
    }
    stepIndex = 0;
    clearCheck();
    render();
  }

  function runCheck(): void {
    const p = parameters();
    const rows = finiteDifferences(p, example(), gradientsOf(backpropSteps(p, example())));
    const worst = Math.max(...rows.map((r) => r.difference));
    const agree = worst < 1e-8;
    checkStatus.className = `widget-status backprop-check-status ${agree ? "ok-text" : "bad-text"}`;
    checkStatus.textContent = agree ? t("agree", {n: rows.length, worst: formatNumber(worst, 2)}) : t("disagree", {worst: formatNumber(worst, 2)});
    const table = element("table", "backprop-fd");
    table.append(
      element("caption", "", t("fdCaption")),
      headRow([t("fd.parameter"), t("fd.analytic"), t("fd.numeric"), t("fd.difference")]),
      element("tbody", "", ...rows.map((r) => element("tr", "", element("td", "", SYMBOLS[r.parameter]), element("td", "", formatFixed(r.analytic, 8)), element("td", "", formatFixed(r.numeric, 8)), element("td", "", formatNumber(r.difference, 2)))))
    );
    checkBox.replaceChildren(scrollBox(table));
  }

  function clearCheck(): void {
    checkStatus.textContent = "";
    checkBox.replaceChildren();
  }

  function drawDiagram(p: TinyParameters, f: ReturnType<typeof forwardPass>, shown: BackpropStep | undefined): void {
    const {weights, biases} = toEngineLayout(p);
    const label = t("diagramLabel", {x1: formatFixed(f.x[0], 2), x2: formatFixed(f.x[1], 2), a1: formatFixed(f.a[0], 4), a2: formatFixed(f.a[1], 4), y: formatFixed(f.y, 4)});
    diagram.replaceChildren(
      networkDiagram({
        sizes: [2, 2, 1],
        weights,
        biases,
        values: [f.x, f.a, [f.y]],
        nodeName: (l, i) => NODE_NAMES[l][i],
        edgeLabels: true,
        digits: 2,
        valueDigits: 3,
        highlight: shown?.highlight,
        width: diagramWidth,
        lang: w.lang,
        ariaLabel: label + (shown ? t("diagramHighlight", {id: shown.id}) : "")
      })
    );
  }

  function render(): void {
    const p = parameters();
    const ex = example();
    const f = forwardPass(p, ex);
    const steps = backpropSteps(p, ex);
    const shown = steps[stepIndex - 1];

    drawDiagram(p, f, shown);
    forwardBox.replaceChildren(
      element("p", "", element("strong", "", t("forwardHeading")), t("forwardNote")),
      scrollBox(
      texElement(String.raw`g_1 = v_{11}x_1 + v_{21}x_2 + b_1 = ${num(p.v11)}\cdot${num(f.x[0])} + ${num(p.v21)}\cdot${num(f.x[1])} + ${num(p.b1)} = ${num(f.g[0], 4, false)}`, true),
      texElement(String.raw`a_1 = \tau(g_1) = ${num(f.a[0], 4, false)}`, true),
      texElement(String.raw`g_2 = v_{12}x_1 + v_{22}x_2 + b_2 = ${num(p.v12)}\cdot${num(f.x[0])} + ${num(p.v22)}\cdot${num(f.x[1])} + ${num(p.b2)} = ${num(f.g[1], 4, false)}`, true),
      texElement(String.raw`a_2 = \tau(g_2) = ${num(f.a[1], 4, false)}`, true),
      texElement(String.raw`h = w_1 a_1 + w_2 a_2 + c = ${num(p.w1)}\cdot${num(f.a[0])} + ${num(p.w2)}\cdot${num(f.a[1])} + ${num(p.c)} = ${num(f.h, 4, false)}`, true),
      texElement(String.raw`y = \tau(h) = ${num(f.y, 4, false)}, \qquad E = \tfrac12 (y - t)^2 = \tfrac12(${num(f.y, 4, false)} - ${num(f.t, 4, false)})^2 = ${num(f.E, 6, false)}`, true)
      )
    );

    counter.textContent = stepIndex === 0 ? t("counterStart", {n: STEP_COUNT}) : t("counter", {k: stepIndex, n: STEP_COUNT});
    counter.dataset.step = String(stepIndex);
    previous.disabled = stepIndex === 0;
    next.disabled = stepIndex === STEP_COUNT;
    currentBox.replaceChildren(...(shown ? stepDetail(shown, t) : []));

    list.replaceChildren(
      ...steps.slice(0, stepIndex).map((s, k) => {
        const item = element("li", k === stepIndex - 1 ? "current" : "", texElement(`${s.symbol} = ${num(s.value, 6, false)}`), element("span", "muted", `  ${t(`short.${s.kind}`)}`));
        item.dataset.id = s.id;
        return item;
      })
    );

    updateBox.replaceChildren(...(stepIndex === STEP_COUNT ? updateSection(p, ex, steps, current.eta, apply, t) : []));
    w.write({...current, step: stepIndex});
    w.publish({parameters: p, example: ex, eta: current.eta, step: stepIndex, y: f.y, loss: f.E, factor: shown ? {id: shown.id, value: shown.value} : null});
  }

  for (const name of Object.keys(fields) as FieldName[]) {
    // Listen on the number box itself: Inputs swallows the events of invalid entries, and those need a message.
    const box = fields[name].querySelector("input")!;
    box.addEventListener("input", () => {
      const value = box.value.trim() === "" ? NaN : box.valueAsNumber;
      const spec = backpropStepperSchema[name];
      if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
        inputError.textContent = t("inputError", {label: t(`label.${name}`), min: spec.min, max: spec.max, value: current[name]});
        return;
      }
      inputError.textContent = "";
      current[name] = value;
      clearCheck();
      render();
    });
  }
  render();
  w.observeWidth(diagram, (width) => {
    diagramWidth = Math.min(DIAGRAM_WIDTH, width);
    const p = parameters();
    drawDiagram(p, forwardPass(p, example()), backpropSteps(p, example())[stepIndex - 1]);
  });
  return root;
}

function headRow(headers: string[]): HTMLElement {
  return element("thead", "", element("tr", "", ...headers.map((h) => Object.assign(element("th", "", h), {scope: "col"}))));
}

function stepDetail(step: BackpropStep, t: T): Node[] {
  const nodes: Node[] = [element("p", "backprop-kind", t(`kind.${step.kind}`)), scrollBox(texElement(`${step.symbol} = ${step.formula} = ${step.substituted} = ${num(step.value, 6, false)}`, true))];
  if (step.closedForm) nodes.push(element("p", "", t("closedForm"), texElement(`${step.symbol} = ${step.closedForm}`)));
  return nodes;
}

function updateSection(p: TinyParameters, ex: Example, steps: BackpropStep[], eta: number, apply: HTMLButtonElement, t: T): Node[] {
  const grads = gradientsOf(steps);
  const next = update(p, grads, eta);
  const before = loss(p, ex);
  const after = loss(next, ex);
  const table = element("table", "backprop-update-table");
  table.append(
    element("caption", "", t("updateCaption", {eta: formatFixed(eta, 2)})),
    headRow(["p", t("update.now"), "∂E/∂p", t("update.after")]),
    element("tbody", "", ...PARAMETER_NAMES.map((n) => element("tr", "", element("td", "", SYMBOLS[n]), element("td", "", formatFixed(p[n], 4)), element("td", "", formatFixed(grads[n], 6)), element("td", "", formatFixed(next[n], 4)))))
  );
  const numbers = {before: formatFixed(before, 6), after: formatFixed(after, 6)};
  const summary = element("p", after < before ? "ok-text backprop-new-loss" : "bad-text backprop-new-loss", t(after < before ? "falls" : "rises", numbers));
  return [
    element("h3", "", t("updateHeading")),
    scrollBox(texElement(String.raw`w_j \leftarrow w_j - \eta\,\frac{\partial E}{\partial w_j}, \qquad v_{ij} \leftarrow v_{ij} - \eta\,\frac{\partial E}{\partial v_{ij}}`, true)),
    scrollBox(table),
    summary,
    apply
  ];
}
