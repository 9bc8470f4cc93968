/**
 * The sigmoid with slope β and its derivative τ′(s) = β·τ(s)(1 − τ(s)):
 * both curves, the tangent at a chosen s, and the formula checked against a
 * central difference there.
 */
import * as Plot from "npm:@observablehq/plot";
import {texElement, texNumber} from "../course/math.js";
import {urlState, type Schema} from "../course/url-state.js";
import {sigmoidWithSlope} from "../nn/activations.js";
import {chartFigure, element, labelledRange} from "../course/dom.js";
import type {WidgetOptions} from "../course/widget.js";
import {asImage} from "../charts/chart-role.js";

export const sigmoidDerivativeSchema = {
  beta: {kind: "number", min: 0.2, max: 10, default: 1},
  s: {kind: "number", min: -6, max: 6, default: 1}
} satisfies Schema;

const S_RANGE: [number, number] = [-6, 6];

export function createSigmoidDerivativeWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(sigmoidDerivativeSchema, options.search, options.signal);
  const beta = labelledRange([0.2, 10], {label: "Slope β", value: state.initial.beta, step: 0.1});
  const at = labelledRange(S_RANGE, {label: "Point s", value: state.initial.s, step: 0.1});
  const chart = element("div", "sigmoid-chart");
  const numbers = element("div", "sigmoid-numbers");
  const root = element("div", "widget sigmoid-derivative", state.notice(), element("div", "controls", beta, at), element("div", "row", chartFigure(420, chart, "τ(s) in blue, τ′(s) in orange; the dashed line is the tangent to τ at s, whose slope is τ′(s)."), numbers));

  function update(): void {
    const b = beta.value;
    const s0 = at.value;
    const tau = sigmoidWithSlope(b);
    const y0 = tau.f(s0);
    const slope = tau.derivative(s0, y0);
    const h = 1e-5;
    const numeric = (tau.f(s0 + h) - tau.f(s0 - h)) / (2 * h);
    const curve = Array.from({length: 241}, (_, k) => {
      const s = S_RANGE[0] + ((S_RANGE[1] - S_RANGE[0]) * k) / 240;
      const y = tau.f(s);
      return [
        {s, value: y, curve: "τ(s)"},
        {s, value: tau.derivative(s, y), curve: "τ′(s)"}
      ];
    }).flat();
    // The tangent to τ at s₀, shorter for steeper sigmoids so it stays near the curve.
    const half = 2 / (b + 0.5);
    const tangent = [s0 - half, s0 + half].map((s) => ({s, value: y0 + slope * (s - s0)}));
    chart.replaceChildren(
      asImage(Plot.plot({
        width: 420,
        height: 280,
        x: {domain: S_RANGE, label: "s"},
        y: {domain: [0, Math.max(1, b / 4) * 1.05], label: null, grid: true},
        color: {legend: true, domain: ["τ(s)", "τ′(s)"], range: ["#2b6cb0", "#dd6b20"]},
        ariaLabel: `Sigmoid with slope β = ${b} and its derivative; at s = ${s0}: τ = ${y0.toFixed(4)}, τ′ = ${slope.toFixed(4)}; the derivative peaks at s = 0 with β/4 = ${(b / 4).toFixed(3)}.`,
        marks: [
          Plot.line(curve, {x: "s", y: "value", stroke: "curve", strokeWidth: 2}),
          Plot.line(tangent, {x: "s", y: "value", stroke: "#333", strokeDasharray: "4,3"}),
          Plot.dot([{s: s0, value: y0}, {s: s0, value: slope}], {x: "s", y: "value", r: 5, fill: "#333"}),
          Plot.ruleX([s0], {stroke: "#999"})
        ]
      }))
    );
    numbers.replaceChildren(
      texElement(String.raw`\tau(${texNumber(s0, 1)}) = \frac{1}{1 + e^{-${texNumber(b, 1)}\cdot ${s0 < 0 ? `(${texNumber(s0, 1)})` : texNumber(s0, 1)}}} = ${texNumber(y0, 4)}`, true),
      texElement(String.raw`\tau'(${texNumber(s0, 1)}) = \beta\,\tau(s)\,(1 - \tau(s)) = ${texNumber(b, 1)}\cdot ${texNumber(y0, 4)}\cdot(1 - ${texNumber(y0, 4)}) = ${texNumber(slope, 4)}`, true),
      texElement(String.raw`\frac{\tau(s + h) - \tau(s - h)}{2h} = ${texNumber(numeric, 4)} \quad (h = 10^{-5})`, true),
      element("p", "", `The derivative is largest at s = 0, where τ = ½ and τ′ = β/4 = ${(b / 4).toFixed(3)}. Far from 0 it goes to zero: a saturated sigmoid passes almost no gradient back.`)
    );
    if (options.syncUrl !== false) state.write({beta: b, s: s0});
  }
  beta.addEventListener("input", update);
  at.addEventListener("input", update);
  update();
  return root;
}
