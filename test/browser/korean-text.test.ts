// The Korean pages' own words: every visible text and accessible name on a Korean page is Korean, except code, formulas, glosses such as 퍼셉트론(perceptron) and the lecture's English terms (korean-english-terms.txt).
import {readFileSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {sidebarPages} from "../../src/components/course/editions.js";
import {openPage} from "./harness.js";
import {useSite} from "./use-site.js";

const site = useSite();
const koreanPaths = ["/ko/", ...sidebarPages("ko").map((p) => p.path), "/ko/404"];
const allowed = new Set(
  readFileSync(join(import.meta.dirname, "korean-english-terms.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
);

/** Latin words of two letters or more in the page's visible text (formulas' \text words included) and accessible names, outside code, formulas' symbols and text marked as English. */
async function englishWords(path: string): Promise<string[]> {
  const {page} = await openPage(site, path);
  await page.waitForSelector("#observablehq-main h1");
  await page.waitForLoadState("networkidle");
  const texts = await page.evaluate(() => {
    const skip = "code, pre, .katex, script, style, [lang='en'], [hidden]";
    const main = document.querySelector("#observablehq-main")!;
    const out: string[] = [];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement!;
      // Words in a formula (\text{…}) are text too; its symbols, operator names and MathML are not.
      const formulaWords = parent.closest(".katex .text") && !parent.closest(".katex-mathml");
      if ((parent.closest(skip) && !formulaWords) || !parent.checkVisibility()) continue;
      out.push(node.textContent ?? "");
    }
    for (const element of main.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (element.closest(skip)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) out.push(element.getAttribute(name) ?? "");
    }
    return out;
  });
  await page.context().close();
  // A gloss right after a Korean term, 퍼셉트론(perceptron), is the lecture's way of naming the English term.
  const glossesRemoved = texts.join(" ").replace(/(?<=[\uac00-\ud7a3]) ?\([^()]*\)/g, "");
  return [...new Set(glossesRemoved.match(/[A-Za-z]{2,}/g) ?? [])].filter((word) => !allowed.has(word)).sort();
}

test.each(koreanPaths)("%s shows no English words outside code, formulas and the lecture's English terms", async (path) => {
  expect(await englishWords(path)).toEqual([]);
});
