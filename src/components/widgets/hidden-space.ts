/**
 * The hidden layer's view of XOR: the four points in input space (x₁, x₂),
 * where no line separates them, beside their images in hidden space (s₁, s₂),
 * where one does. The hidden units' weights are editable; with sigmoid units
 * of slope β the input plane's grid visibly bends on its way into hidden space.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {boundaryGrid, boundaryLine, UNIT_SQUARE, type Domain} from "../charts/decision-boundary.js";
import {urlState, type Schema} from "../course/url-state.js";
import {sigmoidWithSlope, step, type Activation} from "../nn/activations.js";
import {bentGrid, hiddenPoints, hiddenSeparatingLine, separates, type HiddenPoint} from "../nn/hidden-space.js";
import type {PerceptronWeights} from "../nn/perceptron.js";
import {composeForward, XOR_COMPOSITION, type TwoLayerNetwork} from "../nn/xor-composition.js";
import {button, chartFigure, element, labelledRange, statusLine} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import type {WidgetOptions} from "../course/widget.js";
import {asImage} from "../charts/chart-role.js";

const weight = (value: number) => ({kind: "number", min: -1, max: 1, default: value}) as const;
const [NAND, OR] = XOR_COMPOSITION.hidden;

export const hiddenSpaceSchema = {
  units: {kind: "enum", values: ["step", "sigmoid"], default: "sigmoid"},
  beta: {kind: "number", min: 0.5, max: 20, default: 5},
  nand1: weight(NAND.w1),
  nand2: weight(NAND.w2),
  nandb: weight(NAND.b),
  or1: weight(OR.w1),
  or2: weight(OR.w2),
  orb: weight(OR.b)
} satisfies Schema;

const CLASS_COLORS = ["#e66101", "#5e3c99"];
const HIDDEN_DOMAIN: Domain = {x: [-0.1, 1.1], y: [-0.1, 1.1]};
const GRID_VALUES = [-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25];

export function createHiddenSpaceWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(hiddenSpaceSchema, options.search, options.signal);
  const v = state.initial;
  const units = Inputs.radio(["step", "sigmoid"], {label: "Hidden units", value: v.units, format: (u: string) => (u === "step" ? "step (the lecture's gates)" : "sigmoid with slope β")});
  const beta = labelledRange([0.5, 20], {label: "Slope β of the sigmoid", value: v.beta, step: 0.5});
  const sliders = {
    nand1: labelledRange([-1, 1], {label: "s₁ (NAND): weight of x₁", value: v.nand1, step: 0.05}),
    nand2: labelledRange([-1, 1], {label: "s₁ (NAND): weight of x₂", value: v.nand2, step: 0.05}),
    nandb: labelledRange([-1, 1], {label: "s₁ (NAND): bias", value: v.nandb, step: 0.05}),
    or1: labelledRange([-1, 1], {label: "s₂ (OR): weight of x₁", value: v.or1, step: 0.05}),
    or2: labelledRange([-1, 1], {label: "s₂ (OR): weight of x₂", value: v.or2, step: 0.05}),
    orb: labelledRange([-1, 1], {label: "s₂ (OR): bias", value: v.orb, step: 0.05})
  };
  const reset = button("Lecture weights", () => {
    const lecture = {nand1: NAND.w1, nand2: NAND.w2, nandb: NAND.b, or1: OR.w1, or2: OR.w2, orb: OR.b};
    for (const [key, input] of Object.entries(sliders)) input.value = lecture[key as keyof typeof lecture];
    update();
  });
  const inputChart = element("div", "hidden-space-input");
  const hiddenChart = element("div", "hidden-space-hidden");
  const status = statusLine();
  const table = element("table", "hidden-space-table");
  const root = element(
    "div",
    "widget hidden-space",
    state.notice(),
    element("div", "controls", units, beta, reset),
    element("div", "controls", element("div", "", ...[sliders.nand1, sliders.nand2, sliders.nandb]), element("div", "", ...[sliders.or1, sliders.or2, sliders.orb])),
    element(
      "div",
      "row",
      chartFigure(320, inputChart, "Input space (x₁, x₂): shaded where the whole network outputs 1; dashed, the lines where each hidden unit switches."),
      chartFigure(320, hiddenChart, "Hidden space (s₁, s₂): the points and the input plane's grid after layer 1; dashed, the AND unit's line.")
    ),
    status,
    table
  );

  function update(): void {
    const values = {
      units: units.value as string,
      beta: beta.value,
      nand1: sliders.nand1.value,
      nand2: sliders.nand2.value,
      nandb: sliders.nandb.value,
      or1: sliders.or1.value,
      or2: sliders.or2.value,
      orb: sliders.orb.value
    };
    (beta.querySelectorAll("input") as NodeListOf<HTMLInputElement>).forEach((i) => (i.disabled = values.units === "step"));
    const activation = values.units === "step" ? step : sigmoidWithSlope(values.beta);
    const net: TwoLayerNetwork = {
      hidden: [
        {w1: values.nand1, w2: values.nand2, b: values.nandb},
        {w1: values.or1, w2: values.or2, b: values.orb}
      ],
      output: XOR_COMPOSITION.output
    };
    const points = hiddenPoints(net, activation);
    const line = hiddenSeparatingLine(points);
    const andSeparates = separates(XOR_COMPOSITION.output, points);
    // Layer 2 as drawn: the lecture's AND unit when it works, otherwise the widest-margin line.
    const layer2 = andSeparates || !line ? XOR_COMPOSITION.output : line;
    inputChart.replaceChildren(inputSpaceChart(net, activation, layer2, points));
    hiddenChart.replaceChildren(hiddenSpaceChart(net, activation, points, line, andSeparates));
    status.className = `widget-status ${line ? "ok-text" : "bad-text"}`;
    status.textContent = line
      ? `In hidden space one line separates the two classes. ${andSeparates ? "The lecture's AND unit (0.5·s₁ + 0.5·s₂ − 0.7 > 0) is such a line, so the network computes XOR." : "The lecture's AND unit misses: layer 2 would need other weights (the solid line shows one that works)."}`
      : "No line separates the classes in hidden space either: these hidden units do not untangle XOR.";
    table.replaceChildren(pointsTable(points));
    if (options.syncUrl !== false) state.write(values);
  }
  for (const input of [units, beta, ...Object.values(sliders)]) input.addEventListener("input", update);
  update();
  return root;
}

function classify(net: TwoLayerNetwork, activation: Activation, layer2: PerceptronWeights) {
  return (x1: number, x2: number) => {
    const {s} = composeForward(net, x1, x2, activation);
    return layer2.w1 * s[0] + layer2.w2 * s[1] + layer2.b > 0 ? 1 : 0;
  };
}

function inputSpaceChart(net: TwoLayerNetwork, activation: Activation, layer2: PerceptronWeights, points: HiddenPoint[]) {
  const resolution = 60;
  const grid = boundaryGrid(classify(net, activation, layer2), UNIT_SQUARE, resolution);
  const unitLines = net.hidden.map((w, k) => ({ends: boundaryLine(w.w1, w.w2, w.b, UNIT_SQUARE), name: k === 0 ? "g₁ = 0" : "g₂ = 0"})).filter((l) => l.ends);
  return asImage(Plot.plot({
    width: 320,
    height: 320,
    x: {domain: UNIT_SQUARE.x, label: "x₁"},
    y: {domain: UNIT_SQUARE.y, label: "x₂"},
    color: {type: "linear", domain: [0, 1], range: ["#fdb863", "#b2abd2"]},
    ariaLabel: "Input space: the four XOR points, the lines where each hidden unit switches (g₁ = 0, g₂ = 0), and the region the whole network calls class 1 shaded.",
    marks: [
      Plot.raster(grid, {width: resolution, height: resolution, x1: UNIT_SQUARE.x[0], x2: UNIT_SQUARE.x[1], y1: UNIT_SQUARE.y[1], y2: UNIT_SQUARE.y[0], fill: (d: number) => d, imageRendering: "pixelated"} as Plot.RasterOptions),
      ...unitLines.map((l) => Plot.line(l.ends!, {stroke: "#333", strokeDasharray: "5,3"})),
      // Each unit's line is named a quarter of the way along it, away from the axes.
      Plot.text(unitLines, {x: (l) => l.ends![0][0] + 0.25 * (l.ends![1][0] - l.ends![0][0]), y: (l) => l.ends![0][1] + 0.25 * (l.ends![1][1] - l.ends![0][1]), text: "name", fontSize: 11, stroke: "white", strokeWidth: 3, paintOrder: "stroke", fill: "black"}),
      Plot.dot(points, {x: (p: HiddenPoint) => p.x[0], y: (p: HiddenPoint) => p.x[1], r: 7, fill: (p: HiddenPoint) => CLASS_COLORS[p.label], stroke: "white"})
    ]
  }));
}

function hiddenSpaceChart(net: TwoLayerNetwork, activation: Activation, points: HiddenPoint[], line: PerceptronWeights | null, andSeparates: boolean) {
  const grid = bentGrid(net, activation, GRID_VALUES).flatMap((g, k) => g.points.map(([s1, s2]) => ({s1, s2, k, along: g.along})));
  // Points that land on the same spot share one label.
  const labels = new Map<string, {s: [number, number]; text: string}>();
  for (const p of points) {
    const key = `${p.s[0].toFixed(3)},${p.s[1].toFixed(3)}`;
    const text = `(${p.x[0]},${p.x[1]})`;
    const existing = labels.get(key);
    labels.set(key, {s: p.s, text: existing ? `${existing.text} ${text}` : text});
  }
  const andEnds = boundaryLine(XOR_COMPOSITION.output.w1, XOR_COMPOSITION.output.w2, XOR_COMPOSITION.output.b, HIDDEN_DOMAIN);
  const lineEnds = line && !andSeparates ? boundaryLine(line.w1, line.w2, line.b, HIDDEN_DOMAIN) : null;
  return asImage(Plot.plot({
    width: 320,
    height: 320,
    x: {domain: HIDDEN_DOMAIN.x, label: "s₁ (NAND unit)"},
    y: {domain: HIDDEN_DOMAIN.y, label: "s₂ (OR unit)"},
    ariaLabel: `Hidden space: the images of the four XOR points and of the input plane's grid lines. ${line ? "A line separates the classes here." : "No line separates the classes."}`,
    marks: [
      Plot.line(grid, {x: "s1", y: "s2", z: "k", stroke: (d: {along: string}) => (d.along === "x1" ? "#9ab" : "#cba"), strokeWidth: 1}),
      andEnds ? Plot.line(andEnds, {stroke: "#333", strokeDasharray: "5,3", strokeWidth: 1.5}) : null,
      lineEnds ? Plot.line(lineEnds, {stroke: "#1e7b45", strokeWidth: 2}) : null,
      Plot.dot(points, {x: (p: HiddenPoint) => p.s[0], y: (p: HiddenPoint) => p.s[1], r: 7, fill: (p: HiddenPoint) => CLASS_COLORS[p.label], stroke: "white"}),
      Plot.text([...labels.values()], {x: (l) => l.s[0], y: (l) => l.s[1], text: "text", dy: -13, fontSize: 11, stroke: "white", strokeWidth: 3, paintOrder: "stroke", fill: "black"})
    ]
  }));
}

function pointsTable(points: HiddenPoint[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(element("caption", "", "Where each input lands in hidden space"));
  const head = element("tr", "");
  for (const h of ["(x₁, x₂)", "XOR", "s₁", "s₂"]) {
    const th = element("th", "", h);
    th.scope = "col";
    head.append(th);
  }
  const body = element("tbody", "");
  for (const p of points) body.append(element("tr", "", ...[`(${p.x[0]}, ${p.x[1]})`, String(p.label), formatFixed(p.s[0], 3), formatFixed(p.s[1], 3)].map((t) => element("td", "", t))));
  fragment.append(element("thead", "", head), body);
  return fragment;
}
