// The MNIST page on the built site: training in the worker (wasm and WebGPU), results,
// drawing, and the failure paths (NaN loss, corrupted shard).
import {readFileSync} from "node:fs";
import type {Page, Route} from "playwright-core";
import {describe, expect, test} from "vitest";
import {REFERENCE_RECIPES, SEED_RUNS} from "../../src/components/mnist/comparisons.js";
import {LECTURE_RECIPE, type Recipe} from "../../src/components/mnist/recipe.js";
import {referenceKey} from "../../src/components/mnist/reference-key.js";
import {validateReferenceLog} from "../../src/components/mnist/reference-log.js";
import {storedLogPath} from "../../src/components/mnist/reference-store.js";
import {seedSpread} from "../../src/components/mnist/seed-spread.js";
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
    // The training curves' frames (axes, grid, legend, reference run) before training: they hold for the whole run.
    await page.evaluate(() => {
      (window as unknown as {curveFrames: Element[]}).curveFrames = [...document.querySelectorAll("#mnist-charts figure svg[role=img]")].slice(0, 2);
    });
    await page.getByRole("button", {name: "Start training"}).click();
    await waitForStep(page, 256);
    await page.getByRole("button", {name: "Stop"}).click();
    await waitForState(page, "stopped");
    await page.waitForSelector("#mnist-results .test-summary", TIMEOUT);
    await page.waitForSelector("#mnist-results .misclassified figure", TIMEOUT);

    // The loss fell from ln 10 ≈ 2.30 (a uniform guess) in the lecture's log format.
    const log = await page.textContent("#mnist-charts .train-log");
    const losses = [...log!.matchAll(/TRAIN-Iteration: (\d+), Loss: ([\d.e-]+), Accuracy: ([\d.]+)/g)].map((m) => Number(m[2]));
    expect(losses.length).toBeGreaterThanOrEqual(2);
    expect(losses[0]).toBeLessThan(1);
    // The curves: this run drawn over the same frames, one point per logged step, its latest step in each chart's label, and a legend.
    const curves = await page.evaluate(() =>
      (window as unknown as {curveFrames: SVGSVGElement[]}).curveFrames.map((svg) => ({
        kept: svg.isConnected,
        label: svg.getAttribute("aria-label"),
        points: svg.querySelector(".live-layer path")?.getAttribute("d")?.match(/[ML]/g)?.length ?? 0,
        legend: [...svg.closest("figure")!.querySelectorAll("span[class$='-swatch']")].map((s) => s.textContent)
      }))
    );
    expect(curves).toHaveLength(2);
    for (const [k, curve] of curves.entries()) {
      expect(curve.kept).toBe(true);
      expect(curve.points).toBe(losses.length);
      const label = new RegExp(`^Training ${k === 0 ? "loss" : "batch accuracy"} per logged step\\. Latest at step ([\\d,]+): [\\d.]+; the reference run ends at [\\d.]+\\.$`).exec(curve.label ?? "");
      expect(label, curve.label ?? "").not.toBeNull();
      expect(Number(label![1].replace(/,/g, ""))).toBeGreaterThanOrEqual(256);
      expect(curve.legend).toEqual(["this run", "reference run"]);
    }
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

