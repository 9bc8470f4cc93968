/**
 * The hidden layer's view of XOR: the four points in input space (x₁, x₂),
 * where no line separates them, beside their images in hidden space (s₁, s₂),
 * where one does. The hidden units' weights are editable; with sigmoid units
 * of slope β the input plane's grid visibly bends on its way into hidden space.
 * A page can mark one input (`showInput`) in both views and the table.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "../charts/chart-role.js";
import {liveLayer, type LiveDot, type LiveLayer, type LiveLine, type LiveText, type PlotChart} from "../charts/live-layer.js";
import {boundaryGrid, boundaryLine, shadedFrame, UNIT_SQUARE, type Domain} from "../charts/decision-boundary.js";
import {PALETTE} from "../charts/palette.js";
import {button, chartFigure, element, labelledRange, scrollBox, setText, sideBySide, statusLine} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import type {Messages, Translate} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {sigmoidWithSlope, step, type Activation} from "../nn/activations.js";
import {truthTable} from "../nn/gates.js";
import {bentGrid, hiddenPoints, hiddenSeparatingLine, separates, type HiddenPoint} from "../nn/hidden-space.js";
import type {PerceptronWeights} from "../nn/perceptron.js";
import {composeForward, XOR_COMPOSITION, type TwoLayerNetwork} from "../nn/xor-composition.js";
import {headerRow} from "./perceptron-controls.js";

const weight = (value: number) => ({kind: "number", min: -1, max: 1, default: value}) as const;
const [NAND, OR] = XOR_COMPOSITION.hidden;
const UNITS = ["step", "sigmoid"] as const;

export const hiddenSpaceSchema = {
  units: {kind: "enum", values: UNITS, default: "sigmoid"},
  beta: {kind: "number", min: 0.5, max: 20, default: 5},
  nand1: weight(NAND.w1),
  nand2: weight(NAND.w2),
  nandb: weight(NAND.b),
  or1: weight(OR.w1),
  or2: weight(OR.w2),
  orb: weight(OR.b)
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  units: "Hidden units",
  "units.step": "step (the lecture's gates)",
  "units.sigmoid": "sigmoid with slope β",
  beta: "Slope β of the sigmoid",
  nand1: "s₁ (NAND): weight of x₁",
  nand2: "s₁ (NAND): weight of x₂",
  nandb: "s₁ (NAND): bias",
  or1: "s₂ (OR): weight of x₁",
  or2: "s₂ (OR): weight of x₂",
  orb: "s₂ (OR): bias",
  lecture: "Lecture weights",
  inputCaption: "Input space (x₁, x₂): shaded where the whole network outputs 1; dashed, the lines where each hidden unit switches.",
  hiddenCaption: "Hidden space (s₁, s₂): the points and the input plane's grid after layer 1; dashed, the AND unit's line.",
  shownCaption: " The ringed point is the input ({x1}, {x2}).",
  inputLabel: "Input space: the four XOR points, the lines where each hidden unit switches (g₁ = 0, g₂ = 0), and the region the whole network calls class 1 shaded.",
  hiddenLabel: "Hidden space: the images of the four XOR points and of the input plane's grid lines. {separable}",
  "s1.axis": "s₁ (NAND unit)",
  "s2.axis": "s₂ (OR unit)",
  lineHere: "A line separates the classes here.",
  noLineHere: "No line separates the classes.",
  separable: "In hidden space one line separates the two classes. {and}",
  andWorks: "The lecture's AND unit (0.5·s₁ + 0.5·s₂ − 0.7 > 0) is such a line, so the network computes XOR.",
  andMisses: "The lecture's AND unit misses: layer 2 would need other weights (the solid line shows one that works).",
  notSeparable: "No line separates the classes in hidden space either: these hidden units do not untangle XOR.",
  tableCaption: "Where each input lands in hidden space"
} satisfies Messages;

type SliderKey = "nand1" | "nand2" | "nandb" | "or1" | "or2" | "orb";
const SLIDERS: SliderKey[] = ["nand1", "nand2", "nandb", "or1", "or2", "orb"];

/** The hidden units' settings and what they do to the four points. */
export interface HiddenSpaceValue extends Record<SliderKey, number> {
  units: (typeof UNITS)[number];
  beta: number;
  /** Each input, its class (XOR) and where it lands in hidden space. */
  points: HiddenPoint[];
  /** Some line separates the classes in hidden space. */
  separable: boolean;
  /** The lecture's AND unit is such a line. */
  andSeparates: boolean;
}

