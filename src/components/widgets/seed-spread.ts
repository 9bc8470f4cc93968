/**
 * One recipe, several seeds: the test accuracy per epoch of runs that differ
 * only in their initial weights and shuffle, and where each ends. It shows how
 * far one run's final figure (the lecture's, or the learner's) can fall from
 * another's by chance alone. The runs come from the caller, so the widget
 * works wherever its data does (the page loads them with the reference runs).
 */
import {seedSpreadChart, spreadChartMessages} from "../charts/training-charts.js";
import {element, scrollBox, statusLine} from "../course/dom.js";
import {formatFixed, formatPercent} from "../course/format.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import type {ReferenceLog} from "../mnist/reference-log.js";
import {seedSpread, type SeedSpread} from "../mnist/seed-spread.js";

/** Nothing to put in a link. */
export const seedSpreadSchema = {} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  ...spreadChartMessages,
  loading: "Loading the runs…",
  failed: "The runs could not be shown: {error}",
  summary: "{count} runs, seeds {seeds}. After epoch {epochs}: from {min} % to {max} %, mean {mean} %, standard deviation {sd} percentage points.",
  tableCaption: "Test accuracy after epoch {epochs}, by seed",
  seed: "Seed",
  share: "Correct of all test images",
  batchMean: "Lecture-style (batch mean)"
} satisfies Messages;

export interface SeedSpreadValue {
  status: "loading" | "ready" | "error";
  /** Final test accuracies of the runs; null until they are shown. */
  spread: Pick<SeedSpread, "epochs" | "min" | "max" | "mean" | "sd" | "largestLateSwing"> & {count: number} | null;
}

export interface SeedSpreadOptions extends WidgetOptions {
  /** The lecture's test accuracy, drawn as a rule. */
  lecture: number;
  /** The seed drawn in colour (the reference run's). */
  highlight: number;
}


export function createSeedSpreadWidget(runs: Promise<readonly ReferenceLog[]>, options: SeedSpreadOptions): WidgetElement<SeedSpreadValue> {
  const w = createWidget({id: "seed-spread", className: "seed-spread", schema: seedSpreadSchema, messages, value: {status: "loading", spread: null} as SeedSpreadValue}, options);
  const {t, root} = w;
  const status = statusLine();
  status.textContent = t("loading");
  const chart = element("div", "seed-spread-chart");
  root.append(status, chart);

  runs
    .then((logs) => {
      if (w.signal.aborted) return;
      const spread = seedSpread(logs);
      const seeds = spread.curves.map((c) => c.seed).join(", ");
      w.observeWidth(root, (width) => chart.replaceChildren(seedSpreadChart(t, spread, options.highlight, options.lecture, width)));
      status.textContent = t("summary", {count: spread.curves.length, seeds, epochs: spread.epochs, min: formatPercent(spread.min), max: formatPercent(spread.max), mean: formatPercent(spread.mean), sd: formatPercent(spread.sd)});
      const table = element(
        "table",
        "seed-spread-table",
        element("caption", "", t("tableCaption", {epochs: spread.epochs})),
        element("thead", "", element("tr", "", ...[t("seed"), t("share"), t("batchMean")].map((h) => Object.assign(element("th", "", h), {scope: "col"})))),
        element(
          "tbody",
          "",
          ...spread.curves.map((c) => element("tr", c.seed === options.highlight ? "current" : "", Object.assign(element("th", "", String(c.seed)), {scope: "row"}), element("td", "", `${formatPercent(c.accuracy)} %`), element("td", "", formatFixed(c.batchMean, 4))))
        )
      );
      root.append(scrollBox(table));
      const {epochs, min, max, mean, sd, largestLateSwing} = spread;
      w.publish({status: "ready", spread: {count: spread.curves.length, epochs, min, max, mean, sd, largestLateSwing}});
    })
    .catch((error: unknown) => {
      if (w.signal.aborted) return;
      status.textContent = t("failed", {error: error instanceof Error ? error.message : String(error)});
      status.className = "notice error";
      status.setAttribute("role", "alert");
      w.publish({status: "error", spread: null});
    });
  return root;
}
