// Embed pages report their height to the parent frame; widget modules mount into a host page,
// where each widget is an input (a plain-object `.value`, bubbling `input` events) that leaves
// the host page's address alone. Both editions: /embed/<id>(.js) and /ko/embed/<id>(.js), and a
// module speaks the language its `lang` option names, whatever the host page's own language.
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {EDITIONS} from "../../src/components/course/editions.js";
import {koMessages} from "../../src/components/course/messages-ko.js";
import {EMBEDS} from "../../src/components/course/registry.js";
import {LANGS} from "../../src/components/course/strings.js";
import {kernelMessages} from "../../src/components/course/widget.js";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();

/**
 * A host page in `hostLang` that creates the widget from `module` (with `lang` when given, before
 * anything runs) and keeps its visible texts and accessible names, numbers left out, as
 * `window.signature`: the same widget in the same language gives the same signature.
 */
function signaturePage(hostLang: string, module: string, exportName: string, lang: string | null): string {
  return `<!doctype html><html lang="${hostLang}"><title>host</title><body><script type="module">
    const {${exportName}: create} = await import("${module}");
    const widget = create(${lang ? `{syncUrl: false, lang: "${lang}"}` : "{syncUrl: false}"});
    const names = [...widget.querySelectorAll("[aria-label], [title], [placeholder]")].flatMap((e) => ["aria-label", "title", "placeholder"].map((a) => e.getAttribute(a) ?? ""));
    window.buttons = [...widget.querySelectorAll("button")].map((b) => b.textContent.trim());
    window.signature = [widget.textContent ?? "", ...names].join(" | ").replace(/[−-]?\\d[\\d.,]*/g, "#");
  </script></body></html>`;
}

/** Opens an HTML host page served at a path of the local site, for this test only. */
function hostPage(path: string, html: string) {
  return openPage(site, path, {extraPages: {[path]: html}});
}

const editions = LANGS.flatMap((lang) => EMBEDS.map((w) => [EDITIONS[lang].prefix, w.id, w.exportName, lang] as const));