/** The widget's element; `showInput(x1, x2)` rings that input in both views (null: none). */
export type HiddenSpaceElement = WidgetElement<HiddenSpaceValue> & {showInput(input: [number, number] | null): void};

const HIDDEN_DOMAIN: Domain = {x: [-0.1, 1.1], y: [-0.1, 1.1]};
const GRID_VALUES = [-0.25, 0, 0.25, 0.5, 0.75, 1, 1.25];
/** Widest each of the two views is drawn. */
const CHART_MAX = 320;
/** Labels drawn on the charts: dark text with a halo. */
const LABEL_STYLE = {fontSize: 11, stroke: "white", strokeWidth: 3, paintOrder: "stroke", fill: PALETTE.ink} as const;

export function createHiddenSpaceWidget(options: WidgetOptions = {}): HiddenSpaceElement {
  const w = createWidget({id: "hidden-space", className: "hidden-space", schema: hiddenSpaceSchema, messages, value: {} as HiddenSpaceValue}, options);
  const {t} = w;
  const root = w.root as HiddenSpaceElement;
  const v = w.initial;
  const units = Inputs.radio(UNITS.slice(), {label: t("units"), value: v.units as (typeof UNITS)[number], format: (u: (typeof UNITS)[number]) => t(`units.${u}`)});
  const beta = labelledRange([0.5, 20], {label: t("beta"), value: v.beta, step: 0.5});
  const sliders = Object.fromEntries(SLIDERS.map((key) => [key, labelledRange([-1, 1], {label: t(key), value: v[key], step: 0.05})])) as Record<SliderKey, ReturnType<typeof labelledRange>>;
  const reset = button(t("lecture"), () => {
    const lecture: Record<SliderKey, number> = {nand1: NAND.w1, nand2: NAND.w2, nandb: NAND.b, or1: OR.w1, or2: OR.w2, orb: OR.b};
    for (const key of SLIDERS) sliders[key].value = lecture[key];
    update();
  });
  const inputChart = element("div", "hidden-space-input");
  const inputShaded = shadedFrame();
  inputChart.append(inputShaded.element);
  let inputFrameKey = "";
  const hiddenChart = element("div", "hidden-space-hidden");
  const inputCaption = element("span");
  const hiddenCaption = element("span");
  const status = statusLine();
  const table = element("table", "hidden-space-table");
  const charts = element("div", "row", chartFigure(CHART_MAX, inputChart, ""), chartFigure(CHART_MAX, hiddenChart, ""));
  charts.querySelectorAll("figcaption").forEach((caption, k) => caption.append(k === 0 ? inputCaption : hiddenCaption));
  root.append(
    w.notice,
    sideBySide(
      [element("div", "controls", units, beta, reset), element("div", "controls", element("div", "", sliders.nand1, sliders.nand2, sliders.nandb), element("div", "", sliders.or1, sliders.or2, sliders.orb))],
      [charts, status, scrollBox(table)]
    )
  );
  let shown: [number, number] | null = null;
  let size = CHART_MAX;
  /** Draws both views, the captions, the status and the table for the current settings at the current size. */
  let redraw = () => {};
  // The views follow a slider once per frame, however many inputs arrive before it.
  const chartsFrame = w.frame(() => redraw());
  const hiddenView = hiddenSpaceView(t, hiddenChart);
  const tableRows = pointsTable(t("tableCaption"), table);

  function update(): void {
    const values = {units: units.value as (typeof UNITS)[number], beta: beta.value, ...(Object.fromEntries(SLIDERS.map((key) => [key, sliders[key].value])) as Record<SliderKey, number>)};
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
    const marked = points.find((p) => shown !== null && p.x[0] === shown[0] && p.x[1] === shown[1]);
    redraw = () => {
      // The input view's axes, unit lines and points do not depend on β: only its shading is repainted then.
      const key = JSON.stringify([net.hidden, marked?.x, size]);
      if (key !== inputFrameKey) {
        inputFrameKey = key;
        inputShaded.setFrame(inputSpaceFrame(t, net, points, marked, size), size, size);
      }
      inputShaded.shade(boundaryGrid(classify(net, activation, layer2), UNIT_SQUARE, INPUT_RESOLUTION), INPUT_RESOLUTION, 2);
      hiddenView.draw(net, activation, points, line, andSeparates, marked, size);
      const shownText = shown ? t("shownCaption", {x1: shown[0], x2: shown[1]}) : "";
      const statusClass = `widget-status ${line ? "ok-text" : "bad-text"}`;
      const statusText = line ? t("separable", {and: t(andSeparates ? "andWorks" : "andMisses")}) : t("notSeparable");
      // Text is written only where it changed: a drag of β mostly moves the hidden view's marks.
      setText(inputCaption, t("inputCaption") + shownText);
      setText(hiddenCaption, t("hiddenCaption") + shownText);
      setText(status, statusText);
      if (status.className !== statusClass) status.className = statusClass;
      tableRows.set(points, marked);
    };
    chartsFrame.request();
    w.write(values);
    w.publish({...values, points, separable: line !== null, andSeparates});
  }
  for (const input of [units, beta, ...Object.values(sliders)]) input.addEventListener("input", update);
  root.showInput = (input) => {
    shown = input;
    update();
  };
  update();
  chartsFrame.flush();
  // A new width redraws the views only: the value has not changed.
  w.observeWidth(charts, (width) => {
    size = Math.min(CHART_MAX, width);
    chartsFrame.request();
  });
  return root;
}

