// The activations page in real Chromium: the comparison plot, the vanishing-gradient chart, the timing.
import {describe, expect, test} from "vitest";
import {openPage, type OpenedPage} from "./harness.js";
import {expectFitsPhone} from "./phone.js";
import {useSite} from "./use-site.js";

const site = useSite();

async function open(path = "/activations"): Promise<OpenedPage> {
  const opened = await openPage(site, path);
  await opened.page.waitForSelector(".vanishing-gradients .chart svg", {timeout: 60_000});
  return opened;
}

const mainText = (o: OpenedPage) => o.page.locator("#observablehq-main").innerText();

/** Heights of the bars in the vanishing-gradient chart (its only aria-hidden mark). */
const barHeights = (o: OpenedPage) =>
  o.page.locator(".vanishing-gradients .chart svg g[aria-hidden=true] rect").evaluateAll((rects) => rects.map((r) => Number(r.getAttribute("height"))));

describe("activations page", () => {
  test("the vanishing-gradient chart changes when the activation changes", async () => {
    const o = await open();
    const widget = o.page.locator(".vanishing-gradients");
    const sigmoidBars = await barHeights(o);
    expect(sigmoidBars).toHaveLength(11);
    const sigmoidText = await widget.locator(".readout").innerText();
    // The sigmoid's first layer gets millions of times less gradient than the last.
    const ratio = Number(/ratio first\/last = ([\d.]+)e−(\d+)/.exec(sigmoidText)!.slice(1).join("e-"));
    expect(ratio).toBeLessThan(1e-3);

    await widget.getByLabel("Activation").selectOption({label: "ReLU"});
    await widget.getByLabel("Initialisation").selectOption({label: "He"});
    await expect.poll(() => new URL(o.page.url()).searchParams.get("init")).toBe("he");
    expect(await widget.locator(".readout").innerText()).not.toBe(sigmoidText);
    const reluBars = await barHeights(o);
    expect(reluBars).not.toEqual(sigmoidBars);
    // ReLU with He: the first layer's bar is within a factor 10 of the last one's.
    const reluText = await widget.locator(".readout").innerText();
    const reluRatio = Number(/ratio first\/last = (\d+(?:\.\d+)?)/.exec(reluText)![1]);
    expect(reluRatio).toBeGreaterThan(0.1);
    expect(reluRatio).toBeLessThan(10);
    await expect.poll(() => {
      const url = new URL(o.page.url());
      return [url.searchParams.get("vact"), url.searchParams.get("init")];
    }).toEqual(["relu", "he"]);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("training draws a second set of bars and reports the loss, with no NaN on the page", async () => {
    const o = await open("/activations?depth=4&width=8&vact=tanh");
    const widget = o.page.locator(".vanishing-gradients");
    await widget.getByRole("button", {name: "▶ Train"}).click();
    await expect.poll(() => widget.locator(".readout").innerText(), {timeout: 60_000}).toMatch(/After \d+ updates.*Loss/s);
    // Training stops by itself after its last update (on a fast machine before the readout is read): wait for that, not for a Pause to click.
    await widget.getByRole("button", {name: "▶ Train"}).waitFor({timeout: 60_000});
    expect(await widget.locator(".readout").innerText()).toMatch(/After 3000 updates/);
    expect((await barHeights(o)).length).toBe(10);
    expect(await o.page.locator("#observablehq-main").innerText()).not.toMatch(/NaN|Infinity/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("ticking the step function shows where its derivative is undefined; a link selects activations", async () => {
    const o = await open("/activations?acts=0,5&beta=2");
    const widget = o.page.locator(".activation-plot");
    const headings = await widget.locator(".activation-card h3").allInnerTexts();
    expect(headings).toEqual(["Step", "ELU"]);
    expect(await widget.locator("figcaption").allInnerTexts()).toContainEqual(expect.stringMatching(/undefined: Step at s = 0/));
    await widget.getByLabel("Sigmoid", {exact: true}).check();
    await expect.poll(() => widget.locator(".activation-card h3").allInnerTexts()).toEqual(["Step", "Sigmoid (β = 2)", "ELU"]);
    expect(await widget.locator(".activation-card").nth(1).innerText()).toContain("0.5");
    await expect.poll(() => new URL(o.page.url()).searchParams.get("acts")).toBe("0,1,5");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the timing line reports every activation, on your machine", async () => {
    const o = await open();
    const widget = o.page.locator(".relu-timing");
    await widget.getByRole("button", {name: "Time them"}).click();
    await expect.poll(() => widget.locator(".timing-line").innerText(), {timeout: 60_000}).toMatch(/^On your machine/);
    const line = await widget.locator(".timing-line").innerText();
    for (const name of ["Step", "Sigmoid", "tanh", "ReLU", "Leaky ReLU", "ELU", "Maxout"]) expect(line).toContain(name);
    expect(line).not.toMatch(/NaN|Infinity/);
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });
  test("the activation ticked last in the comparison drives the vanishing-gradient widget, whose own menu still works", async () => {
    const o = await open();
    const plot = o.page.locator(".activation-plot");
    const vanishing = o.page.locator(".vanishing-gradients");
    const select = vanishing.getByLabel("Activation");
    const picked = () => select.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
    // Loading the page changes nothing: the link's (default) activation stands.
    expect(await picked()).toBe("Sigmoid");
    await plot.getByLabel("tanh", {exact: true}).check();
    await expect.poll(picked).toBe("tanh");
    await expect.poll(() => new URL(o.page.url()).searchParams.get("vact")).toBe("tanh");
    await expect.poll(() => mainText(o)).toMatch(/Right now the first layer gets [\d.e+−]+ times the gradient of the last \(10 hidden layers, 0 updates\)/);
    // Its own menu picks another; moving β above does not take it back.
    await select.selectOption({label: "ELU"});
    const beta = plot.getByRole("spinbutton", {name: "Sigmoid slope β"});
    await beta.fill("2");
    await beta.press("Enter");
    await expect.poll(() => plot.locator(".activation-card h3").allInnerTexts()).toContain("Sigmoid (β = 2)");
    expect(await picked()).toBe("ELU");
    // Step has no deep-network version: ticking it leaves the choice alone.
    await plot.getByLabel("Step", {exact: true}).check();
    await expect.poll(() => plot.locator(".activation-card h3").allInnerTexts()).toContain("Step");
    expect(await picked()).toBe("ELU");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("β moves the sigmoid's curves and legend over the same chart frame; its card follows once the slider rests", async () => {
    const o = await open("/activations?acts=1,3&beta=2");
    const plot = o.page.locator(".activation-plot");
    const derivative = plot.locator(".activation-chart").nth(1);
    // The sigmoid's derivative (its first live curve) peaks at β/4; the chart's svg is tagged to see whether a draw rebuilt it.
    const drawing = () =>
      derivative.evaluate((figure) => {
        const layer = figure.querySelector(".live-layer")!;
        const svg = layer.closest("svg")! as SVGSVGElement & {tagged?: boolean};
        const ys = [...(layer.querySelector("path")!.getAttribute("d") ?? "").matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => Number(m[2]));
        const same = svg.tagged === true;
        svg.tagged = true;
        return {peak: Math.min(...ys), same, legend: (figure as HTMLElement).innerText};
      });
    const at2 = await drawing();
    expect(at2.legend).toContain("Sigmoid (β = 2)");
    const beta = plot.getByRole("spinbutton", {name: "Sigmoid slope β"});
    await beta.fill("4");
    await beta.press("Enter");
    await expect.poll(async () => (await drawing()).legend).toContain("Sigmoid (β = 4)");
    const at4 = await drawing();
    // τ′(0) doubles from 0.5 to 1 on the same y-axis (its extent stays [−0.1, 1.1]): the curve's top rises, and the frame is the one drawn at load.
    expect(at4.peak).toBeLessThan(at2.peak - 50);
    expect(at4.same).toBe(true);
    await expect.poll(() => plot.locator(".activation-card h3").allInnerTexts()).toEqual(["Sigmoid (β = 4)", "ReLU"]);
    expect(await plot.locator(".activation-card").first().innerText()).toContain("β/4=1");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the depth redraws the bars, the layer numbers and the table; the first sigmoid layer's bar is the shortest", async () => {
    const o = await open();
    const widget = o.page.locator(".vanishing-gradients");
    const ticks = () => widget.locator(".chart svg .live-labels text").allTextContents();
    expect(await ticks()).toEqual(Array.from({length: 11}, (_, l) => String(l + 1)));
    const depth = widget.getByRole("spinbutton", {name: "Hidden layers"});
    await depth.fill("4");
    await depth.press("Enter");
    await expect.poll(ticks).toEqual(["1", "2", "3", "4", "5"]);
    const bars = await barHeights(o);
    expect(bars).toHaveLength(5);
    expect(Math.min(...bars)).toBe(bars[0]);
    expect(await widget.locator("details tbody tr").count()).toBe(5);
    await expect.poll(() => widget.locator(".chart [aria-label]").first().getAttribute("aria-label")).toContain("4 hidden layers of 16");
    expect(o.errors).toEqual([]);
    await o.page.context().close();
  });

  test("the page fits a 390-px phone screen", async () => {
    const o = await open();
    await expectFitsPhone(o.page);
    await o.page.context().close();
  });
});
