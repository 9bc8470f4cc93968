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
    // The page's prose follows the trainer's value.
    await expect.poll(() => page.textContent(".xor-training-status")).toMatch(/^Solved after [\d,]+ epochs: the outputs for \(0, 0\), \(1, 0\), \(0, 1\), \(1, 1\) are /);
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

describe("the XOR trainer under a fast slider", () => {
  test("a size met again reuses its network drawing, restyled to look as a fresh drawing of the new run does", async () => {
    // The drawing shown: the others wait hidden in the same box.
    const snapshot = (page: import("playwright-core").Page) =>
      page.evaluate(() => ({
        drawing: [...document.querySelectorAll<HTMLElement>(".xor-network figure")].filter((f) => !f.style.visibility && !f.style.contentVisibility).map((f) => f.outerHTML),
        weights: document.querySelector(".xor-weights")!.textContent,
        outputs: document.querySelector(".xor-outputs")!.textContent,
        readout: document.querySelector(".xor-readout")!.textContent
      }));
    const fresh = await openPage(site, "/xor-mlp?h=3&seed=7");
    await fresh.page.locator(".xor-network svg").waitFor({timeout: 30_000});
    await fresh.page.waitForTimeout(300);
    const expected = await snapshot(fresh.page);
    const {page, errors} = await openPage(site, "/xor-mlp");
    await page.locator(".xor-network svg").waitFor({timeout: 30_000});
    await page.waitForTimeout(300);
    const reused = await page.evaluate(async () => {
      const root = document.querySelector(".xor-trainer")!;
      const hidden = root.querySelector<HTMLInputElement>('input[type=range][aria-label^="Hidden units"]')!;
      const seed = [...root.querySelectorAll("form")].find((f) => f.querySelector("label")?.textContent === "Seed")!.querySelector("input")!;
      const set = async (input: HTMLInputElement, value: number) => {
        input.value = String(value);
        input.dispatchEvent(new Event("input", {bubbles: true}));
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      };
      const figure = () => [...root.querySelectorAll<HTMLElement>(".xor-network figure")].find((f) => !f.style.visibility && !f.style.contentVisibility);
      await set(hidden, 3);
      const first = figure();
      await set(hidden, 5);
      const other = figure();
      // A new run (another seed: other weights) at the size drawn first.
      await set(seed, 7);
      await set(hidden, 3);
      return {kept: figure() === first, changed: other !== first};
    });
    expect(reused).toEqual({kept: true, changed: true});
    // Once the controls rest, the box and the table fit the network shown.
    await expect.poll(() => snapshot(page)).toEqual(expected);
    expect([...errors, ...fresh.errors]).toEqual([]);
    for (const p of [page, fresh.page]) await p.context().close();
  });

  test("a drag over H keeps the drawing's box and the weights table at their tallest until the controls rest, then fits them", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp?h=8");
    await page.locator(".xor-network svg").waitFor({timeout: 30_000});
    await page.waitForTimeout(300);
    const result = await page.evaluate(async () => {
      const root = document.querySelector(".xor-trainer")!;
      const hidden = root.querySelector<HTMLInputElement>('input[type=range][aria-label^="Hidden units"]')!;
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const measure = () => ({
        box: Math.round(root.querySelector(".xor-network")!.getBoundingClientRect().height),
        table: Math.round(root.querySelector(".xor-weights")!.getBoundingClientRect().height),
        rows: [...root.querySelectorAll(".xor-weights tbody tr")].filter((r) => r.checkVisibility({visibilityProperty: true})).length,
        figures: [...root.querySelectorAll(".xor-network svg")].filter((f) => f.checkVisibility({visibilityProperty: true})).length
      });
      const tallest = measure();
      const during = [];
      // One frame per move, faster than the controls take to rest.
      for (const h of [6, 4, 2]) {
        hidden.value = String(h);
        hidden.dispatchEvent(new Event("input", {bubbles: true}));
        await frame();
        during.push(measure());
      }
      await new Promise((resolve) => setTimeout(resolve, 600));
      return {tallest, during, rested: measure()};
    });
    for (const m of result.during) {
      expect(m.box).toBe(result.tallest.box);
      expect(m.table).toBe(result.tallest.table);
      expect(m.figures).toBe(1);
    }
    expect(result.during.map((m) => m.rows)).toEqual([6, 4, 2]);
    expect(result.rested.box).toBeLessThan(result.tallest.box);
    expect(result.rested.table).toBeLessThan(result.tallest.table);
    expect(result.rested).toMatchObject({rows: 2, figures: 1});
    // The hidden drawings are out of the accessibility tree: one image of the network, the 2-unit one.
    const images = await page.locator(".xor-network").getByRole("img").all();
    expect(images).toHaveLength(1);
    expect(await images[0].getAttribute("aria-label")).toMatch(/^The 2-2-1 network/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe("the XOR page as a notebook", () => {
  test("the input chosen in the composition is ringed in the hidden layer's view and named in the prose", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp?input=11");
    const follows = page.locator(".hidden-space-follows");
    await expect.poll(() => follows.textContent(), {timeout: 30_000}).toMatch(/^The ring marks the input chosen in the composition above, \(1, 1\), whose XOR is 0: the lecture's gates send it to \(s₁, s₂\) = \(0, 1\)/);
    expect(await page.locator(".hidden-space-table tr.current td").first().textContent()).toBe("(1, 1)");
    await page.locator(".xor-composition").getByLabel("(0, 1)").check();
    await expect.poll(() => page.locator(".hidden-space-table tr.current td").first().textContent()).toBe("(0, 1)");
    expect(await follows.textContent()).toContain("(0, 1), whose XOR is 1");
    expect(await page.locator(".hidden-space figcaption").first().textContent()).toContain("The ringed point is the input (0, 1).");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("at 390 px wide the page does not scroll sideways", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp");
    await page.setViewportSize({width: 390, height: 844});
    await page.locator(".xor-readout").waitFor({timeout: 30_000});
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("the trainer as a module with syncUrl: false leaves the host's URL alone, exposes .value and fires input", async () => {
    const {page, errors, failed} = await openPage(site, "/__host-xor", {
      extraPages: {
        "/__host-xor": `<!doctype html><html lang="en"><title>host</title><body><div id="mount"></div>
          <script type="module">
            const {createXorTrainerWidget} = await import("/embed/xor-trainer.js");
            const trainer = createXorTrainerWidget({syncUrl: false});
            window.seen = [];
            trainer.addEventListener("input", () => window.seen.push(trainer.value.epoch));
            document.getElementById("mount").append(trainer);
            window.trainer = trainer;
          </script></body></html>`
      }
    });
    await page.waitForFunction(() => "trainer" in window, null, {timeout: 60_000});
    const href = page.url();
    type Host = {trainer: {value: {epoch: number; h: number; status: string; outputs: number[]}}; seen: number[]};
    expect(await page.evaluate(() => (window as unknown as Host).trainer.value)).toMatchObject({epoch: 0, h: 4, status: "ready"});
    await page.getByRole("button", {name: "Step (1 epoch)"}).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as Host).trainer.value.epoch)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Host).seen)).toContain(1);
    await page.getByRole("spinbutton", {name: "Hidden units H"}).fill("3");
    await page.getByRole("spinbutton", {name: "Hidden units H"}).press("Enter");
    await expect.poll(() => page.evaluate(() => (window as unknown as Host).trainer.value.h)).toBe(3);
    expect((await page.evaluate(() => (window as unknown as Host).trainer.value)).outputs).toHaveLength(4);
    await page.waitForTimeout(600);
    expect(page.url()).toBe(href);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await page.context().close();
  });
});

describe("the hidden-space view under a fast slider", () => {
  test("ten inputs before a frame draw the widget once and publish every value, the last one last", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp");
    await page.locator(".hidden-space-hidden svg").waitFor({timeout: 30_000});
    const result = await page.evaluate(async () => {
      const root = document.querySelector(".hidden-space") as HTMLElement & {value: {beta: number}};
      const slider = root.querySelector<HTMLInputElement>('input[type=range][aria-label^="Slope β"]')!;
      const published: number[] = [];
      root.addEventListener("input", () => published.push(root.value.beta));
      // The charts, captions, status and table change in place: each batch of mutations is one draw.
      let draws = 0;
      new MutationObserver(() => draws++).observe(root.querySelector(".side-output")!, {subtree: true, childList: true, attributes: true, characterData: true});
      const chart = root.querySelector(".hidden-space-hidden svg");
      // Ten moves in one task, as a slider can deliver them while a frame is busy.
      for (let k = 1; k <= 10; ++k) {
        slider.value = String(1 + k);
        slider.dispatchEvent(new Event("input", {bubbles: true}));
      }
      await Promise.resolve();
      const before = draws;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      return {before, after: draws, published, beta: root.value.beta, sameChart: root.querySelector(".hidden-space-hidden svg") === chart};
    });
    expect(result.before).toBe(0);
    expect(result.after).toBe(1);
    // A drag of β moves the live marks over the chart Plot drew once.
    expect(result.sameChart).toBe(true);
    expect(result.published).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(result.beta).toBe(11);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test("the hidden view's points, labels and bent grid follow β: each dot where the table puts its input", async () => {
    const {page, errors} = await openPage(site, "/xor-mlp");
    await page.locator(".hidden-space-hidden svg").waitFor({timeout: 30_000});
    const widget = page.locator(".hidden-space");
    // Off the lecture's weights, so the four inputs land on four spots.
    await page.getByRole("spinbutton", {name: "s₁ (NAND): weight of x₁"}).fill("-0.3");
    const beta = page.getByRole("spinbutton", {name: "Slope β of the sigmoid"});
    const read = () =>
      widget.evaluate((root) => {
        const svg = root.querySelector(".hidden-space-hidden svg")!;
        const layer = svg.querySelector(".live-layer")!;
        const dots = [...layer.querySelectorAll("circle")].slice(0, 4).map((c) => [Number(c.getAttribute("cx")), Number(c.getAttribute("cy"))]);
        const labels = [...svg.querySelectorAll<SVGTextElement>(".live-labels text")].filter((l) => l.style.display !== "none").map((l) => ({x: Number(l.getAttribute("x")), y: Number(l.getAttribute("y")), text: l.textContent}));
        const table = [...root.querySelectorAll(".hidden-space-table tbody tr")].map((tr) => [...tr.querySelectorAll("td")].slice(2).map((td) => Number(td.textContent!.replace("−", "-"))));
        return {dots, labels, table, grid: layer.querySelector("path")!.getAttribute("d")};
      });
    const seen = [];
    for (const value of ["2", "12"]) {
      await beta.fill(value);
      await beta.press("Enter");
      await expect.poll(() => widget.evaluate((root) => (root as HTMLElement & {value: {beta: number}}).value.beta)).toBe(Number(value));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
      seen.push(await read());
    }
    expect(seen[0].grid).not.toBe(seen[1].grid);
    expect(seen[0].dots).not.toEqual(seen[1].dots);
    // One linear map (the chart's scales) takes every table row's (s₁, s₂), at both β, to its dot.
    const pairs = seen.flatMap((s) => s.table.map((row, k) => ({s: row, px: s.dots[k]})));
    for (const axis of [0, 1]) {
      const [a, b] = [pairs[0], pairs.find((p) => Math.abs(p.s[axis] - pairs[0].s[axis]) > 0.1)!];
      const slope = (b.px[axis] - a.px[axis]) / (b.s[axis] - a.s[axis]);
      expect(slope * (axis === 0 ? 1 : -1)).toBeGreaterThan(0);
      for (const p of pairs) expect(Math.abs(a.px[axis] + slope * (p.s[axis] - a.s[axis]) - p.px[axis])).toBeLessThan(1);
    }
    // Each input is named on its dot.
    for (const s of seen) {
      expect(s.labels.map((l) => l.text).sort()).toEqual(["(0,0)", "(0,1)", "(1,0)", "(1,1)"]);
      for (const l of s.labels) expect(s.dots.some(([x, y]) => Math.abs(x - l.x) < 0.5 && Math.abs(y - l.y) < 0.5)).toBe(true);
    }
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
