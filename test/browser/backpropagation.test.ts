// The backpropagation page in real Chromium: the step-through, the update and the finite-difference check.
import {describe, expect, test} from "vitest";
import {PALETTE} from "../../src/components/charts/palette.js";
import {openPage, seriousAccessibilityViolations} from "./harness.js";
import {expectFitsPhone} from "./phone.js";
import {useSite} from "./use-site.js";

const site = useSite();

describe("Backpropagation", () => {
  test("stepping through shows each factor, highlights it, and ends with the update", async () => {
    const {page, errors} = await openPage(site, "/backpropagation");
    const next = page.locator(".backprop-next");
    await next.waitFor({timeout: 30_000});
    const counter = page.locator(".backprop-counter");
    const highlighted = () => page.locator(`.backprop-diagram svg [stroke='${PALETTE.highlight}']`).count();
    expect(await highlighted()).toBe(0);
    const ids: string[] = [];
    for (let k = 1; k <= 18; ++k) {
      await next.click();
      await page.waitForFunction((n) => document.querySelector(".backprop-counter")?.getAttribute("data-step") === String(n), k);
      expect(await page.locator(".backprop-steps li").count()).toBe(k);
      ids.push((await page.locator(".backprop-steps li.current").getAttribute("data-id"))!);
      // The current factor is drawn as a formula with its value, and something on the network is highlighted.
      expect(await page.locator(".backprop-current .katex").count()).toBeGreaterThan(0);
      expect(await highlighted()).toBeGreaterThan(0);
    }
    expect(ids[0]).toBe("dE/dy");
    expect(ids).toContain("dE/dv21");
    expect(await counter.textContent()).toBe("Factor 18 of 18");
    expect(await next.isDisabled()).toBe(true);
    // The first factor is y − t with the default example: 0.6903 − 0.5 = 0.190283.
    expect(await page.locator(".backprop-steps li").first().textContent()).toContain("0.190283");
    expect(await page.locator(".backprop-new-loss").textContent()).toMatch(/falls from 0\.018104 to/);
    await expect.poll(() => new URL(page.url()).searchParams.get("step")).toBe("18");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Applying the update takes one training step: the loss shown in the forward pass drops.
    await page.locator(".backprop-apply").click();
    await page.waitForFunction(() => document.querySelector(".backprop-counter")?.getAttribute("data-step") === "0");
    expect(await page.locator(".backprop-forward").textContent()).not.toContain("0.018104");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("the finite-difference check reports agreement for edited weights", async () => {
    const {page, errors} = await openPage(site, "/backpropagation?v11=-1.5&w2=2.2&x1=1&t=1");
    const check = page.locator(".backprop-check-button");
    await check.waitFor({timeout: 30_000});
    await check.click();
    const status = page.locator(".backprop-check-status");
    await page.waitForFunction(() => (document.querySelector(".backprop-check-status")?.textContent ?? "").length > 0);
    expect(await status.textContent()).toMatch(/All 9 gradients agree with finite differences/);
    expect(await page.locator(".backprop-fd tbody tr").count()).toBe(9);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    // Editing a weight clears the old check.
    await page.getByRole("spinbutton", {name: "w₁ (a₁ → y)"}).fill("0.7");
    await page.waitForFunction(() => (document.querySelector(".backprop-check-status")?.textContent ?? "") === "");
    // A value out of range is refused with a message; the numbers keep the last valid one.
    const forwardBefore = await page.locator(".backprop-forward").textContent();
    await page.getByRole("spinbutton", {name: "w₁ (a₁ → y)"}).fill("9");
    await page.waitForFunction(() => /must be a number from -5 to 5; still using 0\.7/.test(document.querySelector(".backprop-input-error")?.textContent ?? ""));
    expect(await page.locator(".backprop-forward").textContent()).toBe(forwardBefore);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("the sigmoid's derivative follows β", async () => {
    const {page, errors} = await openPage(site, "/backpropagation?beta=4&s=0");
    const numbers = page.locator(".sigmoid-numbers");
    await numbers.waitFor({timeout: 30_000});
    // τ′(0) = β/4 = 1 for β = 4.
    expect(await numbers.textContent()).toContain("τ′ = β/4 = 1.000");
    // The drawn derivative peaks where its dot is, at s = 0: the live layer follows the chart's scales.
    const drawing = () =>
      page.locator(".sigmoid-chart .live-layer").evaluate((g) => {
        const ys = (d: string) => [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[2]));
        const [, derivative] = [...g.querySelectorAll("path")].map((p) => ys(p.getAttribute("d") ?? ""));
        const dot = g.querySelectorAll("circle")[1];
        return {peak: Math.min(...derivative), dot: Number(dot.getAttribute("cy")), label: g.closest("svg")!.getAttribute("aria-label")};
      });
    const at4 = await drawing();
    expect(Math.abs(at4.peak - at4.dot)).toBeLessThan(1);
    expect(at4.label).toContain("β/4 = 1.000");
    // β = 2 halves the peak τ′(0) = β/4: the curve's top moves down the same y-axis (domain [0, 1.5] for both).
    const beta = page.locator(".sigmoid-derivative").getByRole("spinbutton", {name: "Slope β"});
    await beta.fill("2");
    await beta.press("Enter");
    await expect.poll(async () => (await drawing()).label).toContain("β/4 = 0.500");
    const at2 = await drawing();
    expect(at2.peak).toBeGreaterThan(at4.peak + 20);
    expect(Math.abs(at2.peak - at2.dot)).toBeLessThan(1);
    // The formulas follow once the slider rests.
    await expect.poll(() => numbers.textContent()).toContain("τ′ = β/4 = 0.500");
    expect(errors).toEqual([]);
    await page.context().close();
  });
  test("the page fits a 390-px phone screen, and the prose follows the stepper", async () => {
    const {page, errors} = await openPage(site, "/backpropagation");
    await page.locator(".backprop-next").waitFor({timeout: 30_000});
    await expectFitsPhone(page);
    expect(await page.locator("#observablehq-main").innerText()).toContain("a loss of E = 0.018104");
    await page.locator(".backprop-next").click();
    await expect.poll(() => page.locator("#observablehq-main").innerText()).toContain("the factor on screen, dE/dy, is 0.190283");
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