describe("the Korean MNIST page's failure paths", () => {
  const site = useSite();
  const hangul = /[\uac00-\ud7a3]/;

  test("a corrupted shard: a Korean alert naming it, and the page recovers when the recipe changes", async () => {
    const {page, errors} = await openPage(site, "/ko/");
    await page.context().unroute(/.*/);
    const corrupt = async (route: Route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length >> 1] ^= 0xff;
      await route.fulfill({response, body, headers: {...response.headers(), "cache-control": "no-store"}});
    };
    await page.context().route(/train-01\.mns\.[0-9a-f]+\.gz$/, corrupt);
    await page.goto(`${site.url}/ko/mnist?backend=wasm`);
    const alert = page.locator("#mnist-data [role=alert]");
    await alert.waitFor(TIMEOUT);
    expect(await alert.textContent()).toBe("MNIST 데이터 조각 train-01.mns.gz이 손상되었습니다. SHA-256 해시가 데이터 목록(manifest)에 적힌 값과 다릅니다.");
    expect(await page.textContent("#mnist-controls .run-status")).toBe("오류로 멈췄습니다.");
    // The page still answers: the other widgets work, and a recipe change starts a fresh worker that loads the (now intact) shards.
    await page.context().unroute(/train-01\.mns\.[0-9a-f]+\.gz$/, corrupt);
    const exercise = page.locator(".widget.exercise").first();
    await exercise.locator("input").fill("269322");
    await exercise.getByRole("button").first().click();
    await page.waitForFunction(() => /정답입니다/.test(document.querySelector(".widget.exercise")?.textContent ?? ""), undefined, TIMEOUT);
    await page.getByRole("button", {name: "강의의 구성으로 되돌리기"}).click();
    await waitForState(page, "ready");
    expect(await page.getByRole("button", {name: "학습 시작"}).isEnabled()).toBe(true);
    expect(await page.locator("#mnist-data [role=alert]").count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a learning rate that makes the loss NaN pauses training with a Korean message, and it can start again", async () => {
    const {page, errors} = await openPage(site, "/ko/mnist?backend=wasm&optimizer=sgd&lr=100");
    await waitForState(page, "ready");
    await page.getByRole("button", {name: "학습 시작"}).click();
    const alert = page.locator("#mnist-controls [role=alert]");
    await alert.waitFor(TIMEOUT);
    expect(await alert.textContent()).toMatch(/^학습을 일시 정지했습니다\. epoch 1의 \d+번째 반복\(iteration\)에서 손실이 숫자가 아닌 값\(NaN\)이 되었습니다\(학습률 100\)\. .*학습률을 낮추고 다시 시작하세요\.$/);
    expect(await page.textContent("#mnist-controls .run-status")).toBe("일시 정지: 손실이 숫자가 아닌 값(NaN)입니다.");
    expect(await page.getByRole("button", {name: "다시 시작"}).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("no WebGPU: asking for it gives a Korean reason and notice, and training can start on another backend", async () => {
    const {page, errors} = await openPage(site, "/ko/mnist?backend=webgpu");
    await waitForState(page, "ready");
    const notice = page.locator("#mnist-backend .notice[data-backend]");
    await notice.waitFor(TIMEOUT);
    expect(await notice.getAttribute("data-backend")).not.toBe("webgpu");
    const text = (await notice.textContent())!;
    expect(text).toMatch(/WebGPU 백엔드는 이곳에서 시작하지 못했습니다\. (이 브라우저는 WebGPU를 제공하지 않습니다|WebGPU는 있지만 그래픽 어댑터를 찾지 못했습니다)\. 그래서 나머지 백엔드 가운데 20개 batch로/);
    expect(text).toContain("이곳에서는 WebGPU로 쓸 수 있는 GPU가 없어 CPU로 학습합니다.");
    // Korean apart from the backends' names and units.
    expect(text.replace(/\([^()]*\)/g, "").match(/[A-Za-z]{2,}/g)?.filter((w) => !["WebGPU", "WebAssembly", "WebGL", "GPU", "CPU", "batch", "ms", "epoch"].includes(w)) ?? []).toEqual([]);
    expect(text).toMatch(hangul);
    const start = page.getByRole("button", {name: "학습 시작"});
    expect(await start.isEnabled()).toBe(true);
    await start.click();
    await waitForStep(page, 16);
    await page.getByRole("button", {name: "멈춤"}).click();
    await waitForState(page, "stopped");
    expect(await page.textContent("#mnist-controls .run-status")).toBe("멈췄습니다.");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the seed spread", () => {
  const site = useSite();
  const stored = (recipe: Recipe) => validateReferenceLog(JSON.parse(readFileSync(storedLogPath(referenceKey(recipe)), "utf8")));

  test("a line per seed, the stored runs' figures in its summary, table and the page's prose", async () => {
    const {page, errors, failed, external} = await openPage(site, "/mnist");
    const widget = page.locator(".widget.seed-spread");
    await widget.locator("tbody tr").first().waitFor(TIMEOUT);
    const logs = [LECTURE_RECIPE, ...SEED_RUNS.map((c) => c.recipe)].map(stored);
    const spread = seedSpread(logs);
    const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
    // One row per seed, in seed order, each with its stored final accuracy and the lecture-style figure.
    const rows = await widget.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    expect(rows).toEqual(spread.curves.map((c) => [String(c.seed), pct(c.accuracy), c.batchMean.toFixed(4)]));
    expect(await widget.locator("tbody tr.current th").textContent()).toBe(String(LECTURE_RECIPE.seed));
    // One line per seed and a dot per seed and epoch; the text alternative states the range.
    const chart = widget.locator(".seed-spread-chart [role=img]");
    expect(await chart.locator(".seed-lines path").count()).toBe(logs.length);
    expect(await chart.locator(".seed-dots circle").count()).toBe(logs.length * 15);
    expect(await chart.getAttribute("aria-label")).toContain(`between ${pct(spread.min)} and ${pct(spread.max)}, mean ${pct(spread.mean)}`);
    expect(await widget.locator("[role=status]").textContent()).toContain(`${logs.length} runs, seeds ${spread.curves.map((c) => c.seed).join(", ")}`);
    const prose = await page.locator("#observablehq-main p", {hasText: "After epoch 15 the runs end between"}).textContent();
    expect(prose).toContain(`between ${pct(spread.min)} and ${pct(spread.max)}`);
    expect(prose).toContain(`points in the second half of training`);
    expect([errors, failed, external]).toEqual([[], [], []]);
    await page.context().close();
  });

  test("seed runs that cannot be read: a message in their place, and the rest of the page works", async () => {
    const {page, errors} = await openPage(site, "/");
    await page.context().route(/seed-runs\.[0-9a-f]+\.json$/, (route) => route.fulfill({status: 200, contentType: "application/json", body: "[{"}));
    await page.goto(`${site.url}/mnist?backend=wasm`);
    const alert = page.locator(".widget.seed-spread [role=alert]");
    await alert.waitFor(TIMEOUT);
    expect(await alert.textContent()).toMatch(/^The runs could not be shown: .*JSON/);
    expect(await page.locator("table.reference-runs tbody tr").count()).toBe(REFERENCE_RECIPES.length);
    await waitForState(page, "ready");
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
