// Embed pages report their height to the parent frame; widget modules mount into a host page.
import {describe, expect, test} from "vitest";
import {embeds} from "../../observablehq.config.js";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

/** Opens an HTML host page served at a path of the local site, for this test only. */
function hostPage(path: string, html: string) {
  return openPage(site, path, {extraPages: {[path]: html}});
}

describe.each(embeds)("widget %s", (id) => {
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

  test("its module mounts into a host page's element and reacts to input", async () => {
    const {page, errors, failed, external} = await hostPage(
      "/__host-module",
      `<!doctype html><html lang="en"><title>host</title><body><div id="mount"></div>
       <script type="module">
         const module = await import("/embed/${id}.js");
         const create = Object.entries(module).find(([name, value]) => /^create\\w+Widget$/.test(name) && typeof value === "function")[1];
         document.getElementById("mount").append(create({syncUrl: false}));
         window.mounted = true;
       </script></body></html>`
    );
    await page.waitForFunction(() => (window as unknown as {mounted?: boolean}).mounted === true, null, {timeout: 60_000});
    const widget = page.locator("#mount .widget").first();
    await widget.waitFor();
    // Nudge the widget's controls one by one (some only matter in some settings) until its content changes.
    const controls = widget.locator("input[type=range], input[type=number], select");
    let reacted = false;
    for (let k = 0; k < Math.min(6, await controls.count()) && !reacted; ++k) {
      const before = await widget.innerHTML();
      await controls.nth(k).focus();
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      reacted = await page
        .waitForFunction((html) => document.querySelector("#mount .widget")!.innerHTML !== html, before, {timeout: 5_000})
        .then(() => true, () => false);
    }
    expect(reacted).toBe(true);
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});
