// The gradient-descent page in real Chromium: the exercise, the learning-rate presets, the 2-D race.
import {describe, expect, test} from "vitest";
import {openPage, type OpenedPage} from "./harness.js";
import {expectFitsPhone} from "./phone.js";
import {useSite} from "./use-site.js";

const site = useSite();

async function open(path = "/gradient-descent"): Promise<OpenedPage> {
  const opened = await openPage(site, path);
  await opened.page.waitForSelector(".gd-1d .rate-chart svg", {timeout: 60_000});
  await opened.page.waitForSelector(".gd-2d .chart svg", {timeout: 60_000});
  return opened;
}

const mainText = (o: OpenedPage) => o.page.locator("#observablehq-main").innerText();

describe("gradient descent page", () => {
  test("the exercise accepts 1.92 (and 1,92) and gives a nudge first and the 2.4 hint on a second miss; an LMS gets the score", async () => {
    const o = await open();
    // A stand-in SCORM 1.2 API, as an LMS would provide it.
    await o.page.context().addInitScript(() => {
      const log: [string, string][] = [];
      Object.assign(window, {
        scormLog: log,
        API: {LMSInitialize: () => "true", LMSGetValue: () => "", LMSSetValue: (k: string, v: string) => (log.push([k, v]), "true"), LMSCommit: () => "true", LMSFinish: () => "true"}
      });
    });
    await o.page.reload();
    await o.page.waitForSelector(".gd-quiz form");
    const scoreRaw = () => o.page.evaluate(() => ((window as unknown as {scormLog: [string, string][]}).scormLog.filter(([k]) => k === "cmi.core.score.raw").at(-1) ?? [])[1]);
    const quiz = o.page.locator(".gd-quiz");
    const input = quiz.getByLabel("x after two updates");
    await input.fill("2.5");
    await quiz.getByRole("button", {name: "Check"}).click();
    await expect.poll(() => quiz.locator(".feedback").innerText()).toMatch(/Not quite.*one update moves x/s);
    expect(await quiz.locator(".feedback").innerText()).not.toContain("2.4");
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    // A second miss gets the first update worked out.
    await input.fill("2.5");
    await quiz.getByRole("button", {name: "Check"}).click();
    await expect.poll(() => quiz.locator(".feedback").innerText()).toMatch(/Not quite.*= 2\.4/s);
    expect(await quiz.locator(".working").count()).toBe(0);
    expect(await scoreRaw()).toBe("0");

    await input.fill(" 1,92");
    await input.press("Enter");
    await expect.poll(() => quiz.locator(".feedback").innerText()).toMatch(/Correct/);
    // The working appears, with both updates.
    const working = await quiz.locator(".feedback .working").innerText();
    expect(working).toContain("2.4");
    expect(working).toContain("1.92");
    expect(await scoreRaw()).toBe("100");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the divergence preset shows the diverged message and no NaN or Infinity anywhere", async () => {
    const o = await open();
    const lab = o.page.locator(".gd-1d");
    await lab.getByRole("button", {name: "Far too large: η = 1.5"}).click();
    const status = lab.locator(".status.diverged");
    await status.waitFor({timeout: 60_000});
    expect(await status.innerText()).toMatch(/Diverged after \d+ updates/);
    expect(await lab.locator(".steps-table").innerText()).toContain("diverged");
    expect(await mainText(o)).not.toMatch(/NaN|Infinity/);
    expect(await o.page.locator("#observablehq-main").innerHTML()).not.toMatch(/NaN|Infinity/);
    // The learning rate is in the link.
    await expect.poll(() => new URL(o.page.url()).searchParams.get("lr")).toBe("1.5");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the overshoot preset oscillates: 3, −2.4, 1.92 in the table", async () => {
    const o = await open();
    const lab = o.page.locator(".gd-1d");
    await lab.getByRole("button", {name: "Too large: η = 0.9"}).click();
    await expect.poll(() => lab.locator(".steps-table tbody tr").count(), {timeout: 30_000}).toBeGreaterThanOrEqual(3);
    await lab.getByRole("button", {name: "Reset"}).click();
    await lab.getByRole("button", {name: "Step"}).click();
    await lab.getByRole("button", {name: "Step"}).click();
    const rows = await lab.locator(".steps-table tbody tr").allInnerTexts();
    expect(rows.map((r) => r.split(/\s+/)[1])).toEqual(["3", "−2.4", "1.92"]);
    expect(await lab.locator(".status").innerText()).toMatch(/overshoots/);
    await o.page.context().close();
  });

  test("a deep link with η = 1.5 opens diverged; an invalid parameter gets a notice", async () => {
    const o = await open("/gradient-descent?lr=1.5&n=100&x0=oops");
    expect(await o.page.locator(".gd-1d .status.diverged").innerText()).toMatch(/Diverged/);
    expect(await o.page.locator(".gd-1d .url-notice").innerText()).toMatch(/x0: "oops" is not a number; using 3/);
    expect(await mainText(o)).not.toMatch(/NaN|Infinity/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the steps-versus-η chart reports the lecture's 26 updates for η = 0.1 and one update at η = 0.5", async () => {
    const o = await open();
    const caption = await o.page.locator(".gd-1d .rate-chart figcaption").innerText();
    expect(caption).toMatch(/Your η = 0\.1 needs 26 updates/);
    // η = 0.5 is on the grid, so the chart agrees with the page: one update.
    expect(caption).toMatch(/Fewest updates: 1 at η ≈ 0\.5\./);
    await o.page.context().close();
  });

  test("a drag of x₀ moves the start over the chart Plot drew once; each Step adds an arrow ending at the current dot", async () => {
    const o = await open();
    const lab = o.page.locator(".gd-1d");
    expect(await lab.locator(".formula .katex").count()).toBe(1);
    const marks = () =>
      lab.evaluate((root) => {
        const layer = root.querySelector("figure.chart svg .live-layer")!;
        const [arrows, visited] = [...layer.querySelectorAll("path")].map((p) => p.getAttribute("d") ?? "");
        const dot = layer.querySelector("circle")!;
        return {arrows, visited, dot: [Number(dot.getAttribute("cx")), Number(dot.getAttribute("cy"))]};
      });
    const result = await lab.evaluate(async (root) => {
      const chart = root.querySelector("figure.chart svg");
      const slider = root.querySelector<HTMLInputElement>('input[type=range][aria-label="Start x₀"]')!;
      const dots: string[] = [];
      for (const x of ["2.5", "1.5", "-2"]) {
        slider.value = x;
        slider.dispatchEvent(new Event("input", {bubbles: true}));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
        const dot = root.querySelector("figure.chart .live-layer circle")!;
        dots.push(`${dot.getAttribute("cx")},${dot.getAttribute("cy")}`);
      }
      return {sameChart: root.querySelector("figure.chart svg") === chart, dots};
    });
    expect(result.sameChart).toBe(true);
    expect(new Set(result.dots).size).toBe(3);
    expect(await lab.locator(".status").innerText()).toMatch(/^Start: x₀ = −2, y = 4/);
    expect(await lab.locator("figure.chart figcaption").innerText()).toBe("Each arrow is one update. Now at x = −2.");
    // The steps-versus-η runs wait for the slider to rest, then follow the new start.
    await expect.poll(() => lab.locator('.rate-chart [aria-label^="Updates needed"]').getAttribute("aria-label"), {timeout: 30_000}).toContain("from x₀ = −2,");
    const start = await marks();
    expect(start.arrows).toBe("");
    expect(start.visited).toBe("");
    await lab.getByRole("button", {name: "Step"}).click();
    await lab.getByRole("button", {name: "Step"}).click();
    await expect.poll(() => lab.locator(".steps-table tbody tr").count()).toBe(3);
    const stepped = await marks();
    // Two arrows (a shaft and a head each), two visited dots, and the last arrow's tip on the current dot.
    expect(stepped.arrows.match(/M/g)).toHaveLength(4);
    expect(stepped.visited.match(/M/g)).toHaveLength(2);
    const tip = stepped.arrows.match(/M[^M]*L([-\d.]+),([-\d.]+)M[^M]*$/)!;
    expect([Number(tip[1]), Number(tip[2])]).toEqual(stepped.dot);
    expect((await lab.locator(".steps-table tbody tr").allInnerTexts()).map((r) => r.split(/\s+/)[1])).toEqual(["−2", "−1.6", "−1.28"]);
    // The formula is typeset again once the controls rest, still there after the drag.
    await o.page.waitForTimeout(400);
    expect(await lab.locator(".formula .katex").count()).toBe(1);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("a long run's table stays scrolled to its newest update", async () => {
    const o = await open("/gradient-descent?n=40");
    const lab = o.page.locator(".gd-1d");
    await expect.poll(() => lab.locator(".steps-table tbody tr").count()).toBe(41);
    const lastRowInView = () =>
      lab.evaluate((root) => {
        const box = root.querySelector(".steps-table")!;
        const rows = box.querySelectorAll("tbody tr");
        const [outer, last] = [box.getBoundingClientRect(), rows[rows.length - 1].getBoundingClientRect()];
        return {overflows: box.scrollHeight > box.clientHeight, inView: last.top >= outer.top - 1 && last.bottom <= outer.bottom + 1, text: rows[rows.length - 1].textContent};
      });
    expect(await lastRowInView()).toMatchObject({overflows: true, inView: true});
    await lab.getByRole("button", {name: "Step"}).click();
    await expect.poll(() => lab.locator(".steps-table tbody tr").count()).toBe(42);
    expect(await lastRowInView()).toMatchObject({overflows: true, inView: true, text: expect.stringMatching(/^41/)});
    await o.page.context().close();
  });

  test("2-D: clicking the contour plot sets the start point and reruns the three optimisers", async () => {
    const o = await open();
    const lab = o.page.locator(".gd-2d");
    const startX = lab.getByLabel("Start w₁");
    expect(await startX.inputValue()).toBe("-3.5");
    await expect.poll(() => lab.locator(".results caption").innerText(), {timeout: 60_000}).toBe("After 100 updates");
    const svg = lab.locator(".chart svg").first();
    const box = (await svg.boundingBox())!;
    await svg.click({position: {x: box.width * 0.75, y: box.height * 0.3}});
    await expect.poll(() => startX.inputValue()).not.toBe("-3.5");
    expect(Number(await startX.inputValue())).toBeGreaterThan(0);
    expect(await lab.locator(".results tbody td:first-child").allInnerTexts()).toEqual(["Gradient descent", "Momentum", "Adam"]);
    // Rosenbrock from its own start; the link records the surface.
    await lab.getByLabel("Surface").selectOption({label: "Rosenbrock's banana valley"});
    await expect.poll(() => startX.inputValue()).toBe("-1.5");
    await expect.poll(() => new URL(o.page.url()).searchParams.get("surface")).toBe("rosenbrock");
    await expect.poll(() => lab.locator(".results caption").innerText(), {timeout: 60_000}).toBe("After 1000 updates");
    expect(await mainText(o)).not.toMatch(/NaN|Infinity/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("2-D: momentum diverging from a corner of Rosenbrock's valley is reported, not drawn as NaN", async () => {
    const o = await open("/gradient-descent?surface=rosenbrock&sx=2&sy=-1");
    const lab = o.page.locator(".gd-2d");
    await expect.poll(() => lab.locator(".results caption").innerText(), {timeout: 60_000}).toBe("After 1000 updates");
    const momentum = await lab.locator(".results tbody tr").nth(1).innerText();
    expect(momentum).toMatch(/diverged after \d+ updates/);
    expect(await lab.locator(".results tbody tr").nth(2).innerText()).not.toMatch(/diverged/);
    expect(await o.page.locator("#observablehq-main").innerHTML()).not.toMatch(/NaN|Infinity/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });
  test("2-D: the step-size and momentum sliders move the paths live and go into the link", async () => {
    const o = await open();
    const lab = o.page.locator(".gd-2d");
    await expect.poll(() => lab.locator(".results caption").innerText(), {timeout: 60_000}).toBe("After 100 updates");
    const momentumPath = () => lab.locator(".chart svg .live-layer path").nth(1).getAttribute("d");
    const before = await momentumPath();
    const mu = lab.getByRole("spinbutton", {name: "Momentum μ"});
    await mu.fill("0.5");
    await mu.press("Enter");
    // The paths are redrawn in full at once, without replaying the animation.
    await expect.poll(momentumPath).not.toBe(before);
    expect(await lab.locator(".results caption").innerText()).toBe("After 100 updates");
    const eta = lab.getByRole("spinbutton", {name: "Adam: η (log scale)"});
    await eta.fill("0.05");
    await eta.press("Enter");
    await expect.poll(() => lab.locator(".results tbody tr").nth(2).locator("td").nth(1).innerText()).toBe("0.05");
    await expect.poll(() => {
      const url = new URL(o.page.url());
      return [url.searchParams.get("mu"), url.searchParams.get("etaa")];
    }).toEqual(["0.5", "0.05"]);
    // A deep link restores both.
    const linked = await openPage(site, `/gradient-descent${new URL(o.page.url()).search}`);
    await linked.page.waitForSelector(".gd-2d .chart svg", {timeout: 60_000});
    expect(await linked.page.locator(".gd-2d").getByRole("spinbutton", {name: "Momentum μ"}).inputValue()).toBe("0.5");
    expect(o.errors).toEqual([]);
    expect(linked.errors).toEqual([]);
    await linked.page.context().close();
    await o.page.context().close();
  });

  test("2-D: a tap (touch pointer events) on the plot sets the start, and the prose cell below says where", async () => {
    const o = await open();
    const lab = o.page.locator(".gd-2d");
    const svg = lab.locator(".chart svg").first();
    const box = (await svg.boundingBox())!;
    const at = {clientX: box.x + box.width * 0.75, clientY: box.y + box.height * 0.3};
    await svg.evaluate((element, point) => {
      for (const type of ["pointerdown", "pointerup"]) element.dispatchEvent(new PointerEvent(type, {...point, bubbles: true, isPrimary: true, pointerId: 7, pointerType: "touch"}));
    }, at);
    const startX = lab.getByLabel("Start w₁");
    await expect.poll(() => startX.inputValue()).not.toBe("-3.5");
    const x = (await startX.inputValue()).replace("-", "−");
    const y = (await lab.getByLabel("Start w₂").inputValue()).replace("-", "−");
    await expect.poll(() => mainText(o)).toContain(`You started at (${x}, ${y}), where E =`);
    await expect.poll(() => mainText(o), {timeout: 60_000}).toMatch(/After 100 updates, (gradient descent|momentum|Adam) is closest to the minimum/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the page fits a 390-px phone screen", async () => {
    const o = await open();
    await expectFitsPhone(o.page);
    await o.page.context().close();
  });
});
