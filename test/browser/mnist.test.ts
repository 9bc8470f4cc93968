// The MNIST page on the built site: training in the worker (wasm and WebGPU), results,
// drawing, and the failure paths (NaN loss, corrupted shard).
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const TIMEOUT = {timeout: 90_000};

/** Waits until the run status reports at least `step` training steps. */
async function waitForStep(page: Page, step: number): Promise<void> {
  await page.waitForFunction(
    (n) => Number(document.querySelector<HTMLElement>("#mnist-controls .run-status")?.dataset.step ?? 0) >= n,
    step,
    TIMEOUT
  );
}

async function waitForState(page: Page, state: string): Promise<void> {
  await page.waitForSelector(`#mnist-controls .run-status[data-state="${state}"]`, TIMEOUT);
}

describe("MNIST training on the wasm backend", () => {
  const site = useSite();

  test("trains, evaluates, stays smooth and flat in memory, and classifies a drawn digit", async () => {
    const {page, errors, failed, external} = await openPage(site, "/mnist?backend=wasm");
    await waitForState(page, "ready");
    expect(await page.getAttribute("#mnist-backend .notice", "data-backend")).toBe("wasm");
    // The first training digits are shown as soon as the first shard is in.
    expect(await page.locator("#mnist-data .digit-grid figure").count()).toBe(24);
    // Tensor counts are compared with all data on the device (training itself may start earlier).
    await page.waitForFunction(() => document.querySelector("#mnist-data [role=status]")?.textContent?.startsWith("All 70,000 images"), undefined, TIMEOUT);

    // Long main-thread tasks and the worker's tensor count while training.
    await page.evaluate(() => {
      const w = window as unknown as {longTasks: number[]; tensorCounts: number[]};
      w.longTasks = [];
      w.tensorCounts = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({type: "longtask"});
      const status = document.querySelector<HTMLElement>("#mnist-controls .run-status")!;
      // Reports while training; the last one comes after the run has ended (and freed its batch tensors).
      new MutationObserver(() => status.dataset.state === "training" && status.dataset.tensors && w.tensorCounts.push(Number(status.dataset.tensors))).observe(status, {attributes: true});
    });
    await page.getByRole("button", {name: "Start training"}).click();
    await waitForStep(page, 256);
    await page.getByRole("button", {name: "Stop"}).click();
    await waitForState(page, "stopped");
    await page.waitForSelector("#mnist-results .test-summary", TIMEOUT);

    // The loss fell from ln 10 ≈ 2.30 (a uniform guess) in the lecture's log format.
    const log = await page.textContent("#mnist-charts .train-log");
    const losses = [...log!.matchAll(/TRAIN-Iteration: (\d+), Loss: ([\d.e-]+), Accuracy: ([\d.]+)/g)].map((m) => Number(m[2]));
    expect(losses.length).toBeGreaterThanOrEqual(2);
    expect(losses[0]).toBeLessThan(1);
    // Test accuracy after this partial epoch.
    const summary = await page.textContent("#mnist-results .test-summary");
    const accuracy = Number(/test accuracy ([\d.]+) %/.exec(summary!)![1]);
    expect(accuracy).toBeGreaterThan(85);
    expect(await page.locator("#mnist-results figure.confusion svg").count()).toBe(1);
    expect(await page.locator("#mnist-results .misclassified figure").count()).toBeGreaterThan(0);

    const {longTasks, tensorCounts} = await page.evaluate(() => {
      const w = window as unknown as {longTasks: number[]; tensorCounts: number[]};
      return {longTasks: w.longTasks, tensorCounts: w.tensorCounts};
    });
    // Flat: every report during the run shows the same number of tensors.
    const during = tensorCounts.slice(0, -1);
    expect(during.length).toBeGreaterThan(3);
    expect(new Set(during).size).toBe(1);
    console.log(`MNIST page: ${tensorCounts.length} tensor reports (${[...new Set(tensorCounts)].join(", ")}), long tasks ${JSON.stringify(longTasks.map(Math.round))}`);
    expect(Math.max(0, ...longTasks)).toBeLessThan(200);

    // A second start/stop cycle ends with the same number of tensors.
    const afterFirst = Number(await page.getAttribute("#mnist-controls .run-status", "data-tensors"));
    await page.getByRole("button", {name: "Start again"}).click();
    await waitForState(page, "training");
    await page.getByRole("button", {name: "Stop"}).click();
    await waitForState(page, "stopped");
    await page.waitForFunction(() => document.querySelector("#mnist-results .test-summary")?.textContent?.includes("After"), undefined, TIMEOUT);
    expect(Number(await page.getAttribute("#mnist-controls .run-status", "data-tensors"))).toBe(afterFirst);

    // Draw a "1" and get the network's probabilities.
    const pad = page.locator("#mnist-draw canvas").first();
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.2);
    await page.mouse.down();
    for (let i = 1; i <= 10; ++i) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.2 + 0.06 * i));
    await page.mouse.up();
    await page.waitForSelector("#mnist-draw .probabilities[data-prediction] svg", TIMEOUT);
    expect(await page.getAttribute("#mnist-draw .probabilities", "data-prediction")).toMatch(/^\d$/);

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  test("a learning rate that makes the loss NaN pauses training with a clear message", async () => {
    const {page, errors} = await openPage(site, "/mnist?backend=wasm&optimizer=sgd&lr=100");
    await waitForState(page, "ready");
    await page.getByRole("button", {name: "Start training"}).click();
    const alert = page.locator("#mnist-controls [role=alert]");
    await alert.waitFor(TIMEOUT);
    expect(await alert.textContent()).toMatch(/loss became NaN/);
    expect(await page.getAttribute("#mnist-controls .run-status", "data-state")).toBe("diverged");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a corrupted shard stops loading with a message naming it", async () => {
    const {page, errors} = await openPage(site, "/");
    await page.context().unroute(/.*/);
    await page.context().route(/train-01\.mns\.[0-9a-f]+\.gz$/, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length >> 1] ^= 0xff;
      await route.fulfill({response, body});
    });
    await page.goto(`${site.url}/mnist?backend=wasm`);
    const alert = page.locator("#mnist-data [role=alert]");
    await alert.waitFor(TIMEOUT);
    expect(await alert.textContent()).toMatch(/train-01\.mns\.gz is corrupted/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("MNIST training on WebGPU", () => {
  const site = useSite({webgpu: true});

  test("trains 20 batches without error", async () => {
    const {page, errors} = await openPage(site, "/mnist?backend=webgpu");
    await waitForState(page, "ready");
    expect(await page.getAttribute("#mnist-backend .notice", "data-backend")).toBe("webgpu");
    await page.getByRole("button", {name: "Start training"}).click();
    await waitForStep(page, 32);
    await page.getByRole("button", {name: "Stop"}).click();
    await waitForState(page, "stopped");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
