/**
 * The lecture's claim that ReLU is cheap (a comparison, no exponential), timed
 * on the learner's own machine: each activation applied to the same 300,000
 * numbers, fastest of five passes, one pass per animation frame.
 */
import {formatNumber} from "../course/format.js";
import type {Schema} from "../course/url-state.js";
import {button, element} from "../course/dom.js";
import {CATALOGUE_IDS, catalogueEntry} from "../nn/activation-catalogue.js";
import {timeActivation, timingInputs, warmUp} from "../nn/activation-timing.js";
import type {WidgetOptions} from "../course/widget.js";

/** Nothing to put in a link. */
export const reluTimingSchema = {} satisfies Schema;

const VALUES = 300_000;
const ROUNDS = 5;

export function createReluTimingWidget(options: WidgetOptions = {}): HTMLElement {
  const root = element("div", "widget relu-timing");
  const line = element("p", "timing-line", "Timing not run yet.");
  line.setAttribute("role", "status");
  line.setAttribute("aria-live", "polite");
  const run = button("Time them", () => start());
  root.append(element("div", "buttons", run), line);
  const inputs = timingInputs(VALUES);
  let frame: number | null = null;

  function start() {
    if (frame !== null) return;
    run.disabled = true;
    line.textContent = "Timing…";
    const entries = CATALOGUE_IDS.map((id) => catalogueEntry(id));
    warmUp(entries.map((e) => e.f), inputs);
    const best = entries.map(() => Infinity);
    // One pass per frame, round-robin, so no frame takes long and every activation sees the same conditions.
    let k = 0;
    const next = () => {
      const i = k % entries.length;
      best[i] = Math.min(best[i], timeActivation(entries[i].f, inputs, () => performance.now(), 1).nsPerValue);
      k++;
      if (k < ROUNDS * entries.length) {
        frame = requestAnimationFrame(next);
        return;
      }
      frame = null;
      run.disabled = false;
      const fastest = Math.min(...best.filter((ns) => ns > 0));
      line.textContent =
        `On your machine, nanoseconds per value (fastest of ${ROUNDS} passes over ${VALUES.toLocaleString("en")} numbers): ` +
        entries.map((e, j) => `${e.name} ${formatNumber(best[j], 2)}${best[j] > 0 && Number.isFinite(fastest) ? ` (${formatNumber(best[j] / fastest, 2)}×)` : ""}`).join(", ") +
        ".";
    };
    frame = requestAnimationFrame(next);
  }
  options.signal?.addEventListener("abort", () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
  });
  return root;
}