function classify(net: TwoLayerNetwork, activation: Activation, layer2: PerceptronWeights) {
  return (x1: number, x2: number) => {
    const {s} = composeForward(net, x1, x2, activation);
    return layer2.w1 * s[0] + layer2.w2 * s[1] + layer2.b > 0 ? 1 : 0;
  };
}

/** A ring around the marked point, at its place in input space or in hidden space. */
function ring(marked: HiddenPoint | undefined, at: (p: HiddenPoint) => [number, number]) {
  return marked ? Plot.dot([marked], {x: (p: HiddenPoint) => at(p)[0], y: (p: HiddenPoint) => at(p)[1], r: 12, stroke: PALETTE.highlight, strokeWidth: 3, fill: "none"}) : null;
}

/** The XOR class of each input, in the order hiddenPoints lists them. */
const INPUT_LABELS = truthTable("xor").map((row) => row.y);

/** Grid cells per side of the input view's shading. */
const INPUT_RESOLUTION = 60;

/** The input view over its shading: axes, the hidden units' lines, the points. */
function inputSpaceFrame(t: Translate<typeof messages>, net: TwoLayerNetwork, points: HiddenPoint[], marked: HiddenPoint | undefined, size: number) {
  const unitLines = net.hidden.map((u, k) => ({ends: boundaryLine(u.w1, u.w2, u.b, UNIT_SQUARE), name: k === 0 ? "g₁ = 0" : "g₂ = 0"})).filter((l) => l.ends);
  return asImage(Plot.plot({
    width: size,
    height: size,
    x: {domain: UNIT_SQUARE.x, label: "x₁"},
    y: {domain: UNIT_SQUARE.y, label: "x₂"},
    ariaLabel: t("inputLabel"),
    marks: [
      ...unitLines.map((l) => Plot.line(l.ends!, {stroke: PALETTE.ink, strokeDasharray: "5,3"})),
      // Each unit's line is named a quarter of the way along it, away from the axes.
      Plot.text(unitLines, {x: (l) => l.ends![0][0] + 0.25 * (l.ends![1][0] - l.ends![0][0]), y: (l) => l.ends![0][1] + 0.25 * (l.ends![1][1] - l.ends![0][1]), text: "name", ...LABEL_STYLE}),
      Plot.dot(points, {x: (p: HiddenPoint) => p.x[0], y: (p: HiddenPoint) => p.x[1], r: 7, fill: (p: HiddenPoint) => PALETTE.classes[p.label], stroke: "white"}),
      ring(marked, (p) => p.x)
    ]
  }));
}

/**
 * The hidden view: Plot draws its frame (axes and the AND unit's line, fixed) once per size; the bent grid,
 * the separating line, the points, the ring and the labels are a live layer a drag of β moves.
 */
