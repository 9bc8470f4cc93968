// Every sidebar page on a 390-px-wide phone: nothing scrolls sideways (wide formulas
// and tables scroll in their own box, controls stack above their charts).
import {expect, test} from "vitest";
import {openPage, sidebarPaths} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();
const paths = await sidebarPaths();
const PHONE = {width: 390, height: 844};

test.each(paths)("%s is no wider than a 390-px phone", async (path) => {
  const {page, errors} = await openPage(site, path);
  // Loaded afresh at the phone's size, so widgets measure the width they really get.
  await page.setViewportSize(PHONE);
  await page.reload({waitUntil: "load"});
  await page.waitForSelector("#observablehq-main h1");
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const {scrollWidth, viewport, overflowing} = await page.evaluate(() => {
    const viewport = window.innerWidth;
    // The outermost elements that reach past the right edge, to say what to fix.
    const past = (e: Element) => e.getBoundingClientRect().right > viewport + 0.5;
    const overflowing = Array.from(document.querySelectorAll("#observablehq-main *"))
      .filter((e) => past(e) && !(e.parentElement && past(e.parentElement)))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : ""} (${Math.round(e.getBoundingClientRect().right)} px)`);
    return {scrollWidth: document.documentElement.scrollWidth, viewport, overflowing};
  });
  expect(viewport).toBe(PHONE.width);
  expect(scrollWidth, `too wide: ${overflowing.join(", ")}`).toBeLessThanOrEqual(viewport);
  expect(errors).toEqual([]);
  await page.context().close();
});

test("the MNIST drawing pad draws with a finger (pointer events from touch)", async () => {
  const {page, errors} = await openPage(site, "/mnist?backend=wasm");
  await page.setViewportSize(PHONE);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Emulation.setTouchEmulationEnabled", {enabled: true, maxTouchPoints: 1});
  const pad = page.locator("#mnist-draw .draw-pad canvas");
  await pad.waitFor({timeout: 60_000});
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  const at = (k: number) => [{x: box.x + box.width * 0.5, y: box.y + box.height * (0.2 + 0.06 * k)}];
  await cdp.send("Input.dispatchTouchEvent", {type: "touchStart", touchPoints: at(0)});
  for (let k = 1; k <= 10; ++k) await cdp.send("Input.dispatchTouchEvent", {type: "touchMove", touchPoints: at(k)});
  await cdp.send("Input.dispatchTouchEvent", {type: "touchEnd", touchPoints: []});
  // The stroke reached the pad: the digit as the network sees it appears.
  await page.waitForSelector("#mnist-draw .seen img", {timeout: 10_000});
  expect(errors).toEqual([]);
  await page.context().close();
});
