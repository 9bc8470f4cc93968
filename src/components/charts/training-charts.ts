/**
 * The MNIST page's charts, drawn with Plot: training loss and batch accuracy
 * against the reference run, test accuracy per epoch against the reference
 * and the lecture's result, the same recipe over several seeds, the confusion
 * matrix, and class probabilities.
 * Each chart has an aria-label that states its key numbers; every text comes
 * through the caller's translator. The training charts change while the worker
 * trains: their frames hold still for a whole run and only this run's marks
 * move, so a new log entry costs a few attributes, not a new SVG and its layout.
 */
import * as Plot from "npm:@observablehq/plot";
import {element} from "../course/dom.js";
import {formatFixed, formatPercent} from "../course/format.js";
import type {Messages, Translate} from "../course/strings.js";
import type {SeedSpread} from "../mnist/seed-spread.js";
import {asImage} from "./chart-role.js";
import {liveLayer, type LiveDot, type LiveLayer, type LiveLine, type PlotChart} from "./live-layer.js";
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


function last<T>(xs: readonly T[]): T | undefined {
  return xs[xs.length - 1];
}

/** A chart of a training run: Plot draws its frame (axes, grid, legend, the reference run) only when the frame's extent or width changes; this run is a live layer over it. */
export interface TrainingChart<P> {
  /** Holds the chart (a new frame replaces the old one inside it). */
  readonly element: HTMLElement;
  /** Draws this run's points at `width`. */
  draw(live: readonly P[], width: number): void;
}

/** The frame for a key, built only when the key changes, and the live marks made over it. */
function frames<M>(holder: HTMLElement): (key: string, plot: () => SVGSVGElement | HTMLElement, marks: (layer: LiveLayer) => M) => {layer: LiveLayer; marks: M} {
  let frame: {key: string; layer: LiveLayer; marks: M} | null = null;
  return (key, plot, marks) => {
    if (frame?.key === key) return frame;
    // The extents hold every point, so the marks need no clip (a dot at 100 % shows whole).
    const layer = liveLayer(asImage(plot()) as PlotChart, {clip: false});
    frame = {key, layer, marks: marks(layer)};
    holder.replaceChildren(layer.chart);
    return frame;
  };
}

/** The live/reference colour legend's domain and range, in the caller's language (this run alone when there is no reference). */
function runColors(t: T, hasReference: boolean) {
  const domain = [t("chart.thisRun"), t("chart.reference")];
  const range = [PALETTE.live, PALETTE.reference];
  return {legend: true, domain: domain.slice(0, hasReference ? 2 : 1), range: range.slice(0, hasReference ? 2 : 1)};
}

/** This run's entry in the colour legend: a mark without data, since the live layer draws this run. */
function thisRunKey(t: T, x: string, y: string): Plot.Markish {
  return Plot.line([], {x, y, stroke: () => t("chart.thisRun"), ariaHidden: "true"});
}

/** Whole decades around the values (1e-5 to 10, say), so a falling loss rebuilds the frame only when it crosses a power of ten. */
function decades(values: number[]): [number, number] {
  if (values.length === 0) return [0.01, 10];
  let [min, max] = [Infinity, -Infinity];
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const low = Math.floor(Math.log10(min));
  return [10 ** low, 10 ** Math.max(low + 1, Math.ceil(Math.log10(max)))];
}

/**
 * Loss (log scale) or batch accuracy per logged step, this run over the reference.
 * The x-extent is the whole run (`steps`, or the reference run where it is longer);
 * the loss axis spans whole decades, accuracy 0 to 1.
 */
