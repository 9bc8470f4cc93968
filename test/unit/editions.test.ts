// The two editions' paths and the shell the post-build step writes for each.
import {readdirSync} from "node:fs";
import {join} from "node:path";
import {expect, test} from "vitest";
import {fixShell, languageSwitch, pageHref} from "../../scripts/postbuild.js";
import {COURSE_PAGES, langOfPath, sidebarPages, twinPath} from "../../src/components/course/editions.js";
import {EMBEDS} from "../../src/components/course/registry.js";

const root = join(import.meta.dirname, "..", "..");

test("every page has a twin in the other edition and back", () => {
  for (const path of ["/index", "/404", "/perceptron", "/embed/mnist"]) {
    expect(langOfPath(path)).toBe("en");
    expect(langOfPath(twinPath(path))).toBe("ko");
    expect(twinPath(twinPath(path))).toBe(path);
  }
  expect(twinPath("/")).toBe("/ko/");
  expect(twinPath("/ko")).toBe("/");
});

test("each edition's source has every course page, the home and 404 pages, and a module per embeddable widget", () => {
  const english = readdirSync(join(root, "src")).filter((f) => f.endsWith(".md"));
  const korean = readdirSync(join(root, "src", "ko")).filter((f) => f.endsWith(".md"));
  expect(korean.sort()).toEqual(english.sort());
  expect(sidebarPages("ko").map((p) => p.path)).toEqual(COURSE_PAGES.map((p) => `/ko${p.path}`));
  const modules = readdirSync(join(root, "src", "ko", "embed")).filter((f) => f.endsWith(".ts")).map((f) => f.slice(0, -3));
  expect(modules.sort()).toEqual(EMBEDS.map((w) => w.id).sort());
});

test("links to the twin page are written the way Framework writes links", () => {
  expect(pageHref("/perceptron", "/ko/perceptron", false)).toBe("./ko/perceptron");
  expect(pageHref("/ko/perceptron", "/perceptron", false)).toBe("../perceptron");
  expect(pageHref("/index", "/ko/index", false)).toBe("./ko/");
  expect(pageHref("/ko/index", "/index", false)).toBe("../");
  expect(pageHref("/ko/index", "/index", true)).toBe("../index.html");
  expect(pageHref("/mnist", "/ko/mnist", true)).toBe("./ko/mnist.html");
});

test("the switch is a labelled link in the other language; only home pages announce the other edition", () => {
  const toKorean = languageSwitch("/mnist", false);
  expect(toKorean).toContain('<a href="./ko/mnist" hreflang="ko" lang="ko" aria-label="한국어: 이 페이지의 한국어판">한국어</a>');
  expect(toKorean).not.toContain("other-edition");
  const toEnglish = languageSwitch("/ko/index", false);
  expect(toEnglish).toContain('hreflang="en" lang="en" aria-label="English: this page in English">English</a>');
  expect(toEnglish).toContain('<p class="other-edition">이 강좌는 영어로도 읽을 수 있습니다: <a href="../" hreflang="en" lang="en">English</a></p>');
});

// The parts of Framework's shell the fixes rely on, as Framework 1.13 writes them for a Korean course page.
const shell = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="../">퍼셉트론에서 MNIST까지</a></li>
  </ol>
  <ol>
    <li class="observablehq-link"><a href="./perceptron">퍼셉트론과 논리 게이트</a></li>
  </ol>
</nav>
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq"><p><a href="../">English home</a></p></main>
<footer id="observablehq-footer">
<nav><a rel="prev" href="../"><span>퍼셉트론에서 MNIST까지</span></a></nav>
</footer>
</div>
</body>
</html>`;

test("Korean pages: language, Korean toggle label, sidebar title and pager lead to the Korean home, body links untouched", () => {
  const html = fixShell(shell, "/ko/xor-mlp", false);
  expect(html).toContain('<html lang="ko">');
  expect(html).toContain('title="사이드바 열기/닫기" aria-label="사이드바 열기/닫기"');
  expect(html).toContain('<li class="observablehq-link"><a href="./">퍼셉트론에서 MNIST까지</a></li>');
  expect(html).toContain('<a rel="prev" href="./">');
  expect(html).toContain('<p><a href="../">English home</a></p>');
  expect(html).toContain('<a href="../xor-mlp" hreflang="en"');
});

test("the Korean home is marked current in its sidebar and gets a pager to the first course page", () => {
  const html = fixShell(shell.replace(/<nav><a rel="prev"[^\n]*\n/, ""), "/ko/index", false);
  expect(html).toContain('<li class="observablehq-link observablehq-link-active"><a href="./">');
  expect(html).toContain('<nav><a rel="next" href="./perceptron"><span>퍼셉트론과 논리 게이트</span></a></nav>');
});

test("English pages keep English labels and get a switch to Korean", () => {
  const html = fixShell(shell.replace('href="../"', 'href="./"'), "/perceptron", false);
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('aria-label="Toggle sidebar"');
  expect(html).toContain('<a href="./ko/perceptron" hreflang="ko"');
});

test("a changed shell fails the build instead of silently skipping a fix", () => {
  expect(() => fixShell(shell.replace("<html>", "<html class=x>"), "/ko/perceptron", false)).toThrow(/shell changed/);
});