describe.each(editions)("widget %s/embed/%s", (prefix, id, exportName, lang) => {
  test("its embed page posts its height to the parent, again when the content grows", async () => {
    const {page, errors, failed, external} = await hostPage(
      "/__host-frame",
      `<!doctype html><html lang="en"><title>host</title><body>
       <iframe id="f" src="${prefix}/embed/${id}" title="embedded" style="width:800px;height:300px"></iframe>
       <script>window.messages = []; addEventListener("message", (e) => window.messages.push(e.data));</script></body></html>`
    );
    await page.waitForFunction(() => (window as unknown as {messages: {height?: number}[]}).messages.some((m) => typeof m.height === "number" && m.height > 100), null, {timeout: 60_000});
    const first = await page.evaluate(() => Math.max(...(window as unknown as {messages: {height?: number}[]}).messages.map((m) => m.height ?? 0)));
    const messages = await page.evaluate(() => (window as unknown as {messages: unknown[]}).messages);
    expect(messages).toContainEqual(expect.objectContaining({subject: "lti.frameResize"}));
    // The embed has no sidebar, header or footer.
    const frame = page.frameLocator("#f");
    expect(await frame.locator("#observablehq-sidebar, #observablehq-footer, #observablehq-header").count()).toBe(0);
    expect(await frame.locator("html").getAttribute("lang")).toBe(lang);
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
         const module = await import("${prefix}/embed/${id}.js");
         const widget = module["${exportName}"]({syncUrl: false, lang: "${lang}"});
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
  test("its module speaks the language of its lang option, not the host page's", async () => {
    // The widget created with `lang` on a host page of the other language, and the widget created without it on a host page of that language.
    // The Korean module registers the Korean catalogue, so either language is available to it.
    const texts = async (hostLang: string, asked: string | null) => {
      const {page, errors} = await hostPage(`/__host-${hostLang}`, signaturePage(hostLang, `/ko/embed/${id}.js`, exportName, asked));
      await page.waitForFunction(() => (window as unknown as {signature?: string}).signature, null, {timeout: 60_000});
      const {signature, buttons} = await page.evaluate(() => {
        const w = window as unknown as {signature: string; buttons: string[]};
        return {signature: w.signature, buttons: w.buttons};
      });
      expect(errors).toEqual([]);
      await page.context().close();
      return {signature, buttons};
    };
    const asked = await texts(lang === "ko" ? "en" : "ko", lang);
    expect(asked.signature).toBe((await texts(lang, null)).signature);
    if (lang === "ko") {
      // Stricter as the catalogue grows: a widget with Korean strings (its own, or the kernel's buttons) shows them.
      const kernelButtons = (await texts("en", null)).buttons.some((b) => Object.values(kernelMessages).includes(b));
      if (id in koMessages || kernelButtons) expect(asked.signature).toMatch(/[\uac00-\ud7a3]/);
    }
  });
});

describe("the instructors' embed builder", () => {
  /** Waits until the builder's preview frame shows a widget from `src` (each change navigates it: let it load, or its requests are aborted and counted as failed). */
  const previewShows = (page: Page, src: string) =>
    page.waitForFunction(
      (src) => {
        const frame = document.querySelector<HTMLIFrameElement>("iframe.embed-preview")?.contentWindow;
        return frame?.location.href === src && frame.document.readyState === "complete" && frame.document.querySelector(".widget") !== null;
      },
      src,
      {timeout: 60_000}
    );
  const builderValue = (page: Page) => page.evaluate(() => (document.querySelector(".embed-builder") as HTMLElement & {value: Record<string, unknown>}).value);
  const ko = koMessages["embed-builder"];
  const koTitle = (id: string) => koMessages["widget-titles"][id as keyof (typeof koMessages)["widget-titles"]];

  test("offers every embeddable widget; its value carries the chosen widget's snippets, and the page follows it", async () => {
    const {page, errors, failed, external} = await openPage(site, "/instructors");
    const builder = page.locator(".embed-builder");
    await builder.waitFor();
    expect(await builder.locator("select").first().locator("option").allTextContents()).toEqual(EMBEDS.map((w) => w.title));
    const chosen = EMBEDS.find((w) => w.id === "xor-trainer")!;
    await previewShows(page, `${site.url}/embed/${EMBEDS[0].id}`);
    await builder.getByLabel("Widget", {exact: true}).selectOption({label: chosen.title});
    await previewShows(page, `${site.url}/embed/${chosen.id}`);
    await builder.getByLabel("Settings (a link or query)").fill(`${site.url}/xor-mlp?h=6&lr=1.5`);
    await previewShows(page, `${site.url}/embed/${chosen.id}?h=6&lr=1.5`);
    const value = await builderValue(page);
    expect(value).toMatchObject({widget: chosen.id, lang: "en", query: "h=6&lr=1.5", height: 600, src: `${site.url}/embed/${chosen.id}?h=6&lr=1.5`});
    expect(value.iframeSnippet).toContain(`src="${site.url}/embed/${chosen.id}?h=6&amp;lr=1.5"`);
    expect(value.iframeSnippet).toContain(`title="${chosen.title}" lang="en"`);
    expect(value.moduleSnippet).toContain(`from "${site.url}/embed/${chosen.id}.js"`);
    expect(value.moduleSnippet).toContain(`${chosen.exportName}({search: "?h=6&lr=1.5", syncUrl: false, lang: "en"})`);
    await page.getByText(`embed “${chosen.title}” in English with 2 settings from your link`).waitFor();
    // The same widget in Korean: the Korean embed page and module, a Korean title in the snippet, and the page says so.
    await builder.getByLabel("Language of the widget").selectOption({label: "Korean"});
    await previewShows(page, `${site.url}/ko/embed/${chosen.id}?h=6&lr=1.5`);
    const korean = await builderValue(page);
    expect(korean).toMatchObject({widget: chosen.id, lang: "ko", src: `${site.url}/ko/embed/${chosen.id}?h=6&lr=1.5`});
    expect(korean.iframeSnippet).toContain(`src="${site.url}/ko/embed/${chosen.id}?h=6&amp;lr=1.5" title="${koTitle(chosen.id)}" lang="ko"`);
    expect(korean.moduleSnippet).toContain(`from "${site.url}/ko/embed/${chosen.id}.js"`);
    expect(korean.moduleSnippet).toContain(`${chosen.exportName}({search: "?h=6&lr=1.5", syncUrl: false, lang: "ko"})`);
    expect(await builder.locator(".embed-edition").textContent()).toBe(`Both snippets embed the widget in Korean: the iframe shows /ko/embed/${chosen.id}, the module is /ko/embed/${chosen.id}.js.`);
    await page.getByText(`embed “${chosen.title}” in Korean with 2 settings from your link`).waitFor();
    expect(await page.frameLocator("iframe.embed-preview").locator("html").getAttribute("lang")).toBe("ko");
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });

  test("on the Korean page it speaks Korean and embeds the Korean widget unless asked for English", async () => {
    const {page, errors, failed, external} = await openPage(site, "/ko/instructors");
    expect(await page.getAttribute("html", "lang")).toBe("ko");
    const builder = page.locator(".embed-builder");
    await builder.waitFor();
    expect(await builder.getByLabel(ko.widget, {exact: true}).locator("option").allTextContents()).toEqual(EMBEDS.map((w) => koTitle(w.id)));
    expect(await builder.getByLabel(ko.language).locator("option").allTextContents()).toEqual([ko["lang.en"], ko["lang.ko"]]);
    const chosen = EMBEDS.find((w) => w.id === "xor-trainer")!;
    await previewShows(page, `${site.url}/ko/embed/${EMBEDS[0].id}`);
    await builder.getByLabel(ko.widget, {exact: true}).selectOption({label: koTitle(chosen.id)});
    await previewShows(page, `${site.url}/ko/embed/${chosen.id}`);
    await builder.getByLabel(ko.settings).fill(`${site.url}/ko/xor-mlp?h=6&lr=1.5`);
    await previewShows(page, `${site.url}/ko/embed/${chosen.id}?h=6&lr=1.5`);
    const value = await builderValue(page);
    expect(value).toMatchObject({widget: chosen.id, lang: "ko", query: "h=6&lr=1.5", src: `${site.url}/ko/embed/${chosen.id}?h=6&lr=1.5`});
    expect(value.iframeSnippet).toContain(`title="${koTitle(chosen.id)}" lang="ko"`);
    expect(value.moduleSnippet).toContain(`from "${site.url}/ko/embed/${chosen.id}.js"`);
    expect(await builder.locator(".embed-edition").textContent()).toBe(`두 스니펫 모두 위젯을 한국어로 넣습니다. iframe은 /ko/embed/${chosen.id} 페이지를 보여 주고, 모듈은 /ko/embed/${chosen.id}.js입니다.`);
    await page.getByText(`“${koTitle(chosen.id)}” 위젯을 한국어로 링크에 담긴 설정 2개와 함께 넣고`).waitFor();
    // Asked for English, the snippets point at the English edition from the site's base (not from /ko/).
    await builder.getByLabel(ko.language).selectOption({label: ko["lang.en"]});
    await previewShows(page, `${site.url}/embed/${chosen.id}?h=6&lr=1.5`);
    const english = await builderValue(page);
    expect(english).toMatchObject({lang: "en", src: `${site.url}/embed/${chosen.id}?h=6&lr=1.5`});
    expect(english.iframeSnippet).toContain(`title="${chosen.title}" lang="en"`);
    expect(english.moduleSnippet).toContain(`${chosen.exportName}({search: "?h=6&lr=1.5", syncUrl: false, lang: "en"})`);
    await page.getByText(`“${koTitle(chosen.id)}” 위젯을 영어로`).waitFor();
    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    expect(external).toEqual([]);
    await page.context().close();
  });
});

test.each(LANGS.map((lang) => EDITIONS[lang].prefix))("%s/embed/perceptron sets its formulas with KaTeX's stylesheet", async (prefix) => {
  const {page} = await openPage(site, `${prefix}/embed/perceptron`);
  await page.waitForSelector(".katex");
  // Without the stylesheet a formula is plain text in the page's font, its sub- and superscripts on the line.
  expect(await page.locator(".katex").first().evaluate((e) => getComputedStyle(e).fontFamily)).toContain("KaTeX_Main");
  await page.context().close();
});
