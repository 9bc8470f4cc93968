/**
 * The lecture's activation functions side by side: each selected one plotted
 * with its derivative, its formula, and a note on range, zero-centring, where
 * the gradient is zero and what it costs. Sigmoid's β, Leaky ReLU's α, ELU's α
 * and Maxout's two lines are adjustable.
 */
import * as Inputs from "npm:@observablehq/inputs";
import * as Plot from "npm:@observablehq/plot";
import {formatNumber} from "../course/format.js";
import {texElement} from "../course/math.js";
import {urlState, type Schema} from "../course/url-state.js";
import {element, labelledRange} from "../course/dom.js";
import {CATALOGUE_IDS, catalogueEntry, curveSamples, DEFAULT_PARAMS, type CatalogueEntry, type CatalogueId, type CatalogueParams} from "../nn/activation-catalogue.js";
import type {WidgetOptions} from "../course/widget.js";

const [line1, line2] = DEFAULT_PARAMS.maxout;

/** `acts` lists catalogue indices: 0 step, 1 sigmoid, 2 tanh, 3 ReLU, 4 Leaky ReLU, 5 ELU, 6 Maxout. */
export const activationPlotSchema = {
  acts: {kind: "int-list", min: 0, max: CATALOGUE_IDS.length - 1, minLength: 1, maxLength: CATALOGUE_IDS.length, default: [1, 3]},
  beta: {kind: "number", min: 0.1, max: 10, default: DEFAULT_PARAMS.beta},
  alpha: {kind: "number", min: 0, max: 0.5, default: DEFAULT_PARAMS.alpha},
  ealpha: {kind: "number", min: 0.1, max: 3, default: DEFAULT_PARAMS.eluAlpha},
  mw1: {kind: "number", min: -3, max: 3, default: line1.w},
  mb1: {kind: "number", min: -3, max: 3, default: line1.b},
  mw2: {kind: "number", min: -3, max: 3, default: line2.w},
  mb2: {kind: "number", min: -3, max: 3, default: line2.b}
} satisfies Schema;

const NAMES: Record<CatalogueId, string> = {
  step: "Step",
  sigmoid: "Sigmoid",
  tanh: "tanh",
  relu: "ReLU",
  "leaky-relu": "Leaky ReLU",
  elu: "ELU",
  maxout: "Maxout"
};
const DOMAIN: [number, number] = [-5, 5];

export function createActivationPlotWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(activationPlotSchema, options.search, options.signal);
  const v = {...state.initial, acts: [...new Set(state.initial.acts)].sort((a, b) => a - b)};
  const root = element("div", "widget activation-plot");

  const actsInput = Inputs.checkbox(CATALOGUE_IDS.slice(), {label: "Show", value: v.acts.map((i) => CATALOGUE_IDS[i]), format: (id) => NAMES[id]});
  const betaInput = labelledRange([0.1, 10], {label: "Sigmoid slope β", step: 0.1, value: v.beta});
  const alphaInput = labelledRange([0, 0.5], {label: "Leaky ReLU slope α", step: 0.01, value: v.alpha});
  const eluInput = labelledRange([0.1, 3], {label: "ELU α", step: 0.1, value: v.ealpha});
  const maxoutInputs = (["mw1", "mb1", "mw2", "mb2"] as const).map((key) => {
    const input = Inputs.number([-3, 3], {label: {mw1: "line 1: w₁", mb1: "b₁", mw2: "line 2: w₂", mb2: "b₂"}[key], step: 0.1, value: v[key]});
    return [key, input] as const;
  });
  const maxoutBox = element("fieldset", "maxout-lines", element("legend", "", "Maxout: max(w₁s + b₁, w₂s + b₂)"), ...maxoutInputs.map(([, input]) => input));
  const message = element("p", "message");
  message.setAttribute("role", "status");
  const charts = element("div", "row");
  const cards = element("div", "activation-cards");

  root.append(state.notice(), actsInput, element("div", "controls", betaInput, alphaInput, eluInput), maxoutBox, message, charts, cards);

  const params = (): CatalogueParams => ({
    beta: v.beta,
    alpha: v.alpha,
    eluAlpha: v.ealpha,
    maxout: [
      {w: v.mw1, b: v.mb1},
      {w: v.mw2, b: v.mb2}
    ]
  });

  for (const input of [actsInput, betaInput, alphaInput, eluInput, ...maxoutInputs.map(([, i]) => i)]) {
    input.addEventListener("input", () => {
      v.acts = actsInput.value.map((id) => CATALOGUE_IDS.indexOf(id));
      v.beta = betaInput.value;
      v.alpha = alphaInput.value;
      v.ealpha = eluInput.value;
      for (const [key, i] of maxoutInputs) if (Number.isFinite(i.value)) v[key] = i.value;
      render();
      // An empty selection cannot be a link (at least one activation is shown from a link).
      if (options.syncUrl !== false && v.acts.length > 0) state.write(v);
    });
  }

  function render() {
    const entries = v.acts.map((i) => catalogueEntry(CATALOGUE_IDS[i], params()));
    message.textContent = entries.length === 0 ? "Tick at least one activation to plot it." : "";
    charts.replaceChildren(...(entries.length ? [plot(entries, "f"), plot(entries, "derivative")] : []));
    cards.replaceChildren(...entries.map(card));
  }

  render();
  return root;
}