function hiddenSpaceView(t: Translate<typeof messages>, container: HTMLElement) {
  let view: {size: number; layer: LiveLayer; grid: LiveLine[]; line: LiveLine; dots: LiveDot[]; ring: LiveDot; labels: LiveText[]} | null = null;

  function viewFor(size: number) {
    if (view?.size === size) return view;
    const andEnds = boundaryLine(XOR_COMPOSITION.output.w1, XOR_COMPOSITION.output.w2, XOR_COMPOSITION.output.b, HIDDEN_DOMAIN);
    const plot = asImage(
      Plot.plot({
        width: size,
        height: size,
        x: {domain: HIDDEN_DOMAIN.x, label: t("s1.axis")},
        y: {domain: HIDDEN_DOMAIN.y, label: t("s2.axis")},
        // No data: the scales and axes only; the marks are the live layer's.
        marks: [Plot.dot([], {x: "x", y: "y"})]
      })
    ) as PlotChart;
    const layer = liveLayer(plot);
    // The images of grid lines along x₁ and along x₂, in two light colours; under the lines and the points.
    const grid = [PALETTE.series[4], PALETTE.series[1]].map((stroke) => layer.line({stroke, "stroke-opacity": 0.6, "stroke-width": 1}));
    layer.line({stroke: PALETTE.ink, "stroke-dasharray": "5,3", "stroke-width": 1.5}).set(andEnds ?? []);
    view = {
      size,
      layer,
      grid,
      line: layer.line({stroke: PALETTE.good, "stroke-width": 2}),
      dots: INPUT_LABELS.map((label) => layer.dot({r: 7, fill: PALETTE.classes[label], stroke: "white", "stroke-width": 1.5})),
      ring: layer.dot({r: 12, stroke: PALETTE.highlight, "stroke-width": 3, fill: "none"}),
      labels: INPUT_LABELS.map(() => layer.text({dy: -13, "dominant-baseline": "central", "font-size": 11, stroke: "white", "stroke-width": 3, "paint-order": "stroke", fill: PALETTE.ink}))
    };
    container.replaceChildren(plot);
    return view;
  }

  return {
    draw(net: TwoLayerNetwork, activation: Activation, points: HiddenPoint[], line: PerceptronWeights | null, andSeparates: boolean, marked: HiddenPoint | undefined, size: number) {
      const v = viewFor(size);
      // Each direction's grid lines as one path, broken between lines.
      const gap: [number, number] = [NaN, NaN];
      const lines = bentGrid(net, activation, GRID_VALUES);
      (["x1", "x2"] as const).forEach((along, k) => v.grid[k].set(lines.filter((g) => g.along === along).flatMap((g) => [...g.points, gap])));
      const lineEnds = line && !andSeparates ? boundaryLine(line.w1, line.w2, line.b, HIDDEN_DOMAIN) : null;
      v.line.set(lineEnds ?? []);
      points.forEach((p, k) => v.dots[k].set(p.s[0], p.s[1]));
      v.ring.set(marked ? marked.s[0] : NaN, marked ? marked.s[1] : NaN);
      // Points that land on the same spot share one label, on the first of them.
      const labels = new Map<string, {s: [number, number]; text: string}>();
      for (const p of points) {
        const key = `${p.s[0].toFixed(3)},${p.s[1].toFixed(3)}`;
        const text = `(${p.x[0]},${p.x[1]})`;
        const existing = labels.get(key);
        labels.set(key, {s: existing?.s ?? p.s, text: existing ? `${existing.text} ${text}` : text});
      }
      const placed = [...labels.values()];
      v.labels.forEach((label, k) => label.set(placed[k]?.s[0] ?? NaN, placed[k]?.s[1] ?? NaN, placed[k]?.text ?? ""));
      v.layer.label(t("hiddenLabel", {separable: t(line ? "lineHere" : "noLineHere")}));
    }
  };
}

/** The table of where each input lands, built once; `set` rewrites only the cells that changed and marks the current row. */
function pointsTable(caption: string, table: HTMLTableElement) {
  const body = element("tbody", "");
  const rows = INPUT_LABELS.map(() => body.appendChild(element("tr", "", element("td"), element("td"), element("td"), element("td"))));
  table.append(element("caption", "", caption), element("thead", "", headerRow(["(x₁, x₂)", "XOR", "s₁", "s₂"])), body);
  return {
    set(points: HiddenPoint[], marked: HiddenPoint | undefined) {
      points.forEach((p, k) => {
        const row = rows[k];
        [`(${p.x[0]}, ${p.x[1]})`, String(p.label), formatFixed(p.s[0], 3), formatFixed(p.s[1], 3)].forEach((text, i) => setText(row.cells[i], text));
        const current = p === marked;
        row.classList.toggle("current", current);
        if (current !== row.hasAttribute("aria-current")) {
          if (current) row.setAttribute("aria-current", "true");
          else row.removeAttribute("aria-current");
        }
      });
    }
  };
}
