/**
 * Loss against epoch for one or more training runs (e.g. a trainer's `history`).
 * Non-finite points are left out, so a diverging run never draws "NaN".
 */
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "./chart-role.js";
import {PALETTE} from "./palette.js";

export interface LossPoint {
  epoch: number;
  loss: number;
}

export interface LossSeries {
  name: string;
  points: readonly LossPoint[];
}

export interface LossCurveOptions {
  series: readonly LossSeries[];
  /** Logarithmic loss axis (default), useful when the loss falls by decades. */
  log?: boolean;
  yLabel?: string;
  /** The epoch axis's label (translated by the caller). */
  xLabel?: string;
  /** Epoch range to show at least (the axis does not jump while a run starts). */
  minEpochs?: number;
  width?: number;
  height?: number;
  ariaLabel?: string;
}

/** Positive, finite points only (a log axis cannot show 0). */
export function plottablePoints(points: readonly LossPoint[], log: boolean): LossPoint[] {
  return points.filter((p) => Number.isFinite(p.loss) && Number.isFinite(p.epoch) && (!log || p.loss > 0));
}

export function lossCurve(options: LossCurveOptions): SVGSVGElement | HTMLElement {
  const {series, log = true, yLabel = "loss", xLabel = "epoch", minEpochs = 10, width = 360, height = 240} = options;
  const rows = series.flatMap((s) => plottablePoints(s.points, log).map((p) => ({...p, name: s.name})));
  const lastEpoch = Math.max(minEpochs, ...rows.map((r) => r.epoch));
  return asImage(Plot.plot({
    width,
    height,
    marginLeft: 55,
    x: {label: xLabel, domain: [0, lastEpoch]},
    // Plain decimals on the ticks (the default log format writes 0.2 as "200m").
    y: {label: yLabel, type: log ? "log" : "linear", grid: true, tickFormat: (d: number) => String(+d.toPrecision(2)), ...(rows.length ? {} : {domain: log ? [0.001, 1] : [0, 1]})},
    color: series.length > 1 ? {legend: true, range: PALETTE.series} : undefined,
    ariaLabel: options.ariaLabel ?? describe(series),
    marks: [Plot.line(rows, {x: "epoch", y: "loss", stroke: series.length > 1 ? "name" : PALETTE.live, strokeWidth: 1.5})]
  }));
}

function describe(series: readonly LossSeries[]): string {
  const parts = series.map((s) => {
    const points = plottablePoints(s.points, false);
    if (points.length === 0) return `${s.name}: no epochs yet`;
    const last = points[points.length - 1];
    return `${s.name}: ${points[0].loss.toPrecision(3)} at epoch ${points[0].epoch}, ${last.loss.toPrecision(3)} at epoch ${last.epoch}`;
  });
  return `Loss curve. ${parts.join("; ")}.`;
}
