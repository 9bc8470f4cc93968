/**
 * The sigmoid with slope β and its derivative τ′(s) = β·τ(s)(1 − τ(s)):
 * both curves, the tangent at a chosen s, and the formula checked against a
 * central difference there.
 */
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "../charts/chart-role.js";
import {liveLayer, type LiveDot, type LiveLayer, type LiveLine, type PlotChart} from "../charts/live-layer.js";
import {PALETTE} from "../charts/palette.js";
import {element, labelledRange, scrollBox, sideBySide} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import {texElement, texNumber} from "../course/math.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {sigmoidWithSlope} from "../nn/activations.js";

export const sigmoidDerivativeSchema = {
  beta: {kind: "number", min: 0.2, max: 10, default: 1},
  s: {kind: "number", min: -6, max: 6, default: 1}
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  beta: "Slope β",
  s: "Point s",
  caption: "τ(s) in blue, τ′(s) in orange; the dashed line is the tangent to τ at s, whose slope is τ′(s).",
  chartLabel: "Sigmoid with slope β = {beta} and its derivative; at s = {s}: τ = {tau}, τ′ = {slope}; the derivative peaks at s = 0 with β/4 = {peak}.",
  peak: "The derivative is largest at s = 0, where τ = ½ and τ′ = β/4 = {peak}. Far from 0 it goes to zero: a saturated sigmoid passes almost no gradient back."
} satisfies Messages;

export interface SigmoidDerivativeValue {
  beta: number;
  s: number;
  /** τ(s) and τ′(s) at the chosen point. */
  tau: number;
  slope: number;
}

const S_RANGE: [number, number] = [-6, 6];
const MAX_WIDTH = 420;
const CURVES = ["τ(s)", "τ′(s)"];

