/**
 * The MNIST page's charts, drawn with Plot: training loss and batch accuracy
 * against the reference run, test accuracy per epoch against the reference
 * and the lecture's result, the confusion matrix, and class probabilities.
 * Each chart has an aria-label that states its key numbers; every text comes
 * through the caller's translator.
 */
import * as Plot from "npm:@observablehq/plot";
import {formatFixed} from "../course/format.js";
import type {Messages, Translate} from "../course/strings.js";
import {asImage} from "./chart-role.js";
import {PALETTE} from "./palette.js";

/** The charts' texts (axis labels, legends, text alternatives); the MNIST trainer's messages include them. */
export const chartMessages = {
  "chart.step": "training step",
  "chart.lossAxis": "loss (log scale)",
  "chart.accuracyAxis": "batch accuracy",
  "chart.thisRun": "this run",
  "chart.reference": "reference run",
  "chart.lossLabel": "Training loss per logged step. {summary}",
  "chart.accuracyLabel": "Training batch accuracy per logged step. {summary}",
  "chart.latest": "Latest at step {step}: {value}.",
  "chart.latestWithReference": "Latest at step {step}: {value}; the reference run ends at {reference}.",
  "chart.none": "No training yet.",
  "chart.epoch": "epoch",
  "chart.testAxis": "test accuracy",
  "chart.lecture": "lecture {accuracy} %",
  "chart.testLabel": "Test accuracy per epoch. {live}{reference}The lecture's PyTorch run: {lecture} % after 15 epochs.",
  "chart.testLive": "This run: {accuracy} % after epoch {epoch}. ",
  "chart.testReference": "Reference: {accuracy} % after epoch {epoch}. ",
  "chart.predicted": "predicted",
  "chart.true": "true",
  "chart.confusionLabel": "Confusion matrix of the test set: {correct} of {total} correct on the diagonal.",
  "chart.worst": " The most frequent mistake: {count} times a true {true} predicted as {predicted}.",
  "chart.cellTitle": "true {true}, predicted {predicted}: {count}",
  "chart.digit": "digit",
  "chart.probability": "probability",
  "chart.probabilityLabel": "Class probabilities: most likely {digit} at {p} %."
} satisfies Messages;

type T = Translate<typeof chartMessages>;

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

const percent = (x: number, digits = 2) => formatFixed(x * 100, digits);

function last<T>(xs: T[]): T | undefined {
  return xs[xs.length - 1];
}

/** Only the marks that have data: an empty mark leaves a labelled but empty group, which axe rejects. */
function withData(marks: [unknown[], Plot.Markish][]): Plot.Markish[] {
  return marks.filter(([data]) => data.length > 0).map(([, mark]) => mark);
}

/** The live/reference colour legend's domain and range, in the caller's language. */
function runColors(t: T) {
  return {domain: [t("chart.thisRun"), t("chart.reference")], range: [PALETTE.live, PALETTE.reference]};
}

/** Loss (log scale) or batch accuracy per logged step, this run over the reference. */
export function curveChart(t: T, kind: "loss" | "accuracy", live: CurvePoint[], reference: CurvePoint[], width = 640): SVGSVGElement | HTMLElement {
  const y = kind === "loss" ? "loss" : "accuracy";
  // A log scale cannot show a loss of exactly 0.
  if (kind === "loss") [live, reference] = [live, reference].map((xs) => xs.filter((d) => d.loss > 0));
  const now = last(live);
  const ref = last(reference);
  const summary = !now
    ? t("chart.none")
    : ref
      ? t("chart.latestWithReference", {step: now.step, value: formatFixed(now[y], 4), reference: formatFixed(ref[y], 4)})
      : t("chart.latest", {step: now.step, value: formatFixed(now[y], 4)});
  const thisRun = t("chart.thisRun");
  const referenceRun = t("chart.reference");
  return asImage(Plot.plot({
    width,
    height: 220,
    x: {label: t("chart.step"), grid: true},
    y: kind === "loss" ? {type: "log", label: t("chart.lossAxis"), grid: true} : {domain: [0, 1], label: t("chart.accuracyAxis"), grid: true, tickFormat: "%"},
    color: runColors(t),
    ariaLabel: t(kind === "loss" ? "chart.lossLabel" : "chart.accuracyLabel", {summary}),
    marks: withData([
      [reference, Plot.line(reference, {x: "step", y, stroke: () => referenceRun, strokeWidth: 1.5})],
      [live, Plot.line(live, {x: "step", y, stroke: () => thisRun, strokeWidth: 2})],
      [live, Plot.dot(live.slice(-1), {x: "step", y, fill: PALETTE.live})]
    ])
  }));
}

