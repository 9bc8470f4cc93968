/**
 * Training and test loss per epoch (Observable Plot), with the latest numbers
 * as text. Redrawing a Plot costs milliseconds, so while training the chart
 * is redrawn at most a few times per second; the history is thinned to keep
 * it short however long training runs.
 */
import * as Plot from "npm:@observablehq/plot";

export interface LossPoint {
  epoch: number;
  train: number;
  test: number;
}

const MAX_POINTS = 400;
const REDRAW_MS = 400;
const MIN_EPOCHS = 10;

function formatLoss(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : "—";
}

export interface LossView {
  element: HTMLElement;
  /** Adds a point (thinning old ones) and redraws when `force` or enough time has passed. */
  record(point: LossPoint, force?: boolean): void;
  clear(): void;
  /** The latest numbers, e.g. for a status line. */
  summary(): string;
}

export function createLossView(): LossView {
  const element = document.createElement("figure");
  element.className = "playground-loss";
  const chart = document.createElement("div");
  const caption = document.createElement("figcaption");
  element.append(chart, caption);
  let history: LossPoint[] = [];
  let lastDraw = -Infinity;

  const summary = () => {
    const last = history[history.length - 1];
    return last ? `Epoch ${last.epoch}: training loss ${formatLoss(last.train)}, test loss ${formatLoss(last.test)}` : "";
  };

  const draw = () => {
    lastDraw = performance.now();
    const rows = history.flatMap((p) => [
      {epoch: p.epoch, loss: p.train, set: "training"},
      {epoch: p.epoch, loss: p.test, set: "test"}
    ]).filter((r) => Number.isFinite(r.loss));
    chart.replaceChildren(
      Plot.plot({
        width: 340,
        height: 150,
        marginLeft: 48,
        // At least ten epochs wide: at epoch 0 alone the domain [0, 0] would label its one tick "0.000000".
        x: {label: "epoch", domain: [0, Math.max(MIN_EPOCHS, ...history.map((p) => p.epoch))], nice: true},
        y: {label: "loss", domain: [0, Math.max(0.1, ...rows.map((r) => Math.min(r.loss, 5)))], clamp: true},
        color: {domain: ["training", "test"], range: ["#333333", "#2b83ba"], legend: true},
        ariaLabel: "Training and test loss by epoch",
        // Marks are aria-hidden (Plot's per-mark labels are invalid ARIA); the chart's label and caption carry the numbers.
        marks: [Plot.ruleY([0], {ariaHidden: "true"}), Plot.line(rows, {ariaHidden: "true", x: "epoch", y: "loss", stroke: "set", z: "set", strokeWidth: 1.5})]
      })
    );
    caption.textContent = summary();
  };

  return {
    element,
    record(point, force = false) {
      const last = history[history.length - 1];
      if (last && last.epoch === point.epoch) history[history.length - 1] = point;
      else history.push(point);
      if (history.length > MAX_POINTS) history = history.filter((_, k) => k % 2 === 0 || k === history.length - 1);
      if (force || performance.now() - lastDraw > REDRAW_MS) draw();
    },
    clear() {
      history = [];
    },
    summary
  };
}
