// The perceptron page in Chromium: presets, sliders, deep links, the exercise, learning OR and failing on XOR.
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {openPage, seriousAccessibilityViolations} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

const WAIT = {timeout: 60_000};

async function ready(page: Page): Promise<void> {
  await page.waitForSelector(".perceptron-explorer .perceptron-boundary canvas", WAIT);
  await page.waitForSelector(".perceptron-learner .decision-boundary", WAIT);
}

/** The explorer's chart as drawn: canvas pixels and the boundary line's position. */
function explorerChart(page: Page): Promise<string> {
  return page.evaluate(() => {
    const figure = document.querySelector(".perceptron-explorer .perceptron-boundary")!;
    const line = figure.querySelector(".boundary-line");
    return figure.querySelector("canvas")!.toDataURL() + ["x1", "y1", "x2", "y2"].map((a) => line?.getAttribute(a)).join();
  });
}

const resultCells = (page: Page) => page.locator(".perceptron-truth-table tbody td:last-child").allTextContents();

describe("weights by hand", () => {
  test("the AND preset gets all four rows right; moving w₁ changes the plot and the verdict", async () => {
    const {page, errors, failed} = await openPage(site, "/perceptron");
    await ready(page);
    // AND, NAND and OR are credited to the lecture; NOR stands apart as the site's own.
    expect(await page.textContent(".perceptron-presets")).toMatch(/^Lecture's weights: AND .*NAND .*OR .* Site's own, derived the same way: NOR \(−0\.5, −0\.5, 0\.2\)$/);
    await page.getByRole("button", {name: /^AND \(/}).click();
    await expect.poll(() => page.textContent(".perceptron-verdict")).toBe("All four rows match: this is AND.");
    expect(await resultCells(page)).toEqual(["✓ right", "✓ right", "✓ right", "✓ right"]);
    expect(await page.getByRole("slider", {name: "w₁"}).inputValue()).toBe("0.5");
    expect(await page.getByRole("spinbutton", {name: "b (bias)"}).inputValue()).toBe("-0.7");
    // The formula shows the numbers for the input (1, 1): 0.5 + 0.5 − 0.7 = 0.30 > 0.
    expect(await page.getAttribute(".perceptron-live-formula", "aria-label")).toBe("s = 0.50 · 1 + 0.50 · 1 − 0.70 = 0.30 > 0, so y = 1");

    const before = await explorerChart(page);
    const w1 = page.getByRole("slider", {name: "w₁"});
    await w1.focus();
    await page.keyboard.press("Home");
    await expect.poll(() => w1.inputValue()).toBe("-2");
    expect(await explorerChart(page)).not.toBe(before);
    // w₁ = −2 makes (1, 1) output 0: AND's last row is now wrong.
    expect(await resultCells(page)).toEqual(["✓ right", "✓ right", "✓ right", "✗ wrong"]);
    expect(await page.textContent(".perceptron-verdict")).toBe("3 of 4 rows right.");
    // The diagram follows: its text alternative names the new weight.
    expect(await page.textContent(".perceptron-diagram title")).toContain("w₁ = −2.00");
    expect(await page.getAttribute(".perceptron-live-formula", "aria-label")).toBe("s = −2.00 · 1 + 0.50 · 1 − 0.70 = −2.20 ≤ 0, so y = 0");
    // And the link remembers it (URL writes are throttled).
    await expect.poll(() => new URL(page.url()).searchParams.get("w1")).toBe("-2");
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.context().close();
  });

  test("the instructor's link sets gate and weights; bad parameters are named and replaced", async () => {
    const {page, errors} = await openPage(site, "/perceptron?gate=and&w1=1&w2=1&b=-1.5");
    await ready(page);
    expect(await page.getByRole("spinbutton", {name: "w₁"}).inputValue()).toBe("1");
    expect(await page.getByRole("spinbutton", {name: "b (bias)"}).inputValue()).toBe("-1.5");
    expect(await page.textContent(".perceptron-verdict")).toBe("All four rows match: this is AND.");
    await page.context().close();

    const bad = await openPage(site, "/perceptron?gate=or&w1=1&w2=9&b=-0.5&act=sigmoid&lr=abc&lgate=<b>x</b>");
    await ready(bad.page);
    expect(await bad.page.textContent(".perceptron-explorer .url-notice")).toContain('w2: "9" is outside -2…2; using 2.');
    expect(await bad.page.textContent(".perceptron-verdict")).toBe("All four rows match: this is OR.");
    // With the sigmoid the table shows the output and the class it means.
    expect(await bad.page.locator(".perceptron-truth-table thead th").allTextContents()).toContain("class (s > 0)");
    const learnerNotice = await bad.page.textContent(".perceptron-learner .url-notice");
    expect(learnerNotice).toContain('lr: "abc" is not a number; using 0.1.');
    expect(learnerNotice).toContain('lgate: "<b>x</b>" is not one of');
    expect(await bad.page.locator(".perceptron-learner .url-notice b").count()).toBe(0);
    expect(errors).toEqual([]);
    expect(bad.errors).toEqual([]);
    await bad.page.context().close();
  });
});

describe("fill in the blanks", () => {
  test("checks the learner's weights, says which rows fail, and reports the score to an LMS", async () => {
    const {page, errors} = await openPage(site, "/perceptron?fgate=nand");
    // A SCORM 1.2 API like an LMS provides, recording what the page sends.
    await page.addInitScript(() => {
      const values: Record<string, string> = {};
      (window as unknown as {API: unknown; scorm: Record<string, string>}).scorm = values;
      (window as unknown as {API: unknown}).API = {
        LMSInitialize: () => "true",
        LMSGetValue: (k: string) => values[k] ?? "",
        LMSSetValue: (k: string, v: string) => ((values[k] = v), "true"),
        LMSCommit: () => "true",
        LMSFinish: () => "true"
      };
    });
    await page.reload();
    await page.waitForSelector(".perceptron-blanks .blank", WAIT);
    const blank = (name: string) => page.getByRole("textbox", {name});
    expect(await page.textContent(".perceptron-program")).toContain("def NAND(x1, x2):");
    expect(await page.textContent(".perceptron-program-output")).toContain("w₁ is still blank");

    // AND's weights are not NAND.
    await blank("w₁ for NAND").fill("0.5");
    await blank("w₂ for NAND").fill("0.5");
    await blank("b for NAND").fill("-0.7");
    expect(await page.textContent(".perceptron-program-output")).toBe("0 NAND 0 -> 0\n0 NAND 1 -> 0\n1 NAND 0 -> 0\n1 NAND 1 -> 1");
    await page.getByRole("button", {name: "Check"}).click();
    expect(await page.textContent(".perceptron-blanks-verdict")).toMatch(/^Not yet: \(0, 0\) gives 0, should be 1/);
    expect(await page.evaluate(() => (window as unknown as {scorm: Record<string, string>}).scorm["cmi.core.score.raw"])).toBe("0");

    await blank("w₁ for NAND").fill("-1");
    await blank("w₂ for NAND").fill("\u22121");
    await blank("b for NAND").fill("1.5");
    await blank("b for NAND").press("Enter");
    expect(await page.textContent(".perceptron-blanks-verdict")).toBe("Correct: with these weights the program computes NAND on all four inputs.");
    expect(await page.textContent(".perceptron-program-output")).toBe("0 NAND 0 -> 1\n0 NAND 1 -> 1\n1 NAND 0 -> 1\n1 NAND 1 -> 0");
    expect(await page.evaluate(() => (window as unknown as {scorm: Record<string, string>}).scorm["cmi.core.score.raw"])).toBe("100");

    await blank("w₁ for NAND").fill("abc");
    await page.getByRole("button", {name: "Check"}).click();
    expect(await page.textContent(".perceptron-blanks-verdict")).toBe('Not checked: w₁ is not a number ("abc").');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("learning", () => {
  async function playUntil(page: Page, selector: string): Promise<void> {
    await page.getByRole("spinbutton", {name: "Speed (epochs per second)"}).fill("60");
    await page.getByRole("button", {name: "Play"}).click();
    await page.waitForSelector(selector, {state: "visible", timeout: 120_000});
  }

  test("the perceptron rule learns OR and stops, converged", async () => {
    const {page, errors} = await openPage(site, "/perceptron?lgate=or&lr=0.1&seed=3");
    await ready(page);
    const status = page.locator(".perceptron-learn-status");
    await page.getByRole("spinbutton", {name: "Speed (epochs per second)"}).fill("60");
    await page.getByRole("button", {name: "Play"}).click();
    await expect.poll(() => status.textContent(), {timeout: 120_000}).toMatch(/^Converged after \d+ epochs?: all four rows of OR are right/);
    // It stopped by itself: the button offers Play again.
    expect(await page.locator(".perceptron-play").textContent()).toBe("Play");
    // The errors chart ends at 0 rows wrong.
    expect(await page.locator(".perceptron-learner figure figcaption").nth(1).textContent()).toMatch(/^Rows wrong after each epoch: 0 after epoch \d+/);
    expect(await page.locator(".perceptron-xor-explanation").isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("gradient descent on a sigmoid unit learns OR too", async () => {
    const {page, errors} = await openPage(site, "/perceptron?rule=sigmoid&lgate=or&lr=2");
    await ready(page);
    await page.getByRole("spinbutton", {name: "Speed (epochs per second)"}).fill("60");
    await page.getByRole("button", {name: "Play"}).click();
    await expect.poll(() => page.textContent(".perceptron-learn-status"), {timeout: 120_000}).toMatch(/^Converged after \d+ epochs?/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("on XOR it never converges: the weights cycle and the explanation appears", async () => {
    const {page, errors} = await openPage(site, "/perceptron");
    await ready(page);
    await page.getByRole("combobox", {name: "Gate to learn"}).selectOption({label: "XOR"});
    await playUntil(page, ".perceptron-xor-explanation");
    const status = await page.textContent(".perceptron-learn-status");
    expect(status).toMatch(/^Not converging on XOR: \d rows? still wrong after \d+ epochs\. The weights after epoch (\d+) are the same as after epoch (\d+): each pass over the four rows undoes its own updates/);
    expect(await page.textContent(".perceptron-xor-explanation")).toContain("no straight line puts both 1s on one side");
    // The latest epoch's four updates are listed row by row.
    expect(await page.locator(".perceptron-steps tbody tr").count()).toBe(4);
    await page.getByRole("button", {name: "Pause"}).click();
    expect(await page.textContent(".perceptron-learn-status")).not.toMatch(/Converged/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("Step learns from one row at a time and says what changed", async () => {
    const {page, errors} = await openPage(site, "/perceptron?lgate=and&lr=0.5&seed=1");
    await ready(page);
    const step = page.getByRole("button", {name: "Step (one row)"});
    await step.click();
    expect(await page.textContent(".perceptron-last-update")).toMatch(/^Row \(0, 0\): target 0, output [01]/);
    expect(await page.textContent(".perceptron-epoch")).toMatch(/^Epoch 0 · row 1 of 4/);
    for (let i = 0; i < 3; ++i) await step.click();
    expect(await page.textContent(".perceptron-epoch")).toMatch(/^Epoch 1 · w₁ = /);
    await page.getByRole("button", {name: "Reset"}).click();
    expect(await page.textContent(".perceptron-epoch")).toMatch(/^Epoch 0 · /);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
