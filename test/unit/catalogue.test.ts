// The message catalogue as source: every English messages object has its Korean twin (tsc checks the keys of each twin), and no English key is left unused.
import {readdirSync, readFileSync} from "node:fs";
import {join, relative} from "node:path";
import {expect, test} from "vitest";

const root = "src/components";
const files = (dir: string): string[] =>
  readdirSync(dir, {withFileTypes: true}).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
const sources = new Map(files(root).map((f) => [relative(root, f).replace(/\.ts$/, ""), readFileSync(f, "utf8")]));
const isCatalogue = (file: string) => file === "course/messages-ko" || file.startsWith("course/messages-ko/");

interface English {
  file: string;
  name: string;
  keys: string[];
  spreads: string[];
  /** The object's own text, left out when looking for uses of its keys. */
  body: string;
}

// An English messages object: `export const x = {…} satisfies Messages`, or an exercise's `X_STRINGS = {…}`.
const english: English[] = [...sources].flatMap(([file, text]) =>
  isCatalogue(file)
    ? []
    : [...text.matchAll(/^export const (\w+) = \{\n([\s\S]*?)^\}(.*)$/gm)]
        .filter((m) => m[3].startsWith(" satisfies Messages") || m[1].endsWith("_STRINGS"))
        .map((m) => ({
          file,
          name: m[1],
          keys: [...m[2].matchAll(/^ {2}(?:"([^"]+)"|(\w+)):/gm)].map((k) => k[1] ?? k[2]),
          spreads: [...m[2].matchAll(/^ {2}\.\.\.(\w+),?$/gm)].map((s) => s[1]),
          body: m[0]
        }))
);

// What the Korean parts translate: `satisfies Catalogue<typeof import("../x.js").name>`.
const translated = new Set(
  [...sources].filter(([file]) => isCatalogue(file)).flatMap(([file, text]) =>
    [...text.matchAll(/Catalogue<typeof import\("([^"]+)\.js"\)\.(\w+)>/g)].map((m) => `${join(file, "..", m[1])}#${m[2]}`)
  )
);

test("the scan finds the course's messages objects", () => {
  expect(english.length).toBeGreaterThan(30);
  expect(english.find((e) => e.name === "kernelMessages")?.keys).toEqual(["play", "pause", "step", "reset"]);
});

test.each(english.map((e) => [`${e.file}#${e.name}`, e] as const))("%s has a Korean catalogue, directly or inside one it is spread into", (_, e) => {
  const parents = english.filter((p) => p.spreads.includes(e.name));
  const covered = translated.has(`${e.file}#${e.name}`) || parents.some((p) => translated.has(`${p.file}#${p.name}`));
  expect(covered, `no Korean catalogue for ${e.file}#${e.name}`).toBe(true);
});

test.each(english.map((e) => [`${e.file}#${e.name}`, e] as const))("%s: every key is used by the code", (_, e) => {
  // Uses: t("key"), a quoted key in a typed list, `labels.key`, or a key a template builds (`state.${…}`, `${…}.range`).
  const code = [...sources].filter(([file]) => !isCatalogue(file)).map(([, text]) => text.replace(e.body, "")).join("\n");
  const prefixes = [...code.matchAll(/`([\w.-]+)\$\{/g)].map((m) => m[1]);
  const suffixes = [...code.matchAll(/\}([\w.-]+)`/g)].map((m) => m[1]);
  const quoted = (key: string) => [`"${key}"`, `'${key}'`, `\`${key}\``, `.${key}`].some((q) => code.includes(q));
  // A plural pair ("converged.one", "converged.many") is used where its stem is and a template appends the form.
  const stem = (key: string) => key.includes(".") && quoted(key.split(".")[0]) && code.includes(".${");
  const unused = e.keys.filter((key) => !quoted(key) && !stem(key) && !prefixes.some((p) => key.startsWith(p)) && !suffixes.some((s) => key.endsWith(s)));
  expect(unused).toEqual([]);
});
