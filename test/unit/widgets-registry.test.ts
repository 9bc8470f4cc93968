import {readdirSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {embeds, pages} from "../../observablehq.config.js";
import "../../src/components/course/messages-ko.js";
import {EMBEDS, WIDGET_REGISTRY, widgetTitle} from "../../src/components/course/registry.js";

const root = join(import.meta.dirname, "..", "..");
const widgetModules: Record<string, () => Promise<Record<string, unknown>>> = Object.fromEntries(
  readdirSync(join(root, "src", "components", "widgets"))
    .filter((f) => f.endsWith(".ts"))
    .map((f) => [`../../src/components/widgets/${f}`, () => import(`../../src/components/widgets/${f}`)])
);

test("the config's embeds and the embed modules are the registry's embeddable widgets", () => {
  expect(EMBEDS.length).toBeGreaterThanOrEqual(8);
  expect(embeds).toEqual(EMBEDS.map((w) => w.id));
  for (const folder of [["src", "embed"], ["src", "ko", "embed"]]) {
    const modules = readdirSync(join(root, ...folder)).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
    expect(modules.sort(), folder.join("/")).toEqual(EMBEDS.map((w) => w.id).sort());
  }
});

test("every widget's title comes through the strings hook: the registry's English, and a Korean twin", () => {
  for (const w of WIDGET_REGISTRY) {
    expect(widgetTitle(w.id, "en")).toBe(w.title);
    expect(widgetTitle(w.id, "ko"), w.id).toMatch(/[\uac00-\ud7a3]/);
  }
});

test("every registered widget lives on a page of the site and exports its create function", async () => {
  const paths = new Set(["/", ...pages.map((p) => p.path)]);
  expect(new Set(WIDGET_REGISTRY.map((w) => w.id)).size).toBe(WIDGET_REGISTRY.length);
  for (const w of WIDGET_REGISTRY) {
    expect(paths, w.id).toContain(w.page);
    const load = widgetModules[`../../src/components/widgets/${w.module}.ts`];
    expect(load, w.module).toBeTypeOf("function");
    // The MNIST trainer's module needs Framework's FileAttachment; its export is checked in the browser tests.
    if (w.id === "mnist") continue;
    expect((await load())[w.exportName], w.exportName).toBeTypeOf("function");
  }
});

test("no two widgets on one page share a URL key", () => {
  const byPage = new Map<string, Map<string, string>>();
  const clashes: string[] = [];
  for (const w of WIDGET_REGISTRY) {
    const keys = byPage.get(w.page) ?? new Map<string, string>();
    byPage.set(w.page, keys);
    for (const key of w.urlKeys) {
      const other = keys.get(key);
      if (other) clashes.push(`${w.page}: "${key}" is used by ${other} and ${w.id}`);
      keys.set(key, w.id);
    }
  }
  expect(clashes).toEqual([]);
});

test("each widget's URL keys in the registry are the keys of its schema", async () => {
  for (const w of WIDGET_REGISTRY) {
    if (w.id === "mnist") continue;
    const module = await widgetModules[`../../src/components/widgets/${w.module}.ts`]();
    const schemas = Object.entries(module).filter(([name, value]) => name.endsWith("Schema") && typeof value === "object");
    const keys = schemas.length ? Object.keys(schemas[0][1] as object) : [];
    expect(keys.sort(), w.id).toEqual([...w.urlKeys].sort());
  }
});
