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
import {urlState, type Schema} from "../course/url-state.js";
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
import {button, element, statusLine} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import type {WidgetOptions} from "../course/widget.js";

const WEIGHT_RANGE: [number, number] = [-5, 5];
const parameter = (value: number) => ({kind: "number", min: WEIGHT_RANGE[0], max: WEIGHT_RANGE[1], default: value}) as const;
/** Factors in the backward pass (the step-through's length). */
const STEP_COUNT = backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE).length;

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

const LABELS: Record<FieldName, string> = {
  v11: "v₁₁ (x₁ → a₁)",
  v21: "v₂₁ (x₂ → a₁)",
  v12: "v₁₂ (x₁ → a₂)",
  v22: "v₂₂ (x₂ → a₂)",
  b1: "b₁ (bias of a₁)",
  b2: "b₂ (bias of a₂)",
  w1: "w₁ (a₁ → y)",
  w2: "w₂ (a₂ → y)",
  c: "c (bias of y)",
  x1: "input x₁",
  x2: "input x₂",
  t: "target t",
  eta: "learning rate η"
};

const KIND_NAMES: Record<BackpropStep["kind"], string> = {
  local: "local gradient: the derivative of one unit on its own",
  chain: "chain rule: upstream gradient × local gradient",
  gradient: "gradient of a weight: upstream gradient × local gradient"
};

const NODE_NAMES = [["x₁", "x₂"], ["a₁", "a₂"], ["y"]];

export function createBackpropStepperWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(backpropStepperSchema, options.search, options.signal);
  const fields = {} as Record<FieldName, Inputs.InputElement<number>>;
  const current = {} as Record<FieldName, number>;
  for (const name of [...PARAMETER_NAMES, "x1", "x2", "t", "eta"] as FieldName[]) {
    const spec = backpropStepperSchema[name];
    current[name] = state.initial[name];
    fields[name] = Inputs.number([spec.min, spec.max], {label: LABELS[name], value: state.initial[name], step: 0.01});
  }
  let stepIndex = state.initial.step;

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

  const previous = button("◀ Previous factor", () => go(stepIndex - 1));
  const next = button("Next factor ▶", () => go(stepIndex + 1), {class: "backprop-next"});
  const all = button("Show all factors", () => go(STEP_COUNT));
  const restart = button("Start over", () => go(0));
  const apply = button("Apply the update (one training step)", applyUpdate, {class: "backprop-apply"});
  const check = button("Check with finite differences", runCheck, {class: "backprop-check-button"});

  const root = element(
    "div",
    "widget backprop-stepper",
    state.notice(),
    element("div", "controls", element("div", "", fields.v11, fields.v21, fields.b1), element("div", "", fields.v12, fields.v22, fields.b2), element("div", "", fields.w1, fields.w2, fields.c), element("div", "", fields.x1, fields.x2, fields.t, fields.eta)),
    inputError,
    element("div", "row", diagram, forwardBox),
    element("h3", "", "Backward pass, one factor at a time"),
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
    checkStatus.textContent = agree
      ? `All ${rows.length} gradients agree with finite differences: the largest difference is ${worst.toExponential(1)} (h = 10⁻⁵).`
      : `Disagreement: the largest difference is ${worst.toExponential(1)}.`;
    const table = element("table", "backprop-fd");
    table.append(
      element("caption", "", "Analytic gradient (backpropagation) against (E(p + h) − E(p − h)) / 2h"),
      element("thead", "", element("tr", "", ...["parameter p", "backpropagation ∂E/∂p", "finite difference", "difference"].map((h) => Object.assign(element("th", "", h), {scope: "col"})))),
      element("tbody", "", ...rows.map((r) => element("tr", "", element("td", "", LABELS[r.parameter].split(" ")[0]), element("td", "", formatFixed(r.analytic, 8)), element("td", "", formatFixed(r.numeric, 8)), element("td", "", r.difference.toExponential(1)))))
    );
    checkBox.replaceChildren(table);
  }

  function clearCheck(): void {
    checkStatus.textContent = "";
    checkBox.replaceChildren();
  }

  function render(): void {
    const p = parameters();
    const ex = example();
    const f = forwardPass(p, ex);
    const steps = backpropSteps(p, ex);
    const shown = steps[stepIndex - 1];
    const {weights, biases} = toEngineLayout(p);

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
        width: 440,
        ariaLabel: `The 2-2-1 network with x₁ = ${formatFixed(f.x[0], 2)}, x₂ = ${formatFixed(f.x[1], 2)}: a₁ = ${formatFixed(f.a[0], 4)}, a₂ = ${formatFixed(f.a[1], 4)}, y = ${formatFixed(f.y, 4)}.${shown ? ` Highlighted: the part of the network that ${shown.id} belongs to.` : ""}`
      })
    );
    forwardBox.replaceChildren(
      element("p", "", element("strong", "", "Forward pass"), " (τ is the sigmoid)"),
      texElement(String.raw`g_1 = v_{11}x_1 + v_{21}x_2 + b_1 = ${num(p.v11)}\cdot${num(f.x[0])} + ${num(p.v21)}\cdot${num(f.x[1])} + ${num(p.b1)} = ${num(f.g[0], 4, false)}`, true),
      texElement(String.raw`a_1 = \tau(g_1) = ${num(f.a[0], 4, false)}`, true),
      texElement(String.raw`g_2 = v_{12}x_1 + v_{22}x_2 + b_2 = ${num(p.v12)}\cdot${num(f.x[0])} + ${num(p.v22)}\cdot${num(f.x[1])} + ${num(p.b2)} = ${num(f.g[1], 4, false)}`, true),
      texElement(String.raw`a_2 = \tau(g_2) = ${num(f.a[1], 4, false)}`, true),
      texElement(String.raw`h = w_1 a_1 + w_2 a_2 + c = ${num(p.w1)}\cdot${num(f.a[0])} + ${num(p.w2)}\cdot${num(f.a[1])} + ${num(p.c)} = ${num(f.h, 4, false)}`, true),
      texElement(String.raw`y = \tau(h) = ${num(f.y, 4, false)}, \qquad E = \tfrac12 (y - t)^2 = \tfrac12(${num(f.y, 4, false)} - ${num(f.t, 4, false)})^2 = ${num(f.E, 6, false)}`, true)
    );

    counter.textContent = stepIndex === 0 ? `Factor 0 of ${STEP_COUNT}: press "Next factor" to start at the output.` : `Factor ${stepIndex} of ${STEP_COUNT}`;
    counter.dataset.step = String(stepIndex);
    previous.disabled = stepIndex === 0;
    next.disabled = stepIndex === STEP_COUNT;
    currentBox.replaceChildren(...(shown ? stepDetail(shown) : []));

    list.replaceChildren(
      ...steps.slice(0, stepIndex).map((s, k) => {
        const item = element("li", k === stepIndex - 1 ? "current" : "", texElement(`${s.symbol} = ${num(s.value, 6, false)}`), element("span", "muted", s.kind === "local" ? "  local" : s.kind === "chain" ? "  upstream × local" : "  weight gradient"));
        item.dataset.id = s.id;
        return item;
      })
    );

    updateBox.replaceChildren(...(stepIndex === STEP_COUNT ? updateSection(p, ex, steps, current.eta, apply) : []));
    if (options.syncUrl !== false) state.write({...current, step: stepIndex});
  }

  for (const name of Object.keys(fields) as FieldName[]) {
    // Listen on the number box itself: Inputs swallows the events of invalid entries, and those need a message.
    const box = fields[name].querySelector("input")!;
    box.addEventListener("input", () => {
      const value = box.value.trim() === "" ? NaN : box.valueAsNumber;
      const spec = backpropStepperSchema[name];
      if (!Number.isFinite(value) || value < spec.min || value > spec.max) {
        inputError.textContent = `${LABELS[name]} must be a number from ${spec.min} to ${spec.max}; still using ${current[name]}.`;
        return;
      }
      inputError.textContent = "";
      current[name] = value;
      clearCheck();
      render();
    });
  }
  render();
  return root;
}

