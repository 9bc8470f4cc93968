/**
 * The MNIST page's charts, drawn with Plot: training loss and batch accuracy
 * against the reference run, test accuracy per epoch against the reference
 * and the lecture's result, the confusion matrix, and class probabilities.
 * Each chart has an aria-label that states its key numbers.
 */
import * as Plot from "npm:@observablehq/plot";

export interface CurvePoint {
  /** Training step over the whole run. */
  step: number;
  loss: number;
  accuracy: number;
}

export interface EpochPoint {
  epoch: number;
  accuracy: number;
}

const LIVE = "#1f6fb2";
const REFERENCE = "#9a9a9a";

function last<T>(xs: T[]): T | undefined {
  return xs[xs.length - 1];
}

/**
 * One image with one text alternative: the chart's aria-label. Plot also labels each
 * mark's group ("line", "dot"), which axe rejects on a plain <g> and says nothing useful.
 */
function asImage<T extends Element>(chart: T): T {
  const svg = chart instanceof SVGSVGElement ? chart : chart.querySelector("svg");
  svg?.setAttribute("role", "img");
  chart.querySelectorAll("g[aria-label]").forEach((g) => g.removeAttribute("aria-label"));
  return chart;
}

/** Only the marks that have data: an empty mark leaves a labelled but empty group, which axe rejects. */
function withData(marks: [unknown[], Plot.Markish][]): Plot.Markish[] {
  return marks.filter(([data]) => data.length > 0).map(([, mark]) => mark);
}

/** Loss (log scale) or batch accuracy per logged step, this run over the reference. */
export function curveChart(kind: "loss" | "accuracy", live: CurvePoint[], reference: CurvePoint[], width = 640): SVGSVGElement | HTMLElement {
  const y = kind === "loss" ? "loss" : "accuracy";
  // A log scale cannot show a loss of exactly 0.
  if (kind === "loss") [live, reference] = [live, reference].map((xs) => xs.filter((d) => d.loss > 0));
  const now = last(live);
  const summary = now
    ? `Latest at step ${now.step}: ${kind} ${now[y].toFixed(4)}` + (reference.length ? `; the reference run ends at ${last(reference)![y].toFixed(4)}.` : ".")
    : "No training yet.";
  return asImage(Plot.plot({
    width,
    height: 220,
    x: {label: "training step", grid: true},
    y: kind === "loss" ? {type: "log", label: "loss (log scale)", grid: true} : {domain: [0, 1], label: "batch accuracy", grid: true, tickFormat: "%"},
    color: {domain: ["this run", "reference run"], range: [LIVE, REFERENCE]},
    ariaLabel: `${kind === "loss" ? "Training loss" : "Training batch accuracy"} per logged step. ${summary}`,
    marks: withData([
      [reference, Plot.line(reference, {x: "step", y, stroke: () => "reference run", strokeWidth: 1.5})],
      [live, Plot.line(live, {x: "step", y, stroke: () => "this run", strokeWidth: 2})],
      [live, Plot.dot(live.slice(-1), {x: "step", y, fill: LIVE})]
    ])
  }));
}

/** Test accuracy after each epoch: this run, the reference run, the lecture's 97.77 %. */
export function testAccuracyChart(live: EpochPoint[], reference: EpochPoint[], lecture: number, epochs: number, width = 640): SVGSVGElement | HTMLElement {
  const all = [...live, ...reference].map((d) => d.accuracy);
  const low = Math.min(0.9, ...all);
  const now = last(live);
  return asImage(Plot.plot({
    width,
    height: 220,
    x: {domain: [0.5, Math.max(epochs, reference.length) + 0.5], label: "epoch", ticks: Math.min(15, Math.max(epochs, reference.length))},
    y: {domain: [Math.floor(low * 100) / 100, 1], label: "test accuracy", grid: true, tickFormat: "%"},
    color: {domain: ["this run", "reference run"], range: [LIVE, REFERENCE]},
    ariaLabel:
      `Test accuracy per epoch. ` +
      (now ? `This run: ${(now.accuracy * 100).toFixed(2)} % after epoch ${now.epoch}. ` : "") +
      (reference.length ? `Reference: ${(last(reference)!.accuracy * 100).toFixed(2)} % after epoch ${last(reference)!.epoch}. ` : "") +
      `The lecture's PyTorch run: ${(lecture * 100).toFixed(2)} % after 15 epochs.`,
    marks: [
      Plot.ruleY([lecture], {stroke: "#b03a2e", strokeDasharray: "4,3"}),
      Plot.text([lecture], {x: 0.6, y: lecture, text: () => `lecture ${(lecture * 100).toFixed(2)} %`, textAnchor: "start", dy: -6, fill: "#b03a2e"}),
      ...withData([
        [reference, Plot.line(reference, {x: "epoch", y: "accuracy", stroke: () => "reference run"})],
        [reference, Plot.dot(reference, {x: "epoch", y: "accuracy", stroke: () => "reference run"})],
        [live, Plot.line(live, {x: "epoch", y: "accuracy", stroke: () => "this run", strokeWidth: 2})],
        [live, Plot.dot(live, {x: "epoch", y: "accuracy", fill: () => "this run"})]
      ])
    ]
  }));
}

/** confusion[true][predicted] as a heat map with counts. */
export function confusionChart(confusion: number[][], width = 420): SVGSVGElement | HTMLElement {
  const cells = confusion.flatMap((row, t) => row.map((count, p) => ({true: t, predicted: p, count})));
  const total = cells.reduce((n, c) => n + c.count, 0);
  const correct = cells.filter((c) => c.true === c.predicted).reduce((n, c) => n + c.count, 0);
  const worst = cells.filter((c) => c.true !== c.predicted).sort((a, b) => b.count - a.count)[0];
  return asImage(Plot.plot({
    width,
    height: width,
    padding: 0.05,
    x: {label: "predicted", domain: [...Array(10).keys()], axis: "top"},
    y: {label: "true", domain: [...Array(10).keys()]},
    color: {type: "sqrt", scheme: "blues"},
    ariaLabel:
      `Confusion matrix of the test set: ${correct} of ${total} correct on the diagonal.` +
      (worst && worst.count > 0 ? ` The most frequent mistake: ${worst.count} times a true ${worst.true} predicted as ${worst.predicted}.` : ""),
    marks: [
      Plot.cell(cells, {x: "predicted", y: "true", fill: "count", title: (d: {true: number; predicted: number; count: number}) => `true ${d.true}, predicted ${d.predicted}: ${d.count}`}),
      Plot.text(cells, {x: "predicted", y: "true", text: "count", fill: (d: {count: number}) => (d.count > total / 20 ? "white" : "black"), fontSize: 10})
    ]
  }));
}

/** The ten class probabilities as bars, the top class highlighted. */
export function probabilityChart(probabilities: ArrayLike<number>, width = 320): SVGSVGElement | HTMLElement {
  const bars = Array.from(probabilities, (p, digit) => ({digit, p}));
  const top = bars.reduce((a, b) => (b.p > a.p ? b : a), bars[0]);
  return asImage(Plot.plot({
    width,
    height: 200,
    x: {label: "digit", domain: [...Array(10).keys()]},
    y: {domain: [0, 1], label: "probability", grid: true, tickFormat: "%"},
    ariaLabel: `Class probabilities: most likely ${top.digit} at ${(top.p * 100).toFixed(1)} %.`,
    marks: [Plot.barY(bars, {x: "digit", y: "p", fill: (d: {digit: number}) => (d.digit === top.digit ? LIVE : "#b8c7d6")}), Plot.ruleY([0])]
  }));
}
