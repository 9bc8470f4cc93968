/**
 * The lecture's claim that ReLU is cheap (a comparison, no exponential), timed
 * on the learner's own machine: each activation applied to the same 300,000
 * numbers, fastest of five passes, one pass per animation frame.
 */
import {element, statusLine} from "../course/dom.js";
import {formatNumber} from "../course/format.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {CATALOGUE_IDS, catalogueEntry, type CatalogueId} from "../nn/activation-catalogue.js";
import {timeActivation, timingInputs, warmUp} from "../nn/activation-timing.js";
import {activationName, activationNames} from "./activation-plot.js";

/** Nothing to put in a link. */
export const reluTimingSchema = {} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  ...activationNames,
  run: "Time them",
  stop: "Stop timing",
  notRun: "Timing not run yet.",
  timing: "Timing…",
  result: "On your machine, nanoseconds per value (fastest of {rounds} passes over {values} numbers): {list}.",
  entry: "{name} {ns}",
  entryRatio: "{name} {ns} ({ratio}×)"
} satisfies Messages;

export interface ReluTimingValue {
  /** Nanoseconds per value for each activation (fastest pass); null until a timing has finished. */
  nsPerValue: Record<CatalogueId, number> | null;
  running: boolean;
}

const VALUES = 300_000;
const ROUNDS = 5;

export function createReluTimingWidget(options: WidgetOptions = {}): WidgetElement<ReluTimingValue> {
  const w = createWidget({id: "relu-timing", className: "relu-timing", schema: reluTimingSchema, messages, value: {nsPerValue: null, running: false} as ReluTimingValue}, options);
  const {t, root} = w;
  const line = statusLine("timing-line");
  line.setAttribute("aria-live", "polite");
  line.textContent = t("notRun");
  const inputs = timingInputs(VALUES);
  const entries = CATALOGUE_IDS.map((id) => catalogueEntry(id));
  let best = entries.map(() => Infinity);
  let k = 0;

  // One pass per frame, round-robin, so no frame takes long and every activation sees the same conditions.
  const loop = w.loop({
    step() {
      const i = k % entries.length;
      best[i] = Math.min(best[i], timeActivation(entries[i].f, inputs, () => performance.now(), 1).nsPerValue);
      return ++k < ROUNDS * entries.length;
    },
    stepsPerFrame: () => 1,
    draw() {
      if (k < ROUNDS * entries.length) {
        // Stopped before the end: nothing to report.
        if (!loop.running) line.textContent = t("notRun");
        return;
      }
      const fastest = Math.min(...best.filter((ns) => ns > 0));
      const list = entries.map((e, j) => {
        const params = {name: activationName(t, e.id), ns: formatNumber(best[j], 2), ratio: formatNumber(best[j] / fastest, 2)};
        return t(best[j] > 0 && Number.isFinite(fastest) ? "entryRatio" : "entry", params);
      });
      line.textContent = t("result", {rounds: ROUNDS, values: VALUES.toLocaleString(w.lang), list: list.join(", ")});
      w.publish({nsPerValue: Object.fromEntries(entries.map((e, j) => [e.id, best[j]])) as Record<CatalogueId, number>, running: false});
    },
    labels: {play: t("run"), pause: t("stop")},
    onToggle(running) {
      if (!running) return;
      best = entries.map(() => Infinity);
      k = 0;
      line.textContent = t("timing");
      warmUp(entries.map((e) => e.f), inputs);
      w.publish({nsPerValue: null, running: true});
    }
  });
  root.append(element("div", "buttons", loop.button), line);
  return root;
}
