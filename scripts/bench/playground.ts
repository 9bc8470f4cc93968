// The playground's speed: engine steps per second for a 2-8-8-1 tanh network
// trained full-batch on 500 points, and frame times in Chromium while training.
import {cpus, loadavg} from "node:os";
import {generateDataset} from "../../src/components/playground/datasets.js";
import {createSession, type Hyperparameters} from "../../src/components/playground/training.js";
import {openPage, startSite} from "../../test/browser/harness.js";
import {FRAME_MEASURE} from "../../src/components/playground/frame-budget.js";

// Shared machines make these figures noisy: print how busy this one is.
console.log(`${cpus().length} CPU cores, load average ${loadavg().map((x) => x.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
const points = generateDataset("spiral", {count: 500, noise: 0, seed: 1});
for (const optimizer of ["sgd", "adam"] as const) {
  const hyper: Hyperparameters = {loss: "cross-entropy", learningRate: 0.03, batchSize: 500, optimizer, l1: 0, l2: 0};
  const session = createSession({features: ["x1", "x2"], layers: [8, 8], activation: "tanh", classes: 2, seed: 1}, hyper, {train: points, test: []});
  for (let k = 0; k < 200; ++k) session.step();
  const steps = 3000;
  const start = performance.now();
  for (let k = 0; k < steps; ++k) session.step();
  const seconds = (performance.now() - start) / 1000;
  console.log(`engine, 2-8-8-1 tanh, full batch of 500 points, ${optimizer}: ${Math.round(steps / seconds)} steps/s (${((seconds / steps) * 1e6).toFixed(0)} µs per step)`);
}

function percentile(values: number[], p: number): number {
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const site = await startSite();
try {
  for (const [name, query] of [
    ["full batch, 500 training points", "?dataset=spiral&layers=8,8&points=1000&train=50&batch=500&optimizer=adam&showTest=1"],
    ["batch 10, 500 training points", "?dataset=spiral&layers=8,8&points=1000&train=50&batch=10&showTest=1"]
  ]) {
    const {page, errors} = await openPage(site, `/playground${query}`);
    await page.setViewportSize({width: 1280, height: 1000});
    await page.getByRole("button", {name: "Play", exact: true}).click();
    await page.waitForTimeout(1000);
    // Passed as source text: tsx would wrap named functions in a helper the page does not have.
    const result: {intervals: number[]; work: number[]; epochs: number; seconds: number} = await page.evaluate(`(async () => {
      performance.clearMeasures(${JSON.stringify(FRAME_MEASURE)});
      const epochAt = () => Number(/Epoch (\\d+)/.exec(document.querySelector(".playground-status")?.textContent ?? "")?.[1]);
      const epoch0 = epochAt();
      const stamps = [];
      await new Promise((resolve) => {
        const loop = (t) => {
          stamps.push(t);
          if (t - stamps[0] < 5000) requestAnimationFrame(loop);
          else resolve();
        };
        requestAnimationFrame(loop);
      });
      return {
        intervals: stamps.slice(1).map((t, k) => t - stamps[k]),
        work: performance.getEntriesByName(${JSON.stringify(FRAME_MEASURE)}).map((e) => e.duration),
        epochs: epochAt() - epoch0,
        seconds: (stamps[stamps.length - 1] - stamps[0]) / 1000
      };
    })()`);
    const {intervals, work, epochs, seconds} = result;
    console.log(
      `Chromium, 2-8-8-1 tanh, ${name}: frame interval p50 ${percentile(intervals, 50).toFixed(1)} ms, p95 ${percentile(intervals, 95).toFixed(1)} ms ` +
        `(${(intervals.length / seconds).toFixed(1)} frames/s); the widget's work per frame p50 ${percentile(work, 50).toFixed(1)} ms, p95 ${percentile(work, 95).toFixed(1)} ms; ` +
        `${Math.round(epochs / seconds)} epochs/s${errors.length ? `; console errors: ${errors.join(" | ")}` : ""}`
    );
    await page.context().close();
  }
} finally {
  await site.close();
}
