/**
 * Training and test loss per epoch (Observable Plot), with the latest numbers
 * as text. Redrawing a Plot costs milliseconds, so while training the chart
 * is redrawn at most a few times per second; the history is thinned to keep
 * it short however long training runs.
 */
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "../charts/chart-role.js";
import {PALETTE} from "../charts/palette.js";
import {element} from "../course/dom.js";
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

  const draw = () => {
    lastDraw = performance.now();
    const rows = history
      .flatMap((p) => [
        {epoch: p.epoch, loss: p.train, set: "training"},
        {epoch: p.epoch, loss: p.test, set: "test"}
      ])
      .filter((r) => Number.isFinite(r.loss));
    chart.replaceChildren(
      asImage(Plot.plot({
        width,
        height: 150,
        marginLeft: 48,
        // At least ten epochs wide: at epoch 0 alone the domain [0, 0] would label its one tick "0.000000".
        x: {label: t("loss.epoch"), domain: [0, Math.max(MIN_EPOCHS, ...history.map((p) => p.epoch))], nice: true},
        y: {label: t("loss.loss"), domain: [0, Math.max(0.1, ...rows.map((r) => Math.min(r.loss, 5)))], clamp: true},
        color: {domain: ["training", "test"], range: [PALETTE.ink, PALETTE.series[4]], legend: true, tickFormat: (s: keyof typeof sets) => sets[s]},
        ariaLabel: t("loss.label"),
        // Marks are aria-hidden (Plot's per-mark labels are invalid ARIA); the chart's label and caption carry the numbers.
        marks: [Plot.ruleY([0], {ariaHidden: "true"}), Plot.line(rows, {ariaHidden: "true", x: "epoch", y: "loss", stroke: "set", z: "set", strokeWidth: 1.5})]
      }))
    );
    const last = history[history.length - 1];
    caption.textContent = last ? t("loss.summary", {epoch: last.epoch, train: formatFixed(last.train, 4), test: formatFixed(last.test, 4)}) : "";
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