function plot(entries: CatalogueEntry[], which: "f" | "derivative"): HTMLElement {
  const rows = entries.flatMap((e) => curveSamples(e, DOMAIN, 240).map((p) => ({name: e.name, s: p.s, value: p[which], key: `${e.id}-${p.segment}`})));
  const undefinedAt = which === "derivative" ? entries.flatMap((e) => e.kinks.filter((k) => k > DOMAIN[0] && k < DOMAIN[1]).map((k) => ({name: e.name, s: k}))) : [];
  const values = rows.map((r) => r.value);
  const [lo, hi] = [Math.max(-3, Math.min(-0.1, ...values)), Math.min(5, Math.max(1.1, ...values))];
  const pad = 0.05 * (hi - lo);
  const yDomain: [number, number] = [lo - pad, hi + pad];
  const title = which === "f" ? "τ(s)" : "τ′(s)";
  // Marks are aria-hidden (Plot's per-mark labels are invalid ARIA); the chart's label and caption carry the content.
  const figure = Plot.plot({
    width: 320,
    height: 260,
    x: {domain: DOMAIN, label: "s"},
    y: {domain: yDomain, label: title, grid: true},
    color: {legend: true, domain: entries.map((e) => e.name)},
    marks: [
      Plot.ruleY([0], {ariaHidden: "true", stroke: "#bbb"}),
      Plot.line(rows, {ariaHidden: "true", x: "s", y: "value", z: "key", stroke: "name", strokeWidth: 2, clip: true}),
      // Where the derivative is undefined (a jump or a corner): an open circle on the axis.
      Plot.dot(undefinedAt, {ariaHidden: "true", x: "s", y: 0, stroke: "name", fill: "white", r: 4.5, strokeWidth: 2})
    ]
  });
  const kinkText = undefinedAt.length ? ` Open circles mark where the derivative is undefined: ${undefinedAt.map((u) => `${u.name} at s = ${formatNumber(u.s, 3)}`).join(", ")}.` : "";
  figure.setAttribute("aria-label", `${which === "f" ? "The functions" : "Their derivatives"} for s from −5 to 5: ${entries.map((e) => e.name).join(", ")}.${kinkText}`);
  const wrapper = element("figure", "activation-chart", figure, element("figcaption", "", which === "f" ? "The activation τ(s)" : `Its derivative τ′(s).${kinkText}`));
  return wrapper;
}

function card(e: CatalogueEntry): HTMLElement {
  const list = element(
    "dl",
    "",
    element("dt", "", "Range"),
    element("dd", "", e.notes.range),
    element("dt", "", "Zero-centred"),
    element("dd", "", e.notes.zeroCentred),
    element("dt", "", "Gradient is zero"),
    element("dd", "", e.notes.zeroGradient),
    element("dt", "", "Cost"),
    element("dd", "", e.notes.cost)
  );
  return element("section", "card activation-card", element("h3", "", e.name), texElement(e.tex, true), texElement(e.derivativeTex, true), list);
}