export function curveChart(t: T, kind: "loss" | "accuracy", reference: readonly CurvePoint[], steps: number): TrainingChart<CurvePoint> {
  const y = kind;
  // A log scale cannot show a loss of 0 (or NaN, or an infinite one).
  const usable = (xs: readonly CurvePoint[]): readonly CurvePoint[] => (kind === "loss" ? xs.filter((d) => d.loss > 0 && Number.isFinite(d.loss)) : xs);
  const ref = usable(reference);
  const ends = Math.max(steps, last(ref)?.step ?? 0);
  const holder = element("div");
  const frame = frames<{line: LiveLine; dot: LiveDot}>(holder);
  return {
    element: holder,
    draw(live, width) {
      const points = usable(live);
      const yDomain = kind === "loss" ? decades([...ref, ...points].map((d) => d.loss)) : [0, 1];
      const {layer, marks} = frame(
        `${width} ${yDomain}`,
        () =>
          Plot.plot({
            width,
            height: 220,
            x: {domain: [0, ends], label: t("chart.step"), grid: true},
            y: kind === "loss" ? {type: "log", domain: yDomain, label: t("chart.lossAxis"), grid: true} : {domain: yDomain, label: t("chart.accuracyAxis"), grid: true, tickFormat: "%"},
            color: runColors(t, ref.length > 0),
            marks: [
              ...(ref.length ? [Plot.line(ref, {x: "step", y, stroke: () => t("chart.reference"), strokeWidth: 1.5})] : []),
              thisRunKey(t, "step", y)
            ]
          }),
        (l) => ({line: l.line({stroke: PALETTE.live}), dot: l.dot({r: 3, fill: PALETTE.live})})
      );
      marks.line.set(points.map((d) => [d.step, d[y]]));
      const now = last(points);
      marks.dot.set(now?.step ?? NaN, now?.[y] ?? NaN);
      const end = last(ref);
      const summary = !now
        ? t("chart.none")
        : end
          ? t("chart.latestWithReference", {step: now.step, value: formatFixed(now[y], 4), reference: formatFixed(end[y], 4)})
          : t("chart.latest", {step: now.step, value: formatFixed(now[y], 4)});
      layer.label(t(kind === "loss" ? "chart.lossLabel" : "chart.accuracyLabel", {summary}));
    }
  };
}

/** The lecture's result as a dashed rule, labelled at the left end. */
function lectureMarks(lecture: number, label: string): Plot.Markish[] {
  return [
    Plot.ruleY([lecture], {stroke: PALETTE.highlight, strokeDasharray: "4,3"}),
    Plot.text([lecture], {x: 0.6, y: lecture, text: () => label, textAnchor: "start", dy: -6, fill: PALETTE.ink})
  ];
}

/** Test accuracy after each epoch: this run, the reference run, the lecture's 97.77 %. */
export function testAccuracyChart(t: T, reference: readonly EpochPoint[], lecture: number, epochs: number): TrainingChart<EpochPoint> {
  const span = Math.max(epochs, reference.length);
  const holder = element("div");
  const frame = frames<{line: LiveLine; dots: LiveLine}>(holder);
  return {
    element: holder,
    draw(live, width) {
      // From 90 % down to the hundredth below the lowest accuracy shown.
      const low = Math.floor(Math.min(0.9, ...[...live, ...reference].map((d) => d.accuracy)) * 100) / 100;
      const {layer, marks} = frame(
        `${width} ${low}`,
        () =>
          Plot.plot({
            width,
            height: 220,
            x: {domain: [0.5, span + 0.5], label: t("chart.epoch"), ticks: Math.min(width < 480 ? 8 : 15, span)},
            y: {domain: [low, 1], label: t("chart.testAxis"), grid: true, tickFormat: "%"},
            color: runColors(t, reference.length > 0),
            marks: [
              ...lectureMarks(lecture, t("chart.lecture", {accuracy: formatPercent(lecture)})),
              ...(reference.length
                ? [Plot.line(reference, {x: "epoch", y: "accuracy", stroke: () => t("chart.reference")}), Plot.dot(reference, {x: "epoch", y: "accuracy", stroke: () => t("chart.reference")})]
                : []),
              thisRunKey(t, "epoch", "accuracy")
            ]
          }),
        (l) => ({line: l.line({stroke: PALETTE.live}), dots: l.dots(3, {fill: PALETTE.live})})
      );
      const points = live.map((d) => [d.epoch, d.accuracy] as const);
      marks.line.set(points);
      marks.dots.set(points);
      const now = last(live);
      const ref = last(reference);
      layer.label(
        t("chart.testLabel", {
          live: now ? t("chart.testLive", {accuracy: formatPercent(now.accuracy), epoch: now.epoch}) : "",
          reference: ref ? t("chart.testReference", {accuracy: formatPercent(ref.accuracy), epoch: ref.epoch}) : "",
          lecture: formatPercent(lecture)
        })
      );
    }
  };
}

