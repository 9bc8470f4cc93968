import {openPage, startSite} from "./test/browser/harness.js";
const site = await startSite();
try {
  const {page} = await openPage(site, "/perceptron?lgate=xor&act=sigmoid");
  await page.setViewportSize({width: 1280, height: 900});
  await page.waitForSelector(".perceptron-learner .decision-boundary", {timeout: 30000});
  await page.getByRole("spinbutton", {name: "Speed (epochs per second)"}).fill("60");
  await page.getByRole("button", {name: "Play"}).click();
  await page.waitForSelector(".perceptron-xor-explanation", {state: "visible", timeout: 60000});
  await page.locator(".perceptron-explorer").screenshot({path: "/tmp/pp/explorer.png"});
  await page.locator(".perceptron-learner").screenshot({path: "/tmp/pp/learner.png"});
  await page.locator(".perceptron-blanks").screenshot({path: "/tmp/pp/blanks.png"});
} finally { await site.close(); }
