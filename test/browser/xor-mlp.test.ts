// The XOR page in real Chromium: the composition, the hidden-space view, and training from the defaults.
import {describe, expect, test} from "vitest";
import {openPage, seriousAccessibilityViolations} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

/** The decision boundary's raster image, to tell whether the boundary changed. */
const boundaryImage = (page: import("playwright-core").Page) => page.locator(".xor-boundary canvas").evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

describe("XOR and the multi-layer perceptron", () => {
  test("the composed network shows XOR's truth table and live values for the chosen input", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp?input=11");
    const rows = page.locator(".xor-truth-table tbody tr");
    await rows.first().waitFor({timeout: 30_000});
    const table = await rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(table).toEqual([
      ["0", "0", "1", "0", "0", "0"],
      ["1", "0", "1", "1", "1", "1"],
      ["0", "1", "1", "1", "1", "1"],
      ["1", "1", "0", "1", "0", "0"]
    ]);
    expect(await page.locator(".xor-truth-table tr.current").getAttribute("data-input")).toBe("11");
    expect(await page.locator(".xor-composition-diagram svg").getAttribute("aria-label")).toContain("AND gives y = 0");
    await page.locator(".xor-composition").getByLabel("(0, 1)").check();
    await page.waitForFunction(() => document.querySelector(".xor-truth-table tr.current")?.getAttribute("data-input") === "01");
    expect(await page.locator(".xor-composition-diagram svg").getAttribute("aria-label")).toContain("AND gives y = 1");
    await expect.poll(() => new URL(page.url()).searchParams.get("input")).toBe("01");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("the hidden layer separates what the input space cannot, until both units compute OR", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp");
    const status = page.locator(".hidden-space .widget-status");
    await status.waitFor({timeout: 30_000});
    expect(await status.textContent()).toMatch(/one line separates/);
    // Turn the NAND unit into an OR unit: (1,0), (0,1) and (1,1) then lie on one diagonal.
    for (const [label, value] of [["s₁ (NAND): weight of x₁", "0.5"], ["s₁ (NAND): weight of x₂", "0.5"], ["s₁ (NAND): bias", "-0.2"]]) {
      await page.getByRole("spinbutton", {name: label}).fill(value);
    }
    await page.waitForFunction(() => /No line separates/.test(document.querySelector(".hidden-space .widget-status")?.textContent ?? ""));
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("training from the default settings reaches 4/4 correct and the boundary changes", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp");
    const readout = page.locator(".xor-readout");
    await readout.waitFor({timeout: 30_000});
    expect(await readout.getAttribute("data-epoch")).toBe("0");
    const before = await boundaryImage(page);
    await page.locator(".xor-play").click();
    await page.waitForFunction(() => document.querySelector(".xor-readout")?.getAttribute("data-correct") === "4", null, {timeout: 120_000});
    // It pauses by itself once solved (4/4 and loss < 0.01).
    await page.waitForFunction(() => document.querySelector(".xor-play")?.textContent === "Play", null, {timeout: 120_000});
    expect(await page.locator(".xor-status").textContent()).toMatch(/^Solved/);
    expect(Number(await readout.getAttribute("data-epoch"))).toBeGreaterThan(100);
    expect(await boundaryImage(page)).not.toBe(before);
    expect(await page.locator(".xor-outputs tbody td.ok-text").count()).toBe(4);
    // The loss curve has a line and the drawing names the MLP's components.
    expect(await page.locator(".xor-loss svg path").count()).toBeGreaterThan(0);
    const labels = await page.locator(".xor-network svg text").allTextContents();
    for (const name of ["input layer", "hidden layer", "output layer", "bias", "weights", "activation (Sigmoid)"]) expect(labels).toContain(name);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("H = 2 from the stalling seed stops with an explanation of the plateau", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp?h=2&seed=5&speed=200");
    await page.locator(".xor-play").click();
    await page.waitForFunction(() => /^Stalled/.test(document.querySelector(".xor-status")?.textContent ?? ""), null, {timeout: 150_000});
    expect(await page.locator(".xor-status").textContent()).toMatch(/plateau/);
    expect(Number(await page.locator(".xor-readout").getAttribute("data-correct"))).toBeLessThan(4);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a bad link is adjusted with a visible notice", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp?h=40&act=<b>x</b>");
    const notice = page.locator(".xor-trainer .url-notice");
    await notice.waitFor({timeout: 30_000});
    expect(await notice.textContent()).toMatch(/h: "40" is outside 2…8/);
    expect(await notice.locator("b").count()).toBe(0);
    expect(await page.getByRole("spinbutton", {name: "Hidden units H"}).inputValue()).toBe("8");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
