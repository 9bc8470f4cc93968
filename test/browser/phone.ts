// The phone check the pages share: at 390 × 844 the page must not scroll sideways.
import {expect} from "vitest";
import type {Page} from "playwright-core";

export async function expectFitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({width: 390, height: 844});
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}
