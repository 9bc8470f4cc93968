// Every page in the sidebar, opened from the built site in real Chromium.
import {describe, expect, test} from "vitest";
import {openPage, seriousAccessibilityViolations, sidebarPaths} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

const paths = await sidebarPaths();

describe("every sidebar page", () => {
  test("the sidebar lists the nine course pages", () => {
    expect(paths).toHaveLength(9);
  });

  test.each(paths)("%s renders with no errors, no failed or external requests, no serious a11y violations", async (path) => {
    const {page, errors, failed, external} = await openPage(site, path);
    await page.waitForSelector("#observablehq-main h1");
    await page.waitForLoadState("networkidle");
    // The page's own content rendered (not just the shell).
    const heading = await page.textContent("#observablehq-main h1");
    expect(heading?.trim().length).toBeGreaterThan(3);
    const sidebarLinks = await page.locator("#observablehq-sidebar a").count();
    expect(sidebarLinks).toBeGreaterThanOrEqual(9);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});

describe("home page", () => {
  test("decodes and draws MNIST digits from the first test shard", async () => {
    const {page, errors} = await openPage(site, "/");
    await page.waitForSelector("#mnist-samples .digit-grid figure", {timeout: 30_000});
    const captions = await page.locator("#mnist-samples figcaption").allTextContents();
    // The first MNIST test labels.
    expect(captions.slice(0, 5)).toEqual(["7", "2", "1", "0", "4"]);
    // The image holds ink, not a blank one.
    const ink = await page.evaluate(async () => {
      const img = document.querySelector<HTMLImageElement>("#mnist-samples img")!;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 28;
      const context = canvas.getContext("2d")!;
      context.drawImage(img, 0, 0);
      const data = context.getImageData(0, 0, 28, 28).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
      return dark;
    });
    expect(ink).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("a corrupted shard gives a clear message naming it", async () => {
    const {page} = await openPage(site, "/");
    await page.context().unroute(/.*/);
    await page.context().route(/test-00\.mns\.[0-9a-f]+\.gz$/, async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      body[body.length >> 1] ^= 0xff;
      await route.fulfill({response, body});
    });
    await page.reload();
    const alert = page.locator("#mnist-samples [role=alert]");
    await alert.waitFor({timeout: 30_000});
    expect(await alert.textContent()).toMatch(/test-00\.mns\.gz is corrupted/);
    await page.context().close();
  });
});