/** The seed-spread chart's texts; the seed-spread widget's messages include them. */
export const spreadChartMessages = {
  "spread.epoch": "epoch",
  "spread.testAxis": "test accuracy",
  "spread.lecture": "lecture {accuracy} %",
  "spread.highlighted": "seed {seed} (the reference run)",
  "spread.others": "the other seeds",
  "spread.dotTitle": "seed {seed}: {accuracy} % after epoch {epoch}",
  "spread.label": "Test accuracy after each epoch of {count} runs of one recipe that differ only in their seed. After epoch {epochs} they end between {min} % and {max} %, mean {mean} %. The lecture's PyTorch run: {lecture} %."
} satisfies Messages;

/**
 * Test accuracy per epoch of one recipe trained with several seeds: a line per
 * seed, the reference run's seed in colour, a dot per epoch, the lecture's result.
 */
export function seedSpreadChart(t: Translate<typeof spreadChartMessages>, spread: SeedSpread, highlight: number, lecture: number, width: number): SVGSVGElement | HTMLElement {
  const points = spread.curves.flatMap(({seed, test}) =>
    test.map(({epoch, accuracy}) => ({seed, epoch, accuracy, group: t(seed === highlight ? "spread.highlighted" : "spread.others", {seed})}))
  );
  // The highlighted seed drawn last, over the others.
  points.sort((a, b) => Number(a.seed === highlight) - Number(b.seed === highlight));
  const accuracies = [...points.map((d) => d.accuracy), lecture];
  const [low, high] = [Math.floor(Math.min(...accuracies) * 200) / 200, Math.ceil(Math.max(...accuracies) * 200) / 200];
  return asImage(Plot.plot({
    width,
    height: 260,
    x: {domain: [0.5, spread.epochs + 0.5], label: t("spread.epoch"), ticks: Math.min(width < 480 ? 8 : 15, spread.epochs)},
    y: {domain: [low, high], label: t("spread.testAxis"), grid: true, tickFormat: ".1%"},
    color: {legend: true, domain: [t("spread.highlighted", {seed: highlight}), t("spread.others")], range: [PALETTE.live, PALETTE.reference]},
    ariaLabel: t("spread.label", {count: spread.curves.length, epochs: spread.epochs, min: formatPercent(spread.min), max: formatPercent(spread.max), mean: formatPercent(spread.mean), lecture: formatPercent(lecture)}),
    marks: [
      ...lectureMarks(lecture, t("spread.lecture", {accuracy: formatPercent(lecture)})),
      Plot.line(points, {x: "epoch", y: "accuracy", z: "seed", stroke: "group", strokeWidth: (d: {seed: number}) => (d.seed === highlight ? 2 : 1), className: "seed-lines"}),
      Plot.dot(points, {x: "epoch", y: "accuracy", fill: "group", r: 2.5, className: "seed-dots", title: (d: (typeof points)[number]) => t("spread.dotTitle", {seed: d.seed, accuracy: formatPercent(d.accuracy), epoch: d.epoch})})
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
    ariaLabel: t("chart.probabilityLabel", {digit: top.digit, p: formatPercent(top.p, 1)}),
    marks: [Plot.barY(bars, {x: "digit", y: "p", fill: (d: {digit: number}) => (d.digit === top.digit ? PALETTE.live : PALETTE.reference)}), Plot.ruleY([0])]
  }));
}
