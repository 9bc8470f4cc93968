/**
 * Slider input → painted frame for every widget with sliders, in headless Chromium on the
 * built site (run `npm run build` first). One slider per widget, chosen by the table below
 * (the one whose move redraws the most); the target is p95 ≤ 25 ms. Prints one table.
 *
 * The slider is dragged with the real (trusted) mouse, 200 moves sweeping its range back
 * and forth. Chromium delivers a drag's moves at the start of a frame, before its
 * animation-frame callbacks, so work a widget defers to requestAnimationFrame still lands
 * in that frame — and is counted. The clock starts when the slider's `input` event is
 * dispatched and stops when a task posted from that frame's callbacks runs, after its
 * style, layout and paint: handler + frame callbacks + render. "handler" is the part
 * before the frame's callbacks start (the input handlers themselves).
 * LATENCY_PAGES=/perceptron,/playground measures only those pages.
 */
import type {Page} from "playwright-core";
import {openPage, startSite} from "../../test/browser/harness.js";

const MOVES = 200;
const WARM_UP = 10;
const TARGET_P95_MS = 25;

/** The slider measured in each widget with sliders: the widget's class and the slider's label (its aria-label). */
const SLIDERS: {path: string; widget: string; label: RegExp}[] = [
  {path: "/perceptron", widget: ".perceptron-explorer", label: /^w₁$/},
  {path: "/perceptron", widget: ".perceptron-learner", label: /^Learning rate/},
  {path: "/xor-mlp", widget: ".hidden-space", label: /^Slope β/},
  {path: "/xor-mlp", widget: ".xor-trainer", label: /^Hidden units/},
  {path: "/gradient-descent", widget: ".gd-1d", label: /^Start x₀$/},
  {path: "/gradient-descent", widget: ".gd-2d", label: /^Momentum μ/},
  // The stepper's weights are number boxes; the page's sliders are the sigmoid-derivative widget's.
  {path: "/backpropagation", widget: ".sigmoid-derivative", label: /^Slope β/},
  {path: "/activations", widget: ".activation-plot", label: /^Sigmoid slope β/},
  {path: "/activations", widget: ".vanishing-gradients", label: /^Hidden layers/},
  {path: "/playground", widget: ".playground", label: /^Noise/},
  {path: "/instructors", widget: ".embed-builder", label: /^Initial height/}
];

/** Marks the slider with a data attribute so the page's recorder finds it. */
const MARK = "data-latency-slider";

interface Row {
  path: string;
  slider: string;
  p50?: number;
  p95?: number;
  handler95?: number;
  event95?: number;
  notes: string[];
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

/** Finds and marks the widget's slider; its track in page coordinates and how many grid positions a sweep visits. */
async function markSlider(page: Page, widget: string, label: RegExp) {
  return page.evaluate(
    ({widget, label, mark}) => {
      document.querySelector(`[${mark}]`)?.removeAttribute(mark);
      const pattern = new RegExp(label);
      const sliders = Array.from(document.querySelectorAll<HTMLInputElement>(`${widget} input[type=range]`));
      const text = (s: HTMLInputElement) => s.getAttribute("aria-label") ?? "";
      const slider = sliders.find((s) => pattern.test(text(s))) ?? sliders.find((s) => s.offsetParent !== null) ?? sliders[0];
      slider.setAttribute(mark, "");
      slider.scrollIntoView({block: "center"});
      const box = slider.getBoundingClientRect();
      const [min, max] = [Number(slider.min), Number(slider.max)];
      const steps = slider.step === "any" ? Infinity : Math.round((max - min) / Number(slider.step || 1));
      return {name: text(slider), matched: pattern.test(text(slider)), left: box.left, right: box.right, y: box.top + box.height / 2, steps};
    },
    {widget, label: label.source, mark: MARK}
  );
}

/** Records, for every `input` event of the marked slider, dispatch → frame callbacks → the task after that frame's paint. */
async function record(page: Page, widget: string) {
  await page.evaluate(
    ({widget, mark}) => {
      const slider = document.querySelector<HTMLInputElement>(`[${mark}]`)!;
      const root = slider.closest(widget)!;
      // Number boxes show a slider's value as a property, not in the markup.
      const look = () => root.innerHTML + Array.from(root.querySelectorAll("input"), (i) => i.value).join() + Array.from(root.querySelectorAll("canvas"), (c) => c.toDataURL()).join();
      const w = window as unknown as {latency: {total: number[]; fromEvent: number[]; handler: number[]; unchanged: number; stop(): void}};
      let last = look();
      const latency = {total: [] as number[], fromEvent: [] as number[], handler: [] as number[], unchanged: 0, stop: () => {
        window.removeEventListener("input", onInput, true);
        window.removeEventListener("pointermove", onMove, true);
      }};
      function onInput(event: Event) {
        if (event.target !== slider) return;
        const t0 = performance.now();
        // Waiting before dispatch (behind other work on the main thread) is part of what the learner feels.
        const queued = t0 - lastMove;
        // Requested before the widget's own handlers run, so it runs first among this frame's callbacks.
        requestAnimationFrame(() => {
          latency.handler.push(performance.now() - t0);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            latency.total.push(performance.now() - t0);
            latency.fromEvent.push(performance.now() - t0 + queued);
            const now = look();
            if (now === last) latency.unchanged++;
            last = now;
          };
          channel.port2.postMessage(0);
        });
      }
      let lastMove = 0;
      const onMove = (event: Event) => (lastMove = event.timeStamp);
      window.addEventListener("pointermove", onMove, true);
      window.addEventListener("input", onInput, true);
      w.latency = latency;
    },
    {widget, mark: MARK}
  );
}