function stepDetail(step: BackpropStep): Node[] {
  const nodes: Node[] = [
    element("p", "backprop-kind", KIND_NAMES[step.kind]),
    texElement(`${step.symbol} = ${step.formula} = ${step.substituted} = ${num(step.value, 6, false)}`, true)
  ];
  if (step.closedForm) nodes.push(element("p", "", "In the lecture's closed form: ", texElement(`${step.symbol} = ${step.closedForm}`)));
  return nodes;
}

function updateSection(p: TinyParameters, ex: Example, steps: BackpropStep[], eta: number, apply: HTMLButtonElement): Node[] {
  const grads = gradientsOf(steps);
  const next = update(p, grads, eta);
  const before = loss(p, ex);
  const after = loss(next, ex);
  const table = element("table", "backprop-update-table");
  table.append(
    element("caption", "", `The update p ← p − η·∂E/∂p with η = ${formatFixed(eta, 2)}`),
    element("thead", "", element("tr", "", ...["p", "now", "∂E/∂p", "after the update"].map((h) => Object.assign(element("th", "", h), {scope: "col"})))),
    element("tbody", "", ...PARAMETER_NAMES.map((n) => element("tr", "", element("td", "", LABELS[n].split(" ")[0]), element("td", "", formatFixed(p[n], 4)), element("td", "", formatFixed(grads[n], 6)), element("td", "", formatFixed(next[n], 4)))))
  );
  const verdict = after < before ? `The loss falls from ${formatFixed(before, 6)} to ${formatFixed(after, 6)}.` : `The loss rises from ${formatFixed(before, 6)} to ${formatFixed(after, 6)}: η is too large for this step.`;
  const summary = element("p", after < before ? "ok-text backprop-new-loss" : "bad-text backprop-new-loss", verdict);
  return [element("h3", "", "The update"), texElement(String.raw`w_j \leftarrow w_j - \eta\,\frac{\partial E}{\partial w_j}, \qquad v_{ij} \leftarrow v_{ij} - \eta\,\frac{\partial E}{\partial v_{ij}}`, true), table, summary, apply];
}
