/**
 * A live drawing of one perceptron: inputs x₁, x₂ and the bias input 1, edges
 * labelled with w₁, w₂, b (thickness by size, colour by sign), the weighted sum s,
 * the activation's curve with s marked on it, and the output y. Built once as SVG;
 * `update` only changes text and attributes, so it can follow a slider every frame.
 */
import type {Activation} from "../nn/activations.js";
import {weightedSum, type PerceptronWeights} from "../nn/perceptron.js";
import {formatFixed} from "../course/format.js";
import {PALETTE} from "./palette.js";

export interface DiagramValues extends PerceptronWeights {
  x1: number;
  x2: number;
  activation: Activation;
}

/** The diagram's words, already translated by the widget that draws it. */
export interface DiagramLabels {
  bias: string;
  sum: string;
  output: string;
  /** The activation's name as shown under its curve. */
  activationName(activation: Activation): string;
  /** The text alternative, given the numbers as text. */
  title(numbers: {x1: string; x2: string; w1: string; w2: string; b: string; s: string; activation: string; y: string}): string;
}

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 560;
const HEIGHT = 230;
const SUM = {x: 280, y: 115};
const ACT = {x: 390, y: 115, w: 84, h: 64};
const OUT = {x: 520, y: 115};
/** The activation curve is drawn over s in [−CURVE_S, CURVE_S]. */
const CURVE_S = 4;

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

function text(parent: Element, x: number, y: number, content: string, attrs: Record<string, string | number> = {}): SVGTextElement {
  const t = el("text", {x, y, "text-anchor": "middle", "dominant-baseline": "central", ...attrs}, parent);
  t.textContent = content;
  return t;
}

