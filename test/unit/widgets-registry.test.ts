import {readdirSync, readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {embeds} from "../../observablehq.config.js";

const root = join(import.meta.dirname, "..", "..");
// The registry imports browser-only modules lazily; read its ids from the source.
const registrySource = readFileSync(join(root, "src", "components", "course", "widgets.ts"), "utf8");

test("every registered widget has an embed page, a module and a config entry", () => {
  const ids = [...registrySource.matchAll(/^ {2}"([a-z-]+)": \{title:/gm)].map((m) => m[1]);
  expect(ids.length).toBeGreaterThanOrEqual(7);
  expect(embeds).toEqual(ids);
  const modules = readdirSync(join(root, "src", "embed")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
  expect(modules.sort()).toEqual([...ids].sort());
});
