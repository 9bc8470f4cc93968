// Embed pages report their height to the parent frame; widget modules mount into a host page,
// where each widget is an input (a plain-object `.value`, bubbling `input` events) that leaves
// the host page's address alone.
import {describe, expect, test} from "vitest";
import {EMBEDS} from "../../src/components/course/registry.js";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

/** Opens an HTML host page served at a path of the local site, for this test only. */
function hostPage(path: string, html: string) {
  return openPage(site, path, {extraPages: {[path]: html}});
}

describe.each(EMBEDS.map((w) => [w.id, w.exportName]))("widget %s", (id, exportName) => {
  test("its embed page posts its height to the parent, again when the content grows", async () => {
    const {page, errors, failed, external} = await hostPage(
      "/__host-frame",
      `<!doctype html><html lang="en"><title>host</title><body>
       <iframe id="f" src="/embed/${id}" title="embedded" style="width:800px;height:300px"></iframe>
       <script>window.messages = []; addEventListener("message", (e) => window.messages.push(e.data));</script></body></html>`
    );
    await page.waitForFunction(() => (window as unknown as {messages: {height?: number}[]}).messages.some((m) => typeof m.height === "number" && m.height > 100), null, {timeout: 60_000});
    const first = await page.evaluate(() => Math.max(...(window as unknown as {messages: {height?: number}[]}).messages.map((m) => m.height ?? 0)));
    const messages = await page.evaluate(() => (window as unknown as {messages: unknown[]}).messages);
    expect(messages).toContainEqual(expect.objectContaining({subject: "lti.frameResize"}));
    // The embed has no sidebar, header or footer.
    const frame = page.frameLocator("#f");
    expect(await frame.locator("#observablehq-sidebar, #observablehq-footer, #observablehq-header").count()).toBe(0);
    await page.frames()[1].evaluate(() => {
      const extra = document.createElement("div");
      extra.style.height = "700px";
      document.querySelector("#observablehq-main")!.append(extra);
    });
    await page.waitForFunction((h) => (window as unknown as {messages: {height?: number}[]}).messages.some((m) => (m.height ?? 0) >= h + 600), first, {timeout: 30_000});
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  test("its module mounts into a host page's element, reacts to input as an input of its own, and leaves the host's URL alone", async () => {
    const {page, errors, failed, external} = await hostPage(
      "/__host-module",
      `<!doctype html><html lang="en"><title>host</title><body><div id="mount"></div>
       <script type="module">
         const module = await import("/embed/${id}.js");
         const widget = module["${exportName}"]({syncUrl: false});
         window.inputs = 0;
         // Listening on the parent: only a bubbling event arrives here.
         document.getElementById("mount").addEventListener("input", (event) => event.target === widget && window.inputs++);
         document.getElementById("mount").append(widget);
         window.mounted = true;
       </script></body></html>`
    );
    await page.waitForFunction(() => (window as unknown as {mounted?: boolean}).mounted === true, null, {timeout: 60_000});
    const widget = page.locator("#mount > .widget").first();
    await widget.waitFor();
    const href = await page.evaluate(() => location.href);
    // Nudge the widget's controls one by one (some only matter in some settings) until its content changes.
    const controls = widget.locator("input[type=range], input[type=number], select");
    let reacted = false;
    for (let k = 0; k < Math.min(6, await controls.count()) && !reacted; ++k) {
      const before = await widget.innerHTML();
      await page.evaluate(() => ((window as unknown as {inputs: number}).inputs = 0));
      await controls.nth(k).focus();
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      reacted = await page
        .waitForFunction((html) => document.querySelector("#mount > .widget")!.innerHTML !== html, before, {timeout: 5_000})
        .then(() => true, () => false);
    }
    expect(reacted).toBe(true);
    await page.waitForFunction(() => (window as unknown as {inputs: number}).inputs > 0, null, {timeout: 5_000}).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as {inputs: number}).inputs), "input events from the widget after a control changed").toBeGreaterThan(0);
    // Its value is a plain object of plain data (what a cell or a host page can read and copy).
    const value = await page.evaluate(() => {
      const v = (document.querySelector("#mount > .widget") as HTMLElement & {value: unknown}).value;
      return {plain: v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype, keys: v && typeof v === "object" ? Object.keys(v).length : 0, json: JSON.stringify(v) ?? ""};
    });
    expect(value.plain, "value is a plain object").toBe(true);
    expect(value.keys).toBeGreaterThan(0);
    // Give a throttled URL writer time to (wrongly) write.
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => location.href)).toBe(href);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});

describe("the instructors' embed builder", () => {
  test("offers every embeddable widget; its value carries the chosen widget's snippets, and the page follows it", async () => {
    const {page, errors, failed, external} = await openPage(site, "/instructors");
    const builder = page.locator(".embed-builder");
    await builder.waitFor();
    expect(await builder.locator("select option").allTextContents()).toEqual(EMBEDS.map((w) => w.title));
    const chosen = EMBEDS.find((w) => w.id === "xor-trainer")!;
    // Each change navigates the preview frame: let it show its widget first, or its requests are aborted (and counted as failed).
    const previewShows = (src: string) =>
      page.waitForFunction(
        (src) => {
          const frame = document.querySelector<HTMLIFrameElement>("iframe.embed-preview")?.contentWindow;
          return frame?.location.href === src && frame.document.readyState === "complete" && frame.document.querySelector(".widget") !== null;
        },
        src,
        {timeout: 60_000}
      );
    await previewShows(`${site.url}/embed/${EMBEDS[0].id}`);
    await builder.locator("select").selectOption({label: chosen.title});
    await previewShows(`${site.url}/embed/${chosen.id}`);
    await builder.getByLabel("Settings (a link or query)").fill(`${site.url}/xor-mlp?h=6&lr=1.5`);
    await previewShows(`${site.url}/embed/${chosen.id}?h=6&lr=1.5`);
    const value = await page.evaluate(() => (document.querySelector(".embed-builder") as HTMLElement & {value: Record<string, unknown>}).value);
    expect(value).toMatchObject({widget: chosen.id, query: "h=6&lr=1.5", height: 600, src: `${site.url}/embed/${chosen.id}?h=6&lr=1.5`});
    expect(value.iframeSnippet).toContain(`src="${site.url}/embed/${chosen.id}?h=6&amp;lr=1.5"`);
    expect(value.moduleSnippet).toContain(`${chosen.exportName}({search: "?h=6&lr=1.5", syncUrl: false})`);
    await page.getByText(`embed “${chosen.title}” with 2 settings from your link`).waitFor();
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
