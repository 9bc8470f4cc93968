/**
 * XOR built from gates: layer 1 computes s₁ = NAND(x₁, x₂) and s₂ = OR(x₁, x₂),
 * layer 2 computes y = AND(s₁, s₂). The learner picks an input and sees every
 * value on the network drawing, the weighted sums, and the truth table.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {networkDiagram} from "../charts/network-diagram.js";
import {element, scrollBox, sideBySide} from "../course/dom.js";
import {texElement, texNumber} from "../course/math.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {truthTable} from "../nn/gates.js";
import {headerRow} from "./perceptron-controls.js";
import {compositionLayers, compositionTable, composeForward, XOR_COMPOSITION} from "../nn/xor-composition.js";

const INPUT_VALUES = ["00", "10", "01", "11"] as const;
type InputId = (typeof INPUT_VALUES)[number];
/** Widest the network is drawn. */
const DIAGRAM_MAX = 540;

export const xorCompositionSchema = {
  input: {kind: "enum", values: INPUT_VALUES, default: "10"}
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  input: "Input (x₁, x₂)",
  diagramLabel: "XOR network for input ({x1}, {x2}): NAND gives s₁ = {s1}, OR gives s₂ = {s2}, AND gives y = {y}.",
  layer1: "Layer 1 (step units: output 1 when the sum is positive):",
  layer2: "Layer 2:",
  tableCaption: "The composed network on all four inputs, next to XOR"
} satisfies Messages;

/** The chosen input and what each layer makes of it. */
export interface XorCompositionValue {
  input: InputId;
  x1: number;
  x2: number;
  /** Layer 1's outputs: s₁ = NAND, s₂ = OR. */
  s1: number;
  s2: number;
  /** Layer 2's output, AND(s₁, s₂) = XOR(x₁, x₂). */
  y: number;
}

const NAMES: Record<string, string> = {"0,0": "x₁", "0,1": "x₂", "1,0": "s₁ (NAND)", "1,1": "s₂ (OR)", "2,0": "y (AND)"};

export function createXorCompositionWidget(options: WidgetOptions = {}): WidgetElement<XorCompositionValue> {
  const w = createWidget({id: "xor-composition", className: "xor-composition", schema: xorCompositionSchema, messages, value: {} as XorCompositionValue}, options);
  const {t, root} = w;
  const input = Inputs.radio(INPUT_VALUES.slice(), {label: t("input"), value: w.initial.input, format: (v: string) => `(${v[0]}, ${v[1]})`});
  const diagram = element("div", "xor-composition-diagram");
  const sums = element("div", "xor-composition-sums");
  const table = truthTableElement(t("tableCaption"));
  root.append(w.notice, sideBySide([element("div", "controls", input)], [diagram, scrollBox(sums), scrollBox(table)]));

  const {weights, biases} = compositionLayers(XOR_COMPOSITION);
  const [nand, or] = XOR_COMPOSITION.hidden;
  const and = XOR_COMPOSITION.output;
  // "−0.5·1 − 0.5·0 + 0.7 = 0.2", signs written out.
  const term = (x: number, first: boolean) => (first ? texNumber(x, 1) : `${x < 0 ? "-" : "+"} ${texNumber(Math.abs(x), 1)}`);
  const sum = (u: {w1: number; w2: number; b: number}, a: number, b: number, result: number) =>
    `${term(u.w1, true)}\\cdot ${a} ${term(u.w2, false)}\\cdot ${b} ${term(u.b, false)} = ${texNumber(result, 1)}`;
  let diagramWidth = DIAGRAM_MAX;

  /** The drawing of the network with the chosen input's values. */
  function drawDiagram(): void {
    const value = input.value as InputId;
    const x1 = Number(value[0]);
    const x2 = Number(value[1]);
    const v = composeForward(XOR_COMPOSITION, x1, x2);
    diagram.replaceChildren(
      networkDiagram({
        sizes: [2, 2, 1],
        weights,
        biases,
        values: [v.x, v.s, [v.y]],
        nodeName: (l, i) => NAMES[`${l},${i}`],
        edgeLabels: true,
        digits: 1,
        valueDigits: 0,
        width: diagramWidth,
        lang: w.lang,
        ariaLabel: t("diagramLabel", {x1, x2, s1: v.s[0], s2: v.s[1], y: v.y})
      })
    );
  }

  function update(): void {
    const value = input.value as InputId;
    const x1 = Number(value[0]);
    const x2 = Number(value[1]);
    const v = composeForward(XOR_COMPOSITION, x1, x2);
    drawDiagram();
    sums.replaceChildren(
      element("p", "", t("layer1")),
      texElement(String.raw`g_1 = ${sum(nand, x1, x2, v.g[0])} \;\Rightarrow\; s_1 = ${v.s[0]}`, true),
      texElement(String.raw`g_2 = ${sum(or, x1, x2, v.g[1])} \;\Rightarrow\; s_2 = ${v.s[1]}`, true),
      element("p", "", t("layer2")),
      texElement(String.raw`h = ${sum(and, v.s[0], v.s[1], v.h)} \;\Rightarrow\; y = ${v.y}`, true)
    );
    for (const row of table.querySelectorAll("tbody tr")) {
      const current = row.getAttribute("data-input") === value;
      row.classList.toggle("current", current);
      if (current) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
    w.write({input: value});
    w.publish({input: value, x1, x2, s1: v.s[0], s2: v.s[1], y: v.y});
  }
  input.addEventListener("input", update);
  update();
  // A new width redraws the drawing only: the value has not changed.
  w.observeWidth(diagram, (width) => {
    diagramWidth = Math.min(DIAGRAM_MAX, width);
    drawDiagram();
  });
  return root;
}

function truthTableElement(caption: string): HTMLTableElement {
  const table = element("table", "xor-truth-table");
  table.append(element("caption", "", caption));
  table.append(element("thead", "", headerRow(["x₁", "x₂", "s₁ = NAND", "s₂ = OR", "y = AND(s₁, s₂)", "XOR(x₁, x₂)"])));
  const body = element("tbody", "");
  const xor = truthTable("xor");
  compositionTable().forEach((r, k) => {
    const row = element("tr", "", ...[r.x[0], r.x[1], r.s[0], r.s[1], r.y, xor[k].y].map((v) => element("td", "", String(v))));
    row.dataset.input = `${r.x[0]}${r.x[1]}`;
    body.append(row);
  });
  table.append(body);
  return table;
}
