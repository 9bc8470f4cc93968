/**
 * Training and test loss per epoch (Observable Plot), with the latest numbers
 * as text. The lines are a live layer over a Plot frame (axes, legend) that is
 * rebuilt only when its domain changes, so a new run (a slider moving the
 * data) redraws two paths; while training the chart is redrawn at most a few
 * times per second, and the history is thinned to keep it short however long
 * training runs.
 */
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "../charts/chart-role.js";
import {liveLayer, type LiveLine, type PlotChart} from "../charts/live-layer.js";
import {PALETTE} from "../charts/palette.js";
import {element, setText} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import type {PlaygroundTranslate} from "./playground.js";

export interface LossPoint {
  epoch: number;
  train: number;
  test: number;
}

/** Widest the chart gets. */
export const LOSS_WIDTH = 340;
const MAX_POINTS = 400;
const REDRAW_MS = 400;
const MIN_EPOCHS = 10;
const SETS = ["training", "test"] as const;
const COLOURS = [PALETTE.ink, PALETTE.series[4]];

/** The top of the loss axis: the largest loss (at most 5) rounded up to a half step of its decade, so nearby losses share a frame. */
function lossAxisTop(largest: number): number {
  const top = Math.max(0.1, Math.min(5, largest));
  const half = 10 ** Math.floor(Math.log10(top)) / 2;
  return +(Math.ceil(top / half - 1e-9) * half).toPrecision(12);
}

export interface LossView {
  element: HTMLElement;
  /** Adds a point (thinning old ones) and redraws when `force` or enough time has passed. */
  record(point: LossPoint, force?: boolean): void;
  /** Redraws at a new width (at most LOSS_WIDTH). */
  setWidth(width: number): void;
  clear(): void;
}

export function createLossView(t: PlaygroundTranslate): LossView {
  const chart = element("div");
  const caption = element("figcaption");
  const figure = element("figure", "playground-loss", chart, caption);
  let history: LossPoint[] = [];
  let lastDraw = -Infinity;
  let width = LOSS_WIDTH;
  const sets = {training: t("loss.training"), test: t("loss.test")};
  let frame: {key: string; lines: LiveLine[]} | null = null;

  /** The axes and legend for a width and domain, and the two lines over them. */
  const frameFor = (epochs: number, top: number) => {
    const key = `${width} ${epochs} ${top}`;
    if (frame?.key === key) return frame;
    const plot = asImage(
      Plot.plot({
        width,
        height: 150,
        marginLeft: 48,
        // At least ten epochs wide: at epoch 0 alone the domain [0, 0] would label its one tick "0.000000".
        x: {label: t("loss.epoch"), domain: [0, epochs], nice: true},
        y: {label: t("loss.loss"), domain: [0, top], clamp: true},
        color: {domain: [...SETS], range: COLOURS, legend: true, tickFormat: (s: keyof typeof sets) => sets[s]},
        ariaLabel: t("loss.label"),
        // Marks are aria-hidden (Plot's per-mark labels are invalid ARIA); the chart's label and caption carry the numbers.
        // The line mark has no data: the lines are the live layer's; it only makes the colour legend.
        marks: [Plot.ruleY([0], {ariaHidden: "true"}), Plot.line([], {ariaHidden: "true", x: "epoch", y: "loss", stroke: "set"})]
      })
    ) as PlotChart;
    const layer = liveLayer(plot);
    frame = {key, lines: COLOURS.map((stroke) => layer.line({stroke, "stroke-width": 1.5}))};
    chart.replaceChildren(plot);
    return frame;
  };

  const draw = () => {
    lastDraw = performance.now();
    const series = [history.map((p) => [p.epoch, p.train] as const), history.map((p) => [p.epoch, p.test] as const)].map((points) => points.filter(([, loss]) => Number.isFinite(loss)));
    const largest = Math.max(0, ...series.flat().map(([, loss]) => loss));
    const f = frameFor(Math.max(MIN_EPOCHS, ...history.map((p) => p.epoch)), lossAxisTop(largest));
    series.forEach((points, k) => f.lines[k].set(points));
    const last = history[history.length - 1];
    setText(caption, last ? t("loss.summary", {epoch: last.epoch, train: formatFixed(last.train, 4), test: formatFixed(last.test, 4)}) : "");
  };

  return {
    element: figure,
    record(point, force = false) {
      const last = history[history.length - 1];
      if (last && last.epoch === point.epoch) history[history.length - 1] = point;
      else history.push(point);
      if (history.length > MAX_POINTS) history = history.filter((_, k) => k % 2 === 0 || k === history.length - 1);
      if (force || performance.now() - lastDraw > REDRAW_MS) draw();
    },
    setWidth(next) {
      width = Math.min(LOSS_WIDTH, next);
      draw();
    },
    clear() {
      history = [];
    }
  };
}