export function createSigmoidDerivativeWidget(options: WidgetOptions = {}): WidgetElement<SigmoidDerivativeValue> {
  const w = createWidget({id: "sigmoid-derivative", className: "sigmoid-derivative", schema: sigmoidDerivativeSchema, messages, value: {} as SigmoidDerivativeValue}, options);
  const {t, root} = w;
  const beta = labelledRange([0.2, 10], {label: t("beta"), value: w.initial.beta, step: 0.1});
  const at = labelledRange(S_RANGE, {label: t("s"), value: w.initial.s, step: 0.1});
  const chart = element("div", "sigmoid-chart");
  const figure = element("figure", "chart", chart, element("figcaption", "", t("caption")));
  const numbers = element("div", "sigmoid-numbers");
  const row = element("div", "row", figure, numbers);
  root.append(w.notice, sideBySide([beta, at], [row]));
  let width = MAX_WIDTH;

  /** Sets the link and the value; the drawing follows in the next frame, once however many inputs arrive before it. */
  function update(): void {
    const {b, s0, y0, slope} = current();
    w.write({beta: b, s: s0});
    w.publish({beta: b, s: s0, tau: y0, slope});
  }

  /** The sliders' β and s, the sigmoid with that slope, and τ, τ′ at s. */
  function current() {
    const b = beta.value;
    const s0 = at.value;
    const tau = sigmoidWithSlope(b);
    const y0 = tau.f(s0);
    return {b, s0, tau, y0, slope: tau.derivative(s0, y0)};
  }
  const drawFrame = w.frame(draw);

  /** The chart's frame (axes, grid, legend) for a width and a y-extent, and the marks a slider moves over it. */
  let frame: {key: string; layer: LiveLayer; curves: LiveLine[]; tangent: LiveLine; rule: LiveLine; dots: LiveDot[]} | null = null;

  function frameFor(yMax: number) {
    const key = `${width} ${yMax}`;
    if (frame?.key === key) return frame;
    const plot = asImage(
      Plot.plot({
        width,
        height: 280,
        x: {domain: S_RANGE, label: "s"},
        y: {domain: [0, yMax], label: null, grid: true},
        color: {legend: true, domain: CURVES, range: [PALETTE.series[0], PALETTE.series[1]]},
        // No data: the marks a slider moves are the live layer's; this mark only makes the colour legend.
        marks: [Plot.line([], {x: "s", y: "value", stroke: "curve"})]
      })
    ) as PlotChart;
    const layer = liveLayer(plot);
    frame = {
      key,
      layer,
      curves: CURVES.map((_, k) => layer.line({stroke: PALETTE.series[k]})),
      tangent: layer.line({stroke: PALETTE.ink, "stroke-width": 1.5, "stroke-dasharray": "4,3"}),
      rule: layer.line({stroke: PALETTE.neutral, "stroke-width": 1}),
      dots: [layer.dot({r: 5, fill: PALETTE.ink}), layer.dot({r: 5, fill: PALETTE.ink})]
    };
    chart.replaceChildren(plot);
    return frame;
  }

  function draw(): void {
    const {b, s0, tau, y0, slope} = current();
    const samples = Array.from({length: 241}, (_, k) => S_RANGE[0] + ((S_RANGE[1] - S_RANGE[0]) * k) / 240);
    const values = samples.map((s) => tau.f(s));
    // The y-extent in steps of ½, so a drag of β rebuilds the frame only when the derivative's peak β/4 crosses one.
    const yMax = Math.ceil(Math.max(1, b / 4) * 1.05 * 2) / 2;
    const f = frameFor(yMax);
    f.curves[0].set(samples.map((s, k) => [s, values[k]]));
    f.curves[1].set(samples.map((s, k) => [s, tau.derivative(s, values[k])]));
    // The tangent to τ at s₀, shorter for steeper sigmoids so it stays near the curve.
    const half = 2 / (b + 0.5);
    f.tangent.set([s0 - half, s0 + half].map((s) => [s, y0 + slope * (s - s0)]));
    f.rule.set([
      [s0, 0],
      [s0, yMax]
    ]);
    f.dots[0].set(s0, y0);
    f.dots[1].set(s0, slope);
    f.layer.label(t("chartLabel", {beta: b, s: s0, tau: formatFixed(y0, 4), slope: formatFixed(slope, 4), peak: formatFixed(b / 4, 3)}));
  }

  /** The formulas with the numbers at s, typeset once the sliders rest: a drag's frames carry only the chart. */
  const typesetSoon = w.settled(typeset);
  function typeset(): void {
    const {b, s0, tau, y0, slope} = current();
    const h = 1e-5;
    const numeric = (tau.f(s0 + h) - tau.f(s0 - h)) / (2 * h);
    const peak = formatFixed(b / 4, 3);
    numbers.replaceChildren(
      scrollBox(
        texElement(String.raw`\tau(${texNumber(s0, 1)}) = \frac{1}{1 + e^{-${texNumber(b, 1)}\cdot ${s0 < 0 ? `(${texNumber(s0, 1)})` : texNumber(s0, 1)}}} = ${texNumber(y0, 4)}`, true),
      texElement(String.raw`\tau'(${texNumber(s0, 1)}) = \beta\,\tau(s)\,(1 - \tau(s)) = ${texNumber(b, 1)}\cdot ${texNumber(y0, 4)}\cdot(1 - ${texNumber(y0, 4)}) = ${texNumber(slope, 4)}`, true),
      texElement(String.raw`\frac{\tau(s + h) - \tau(s - h)}{2h} = ${texNumber(numeric, 4)} \quad (h = 10^{-5})`, true)
      ),
      element("p", "", t("peak", {peak}))
    );
    // Laid out now, in idle time, not in the next frame.
    void numbers.offsetHeight;
  }
  for (const input of [beta, at]) input.addEventListener("input", () => (update(), drawFrame.request(), typesetSoon.request()));
  w.observeWidth(row, (available) => {
    width = Math.min(MAX_WIDTH, available);
    draw();
    typeset();
  });
  update();
  return root;
}
