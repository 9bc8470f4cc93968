// The backpropagation page in real Chromium: the step-through, the update and the finite-difference check.
import {describe, expect, test} from "vitest";
import {PALETTE} from "../../src/components/charts/palette.js";
import {openPage, seriousAccessibilityViolations} from "./harness.js";
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
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