/** Test accuracy after each epoch: this run, the reference run, the lecture's 97.77 %. */
export function testAccuracyChart(t: T, live: EpochPoint[], reference: EpochPoint[], lecture: number, epochs: number, width = 640): SVGSVGElement | HTMLElement {
  const all = [...live, ...reference].map((d) => d.accuracy);
  const low = Math.min(0.9, ...all);
  const now = last(live);
  const ref = last(reference);
  const thisRun = t("chart.thisRun");
  const referenceRun = t("chart.reference");
  return asImage(Plot.plot({
    width,
    height: 220,
    x: {domain: [0.5, Math.max(epochs, reference.length) + 0.5], label: t("chart.epoch"), ticks: Math.min(width < 480 ? 8 : 15, Math.max(epochs, reference.length))},
    y: {domain: [Math.floor(low * 100) / 100, 1], label: t("chart.testAxis"), grid: true, tickFormat: "%"},
    color: runColors(t),
    ariaLabel: t("chart.testLabel", {
      live: now ? t("chart.testLive", {accuracy: percent(now.accuracy), epoch: now.epoch}) : "",
      reference: ref ? t("chart.testReference", {accuracy: percent(ref.accuracy), epoch: ref.epoch}) : "",
      lecture: percent(lecture)
    }),
    marks: [
      Plot.ruleY([lecture], {stroke: PALETTE.highlight, strokeDasharray: "4,3"}),
      Plot.text([lecture], {x: 0.6, y: lecture, text: () => t("chart.lecture", {accuracy: percent(lecture)}), textAnchor: "start", dy: -6, fill: PALETTE.ink}),
      ...withData([
        [reference, Plot.line(reference, {x: "epoch", y: "accuracy", stroke: () => referenceRun})],
        [reference, Plot.dot(reference, {x: "epoch", y: "accuracy", stroke: () => referenceRun})],
        [live, Plot.line(live, {x: "epoch", y: "accuracy", stroke: () => thisRun, strokeWidth: 2})],
        [live, Plot.dot(live, {x: "epoch", y: "accuracy", fill: () => thisRun})]
      ])
    ]
  }));
}

/** confusion[true][predicted] as a heat map with counts. */
export function confusionChart(t: T, confusion: number[][], width = 420): SVGSVGElement | HTMLElement {
  const cells = confusion.flatMap((row, truth) => row.map((count, predicted) => ({truth, predicted, count})));
  const total = cells.reduce((n, c) => n + c.count, 0);
  const correct = cells.filter((c) => c.truth === c.predicted).reduce((n, c) => n + c.count, 0);
  const worst = cells.filter((c) => c.truth !== c.predicted).sort((a, b) => b.count - a.count)[0];
  return asImage(Plot.plot({
    width,
    height: width,
    padding: 0.05,
    x: {label: t("chart.predicted"), domain: [...Array(10).keys()], axis: "top"},
    y: {label: t("chart.true"), domain: [...Array(10).keys()]},
    color: {type: "sqrt", scheme: "blues"},
    ariaLabel:
      t("chart.confusionLabel", {correct, total}) +
      (worst && worst.count > 0 ? t("chart.worst", {count: worst.count, true: worst.truth, predicted: worst.predicted}) : ""),
    marks: [
      Plot.cell(cells, {x: "predicted", y: "truth", fill: "count", title: (d: (typeof cells)[number]) => t("chart.cellTitle", {true: d.truth, predicted: d.predicted, count: d.count})}),
      Plot.text(cells, {x: "predicted", y: "truth", text: "count", fill: (d: {count: number}) => (d.count > total / 20 ? "white" : PALETTE.ink), fontSize: width < 360 ? 8 : 10})
    ]
  }));
}

/** The ten class probabilities as bars, the top class highlighted. */
export function probabilityChart(t: T, probabilities: ArrayLike<number>, width = 320): SVGSVGElement | HTMLElement {
  const bars = Array.from(probabilities, (p, digit) => ({digit, p}));
  const top = bars.reduce((a, b) => (b.p > a.p ? b : a), bars[0]);
  return asImage(Plot.plot({
    width,
    height: 200,
    x: {label: t("chart.digit"), domain: [...Array(10).keys()]},
    y: {domain: [0, 1], label: t("chart.probability"), grid: true, tickFormat: "%"},
    ariaLabel: t("chart.probabilityLabel", {digit: top.digit, p: percent(top.p, 1)}),
    marks: [Plot.barY(bars, {x: "digit", y: "p", fill: (d: {digit: number}) => (d.digit === top.digit ? PALETTE.live : PALETTE.reference)}), Plot.ruleY([0])]
  }));
}