export function perceptronDiagram(initial: DiagramValues, labels: DiagramLabels): {element: SVGSVGElement; update(values: DiagramValues): void} {
  const svg = el("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, role: "img", class: "perceptron-diagram", style: "max-width: 100%; height: auto; font: 13px var(--sans-serif, sans-serif);"});
  const title = el("title", {}, svg);
  const inputs = [
    {key: "w1" as const, name: "x₁", at: {x: 60, y: 45}},
    {key: "w2" as const, name: "x₂", at: {x: 60, y: 115}},
    {key: "b" as const, name: "1", at: {x: 60, y: 190}}
  ];
  const edges = inputs.map(({key, at}) => {
    const line = el("line", {x1: at.x + 22, y1: at.y, x2: SUM.x - 26, y2: SUM.y + (at.y - SUM.y) * 0.15, "stroke-linecap": "round"}, svg);
    const mx = at.x + 22 + (SUM.x - 26 - at.x - 22) * 0.45;
    const my = at.y + (SUM.y + (at.y - SUM.y) * 0.15 - at.y) * 0.45;
    const label = text(svg, mx, my - 12, "", {"font-weight": 600});
    return {key, line, label};
  });
  const inputValues = inputs.map(({name, at}) => {
    el("circle", {cx: at.x, cy: at.y, r: 22, fill: "var(--theme-background-alt, #f4f4f4)", stroke: "currentColor"}, svg);
    text(svg, at.x - 42, at.y, name === "1" ? labels.bias : name, {"font-style": name === "1" ? "normal" : "italic", fill: "var(--theme-foreground-muted, #555)"});
    return text(svg, at.x, at.y, "");
  });
  el("circle", {cx: SUM.x, cy: SUM.y, r: 26, fill: "var(--theme-background-alt, #f4f4f4)", stroke: "currentColor"}, svg);
  text(svg, SUM.x, SUM.y - 8, "Σ", {"font-size": 18});
  const sumValue = text(svg, SUM.x, SUM.y + 11, "", {"font-size": 12});
  text(svg, SUM.x, SUM.y + 44, labels.sum, {"font-size": 11, fill: "var(--theme-foreground-muted, #555)"});
  el("line", {x1: SUM.x + 26, y1: SUM.y, x2: ACT.x - ACT.w / 2, y2: SUM.y, stroke: "currentColor"}, svg);
  el("rect", {x: ACT.x - ACT.w / 2, y: ACT.y - ACT.h / 2, width: ACT.w, height: ACT.h, rx: 6, fill: "var(--theme-background-alt, #f4f4f4)", stroke: "currentColor"}, svg);
  const curve = el("path", {fill: "none", stroke: "currentColor", "stroke-width": 1.5}, svg);
  const marker = el("circle", {r: 4, fill: PALETTE.negative}, svg);
  const activationName = text(svg, ACT.x, ACT.y + ACT.h / 2 + 12, "", {"font-size": 11, fill: "var(--theme-foreground-muted, #555)"});
  el("line", {x1: ACT.x + ACT.w / 2, y1: SUM.y, x2: OUT.x - 24, y2: SUM.y, stroke: "currentColor"}, svg);
  el("circle", {cx: OUT.x, cy: OUT.y, r: 24, fill: "var(--theme-background-alt, #f4f4f4)", stroke: "currentColor", "stroke-width": 2}, svg);
  const outValue = text(svg, OUT.x, OUT.y, "", {"font-weight": 700});
  text(svg, OUT.x, OUT.y + 38, labels.output, {"font-size": 11, fill: "var(--theme-foreground-muted, #555)"});

  let curveFor: Activation | null = null;
  function update(values: DiagramValues): void {
    const {activation} = values;
    const s = weightedSum(values, values.x1, values.x2);
    const y = activation.f(s);
    for (const {key, line, label} of edges) {
      const w = values[key];
      line.setAttribute("stroke", w >= 0 ? PALETTE.positive : PALETTE.negative);
      line.setAttribute("stroke-width", String(Number.isFinite(w) ? 1 + Math.min(5, 2.5 * Math.abs(w)) : 1));
      line.setAttribute("stroke-dasharray", w === 0 ? "4,4" : "none");
      label.textContent = `${key === "b" ? "b" : key === "w1" ? "w₁" : "w₂"} = ${formatFixed(w, 2)}`;
      label.setAttribute("fill", w >= 0 ? PALETTE.positive : PALETTE.negative);
    }
    inputValues[0].textContent = formatFixed(values.x1, 0);
    inputValues[1].textContent = formatFixed(values.x2, 0);
    inputValues[2].textContent = "1";
    sumValue.textContent = formatFixed(s, 2);
    outValue.textContent = formatFixed(y, activation.id === "step" ? 0 : 2);
    // The curve is rescaled to the box; redraw it only when the activation changes.
    const range = curveRange(activation);
    if (curveFor !== activation) {
      curveFor = activation;
      const points: string[] = [];
      for (let i = 0; i <= 80; ++i) {
        const t = -CURVE_S + (2 * CURVE_S * i) / 80;
        const [px, py] = curvePoint(t, activation.f(t), range);
        points.push(`${i === 0 ? "M" : activation.id === "step" && i === 40 ? "M" : "L"}${px.toFixed(1)},${py.toFixed(1)}`);
      }
      curve.setAttribute("d", points.join(""));
      activationName.textContent = labels.activationName(activation);
    }
    const clamped = Math.max(-CURVE_S, Math.min(CURVE_S, s));
    const [mx, my] = curvePoint(clamped, activation.f(clamped), range);
    marker.setAttribute("cx", mx.toFixed(1));
    marker.setAttribute("cy", my.toFixed(1));
    title.textContent = labels.title({
      x1: formatFixed(values.x1, 0),
      x2: formatFixed(values.x2, 0),
      w1: formatFixed(values.w1, 2),
      w2: formatFixed(values.w2, 2),
      b: formatFixed(values.b, 2),
      s: formatFixed(s, 2),
      activation: labels.activationName(activation),
      y: formatFixed(y, activation.id === "step" ? 0 : 2)
    });
  }

  update(initial);
  return {element: svg, update};
}

/** The activation's output range over the drawn s interval, for scaling the curve into its box. */
function curveRange(activation: Activation): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i <= 16; ++i) {
    const y = activation.f(-CURVE_S + (2 * CURVE_S * i) / 16);
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  }
  return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
}

function curvePoint(s: number, y: number, [lo, hi]: [number, number]): [number, number] {
  const pad = 8;
  const x = ACT.x - ACT.w / 2 + pad + ((s + CURVE_S) / (2 * CURVE_S)) * (ACT.w - 2 * pad);
  const py = ACT.y + ACT.h / 2 - pad - ((y - lo) / (hi - lo)) * (ACT.h - 2 * pad);
  return [x, py];
}