/** Drags the slider's thumb across its range and back, `moves` times, one grid position per move. */
async function drag(page: Page, track: {left: number; right: number; y: number; steps: number}, moves: number) {
  // Inside the track by half a thumb, so the ends map to the slider's min and max.
  const [from, to] = [track.left + 8, track.right - 8];
  const positions = Math.max(1, Math.min(40, track.steps, Math.floor((to - from) / 2)));
  const at = (k: number) => from + ((to - from) * k) / positions;
  await page.mouse.move(at(0), track.y);
  await page.mouse.down();
  for (let i = 1; i <= moves; ++i) {
    const phase = i % (2 * positions);
    await page.mouse.move(at(phase < positions ? phase : 2 * positions - phase), track.y);
  }
  await page.mouse.up();
  // The last move's frame.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))));
}

async function measure(page: Page, widget: string, label: RegExp, errors: string[]): Promise<Row> {
  const found = await markSlider(page, widget, label);
  const row: Row = {path: "", slider: `${found.name} (${widget.slice(1)})`, notes: []};
  if (!found.matched) row.notes.push(`no slider labelled ${label}, measured "${found.name}"`);
  await drag(page, found, WARM_UP);
  await record(page, widget);
  await drag(page, found, MOVES);
  const result = await page.evaluate(() => {
    const {latency} = window as unknown as {latency: {total: number[]; fromEvent: number[]; handler: number[]; unchanged: number; stop(): void}};
    latency.stop();
    return {total: latency.total, fromEvent: latency.fromEvent, handler: latency.handler, unchanged: latency.unchanged};
  });
  const total = result.total.sort((a, b) => a - b);
  const handler = result.handler.sort((a, b) => a - b);
  if (!total.length) {
    row.notes.push("the drag fired no input event");
    return row;
  }
  const fromEvent = result.fromEvent.sort((a, b) => a - b);
  Object.assign(row, {p50: percentile(total, 50), p95: percentile(total, 95), handler95: percentile(handler, 95), event95: percentile(fromEvent, 95)});
  if (total.length < MOVES * 0.9) row.notes.push(`${total.length} input events for ${MOVES} moves`);
  if (result.unchanged) row.notes.push(`the widget did not change on ${result.unchanged} of ${total.length} inputs`);
  if (errors.length) row.notes.push(`console errors: ${errors.join(" | ")}`);
  return row;
}

const site = await startSite();
const rows: Row[] = [];
try {
  const only = process.env.LATENCY_PAGES?.split(",");
  const paths = [...new Set(SLIDERS.map((s) => s.path))].filter((p) => !only || only.includes(p));
  for (const path of paths) {
    const {page, errors} = await openPage(site, path);
    // tsx keeps function names with a helper that does not exist in the page.
    await page.evaluate("window.__name = (f) => f");
    for (const {widget, label} of SLIDERS.filter((s) => s.path === path)) {
      const ready = await page.waitForSelector(`${widget} input[type=range]`, {state: "attached", timeout: 120_000}).then(() => true, () => false);
      if (!ready) {
        // One widget without its slider (renamed, or not rendered) should not hide the others' figures.
        rows.push({path, slider: widget.slice(1), notes: [`no slider in ${widget} after 120 s: not measured`]});
        continue;
      }
      await page.waitForLoadState("networkidle");
      rows.push({...(await measure(page, widget, label, errors)), path});
      errors.length = 0;
    }
    await page.context().close();
  }
} finally {
  await site.close();
}

const f = (x: number | undefined) => (x === undefined ? "—" : x.toFixed(1));
const table = [
  ["page", "slider (widget)", "p50 ms", "p95 ms", "handler p95 ms", "from pointer p95 ms", `p95 ≤ ${TARGET_P95_MS} ms`],
  ...rows.map((r) => [r.path, r.slider, f(r.p50), f(r.p95), f(r.handler95), f(r.event95), r.p95 === undefined ? "—" : r.p95 <= TARGET_P95_MS ? "ok" : "OVER"])
];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
console.log(`slider input → painted frame, ${MOVES} mouse-drag moves per slider (headless Chromium)`);
for (const r of table) console.log(r.map((cell, c) => (c >= 2 && c <= 5 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ").trimEnd());
for (const r of rows.filter((r) => r.notes.length)) console.log(`${r.path} ${r.slider}: ${r.notes.join("; ")}`);
