/**
 * XOR built from gates: layer 1 computes s₁ = NAND(x₁, x₂) and s₂ = OR(x₁, x₂),
 * layer 2 computes y = AND(s₁, s₂). The learner picks an input and sees every
 * value on the network drawing, the weighted sums, and the truth table.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {networkDiagram} from "../charts/network-diagram.js";
import {texElement, texNumber} from "../course/math.js";
import {urlState, type Schema} from "../course/url-state.js";
import {truthTable} from "../nn/gates.js";
import {compositionLayers, compositionTable, composeForward, XOR_COMPOSITION} from "../nn/xor-composition.js";
import {element} from "../course/dom.js";
import type {WidgetOptions} from "../course/widget.js";

const INPUT_VALUES = ["00", "10", "01", "11"] as const;

export const xorCompositionSchema = {
  input: {kind: "enum", values: INPUT_VALUES, default: "10"}
} satisfies Schema;

const NAMES: Record<string, string> = {"0,0": "x₁", "0,1": "x₂", "1,0": "s₁ (NAND)", "1,1": "s₂ (OR)", "2,0": "y (AND)"};

export function createXorCompositionWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(xorCompositionSchema, options.search, options.signal);
  const root = element("div", "widget xor-composition");
  const input = Inputs.radio(INPUT_VALUES.slice(), {
    label: "Input (x₁, x₂)",
    value: state.initial.input,
    format: (v: string) => `(${v[0]}, ${v[1]})`
  });
  const diagram = element("div", "xor-composition-diagram");
  const sums = element("div", "xor-composition-sums");
  const table = truthTableElement();
  root.append(state.notice(), element("div", "controls", input), element("div", "row", diagram, sums), table);

  const {weights, biases} = compositionLayers(XOR_COMPOSITION);
  const [nand, or] = XOR_COMPOSITION.hidden;
  const and = XOR_COMPOSITION.output;
  // "−0.5·1 − 0.5·0 + 0.7 = 0.2", signs written out.
  const term = (x: number, first: boolean) => (first ? texNumber(x, 1) : `${x < 0 ? "-" : "+"} ${texNumber(Math.abs(x), 1)}`);
  const sum = (w: {w1: number; w2: number; b: number}, u: number, v: number, result: number) =>
    `${term(w.w1, true)}\\cdot ${u} ${term(w.w2, false)}\\cdot ${v} ${term(w.b, false)} = ${texNumber(result, 1)}`;

  function update(): void {
    const value = input.value as string;
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
        width: 540,
        ariaLabel: `XOR network for input (${x1}, ${x2}): NAND gives s₁ = ${v.s[0]}, OR gives s₂ = ${v.s[1]}, AND gives y = ${v.y}.`
      })
    );
    sums.replaceChildren(
      element("p", "", "Layer 1 (step units: output 1 when the sum is positive):"),
      texElement(String.raw`g_1 = ${sum(nand, x1, x2, v.g[0])} \;\Rightarrow\; s_1 = ${v.s[0]}`, true),
      texElement(String.raw`g_2 = ${sum(or, x1, x2, v.g[1])} \;\Rightarrow\; s_2 = ${v.s[1]}`, true),
      element("p", "", "Layer 2:"),
      texElement(String.raw`h = ${sum(and, v.s[0], v.s[1], v.h)} \;\Rightarrow\; y = ${v.y}`, true)
    );
    for (const row of table.querySelectorAll("tbody tr")) {
      const current = row.getAttribute("data-input") === value;
      row.classList.toggle("current", current);
      if (current) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
    if (options.syncUrl !== false) state.write({input: value});
  }
  input.addEventListener("input", update);
  update();
  return root;
}

function truthTableElement(): HTMLTableElement {
  const table = element("table", "xor-truth-table");
  table.append(element("caption", "", "The composed network on all four inputs, next to XOR"));
  const head = element("tr", "");
  for (const h of ["x₁", "x₂", "s₁ = NAND", "s₂ = OR", "y = AND(s₁, s₂)", "XOR(x₁, x₂)"]) {
    const th = element("th", "", h);
    th.scope = "col";
    head.append(th);
  }
  table.append(element("thead", "", head));
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
