/**
 * Fixes to the page shell Framework writes (it has no options for these): a
 * document language, a real label on the sidebar toggle, only <li> children
 * inside the sidebar's list; on every page with a sidebar a link to the same
 * page in the other language; and for Korean pages the parts Framework 1.13
 * cannot localise: its sidebar title and the pager always lead to the site's
 * root index, which for /ko/ pages is the English home. Fails loudly if the
 * shell changes so the fixes cannot silently stop applying.
 */
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from "node:fs";
import {join, posix, relative, sep} from "node:path";
import {EDITIONS, langOfPath, otherLang, twinPath} from "../src/components/course/editions.js";
import type {Lang} from "../src/components/course/strings.js";

interface Fix {
  pattern: RegExp;
  replacement: string;
  /** Whether a page lacking the pattern means Framework's shell changed (rather than a page without that part). */
  required: (html: string) => boolean;
}

const always = () => true;
const hasSidebar = (html: string) => html.includes("observablehq-sidebar-toggle");

function shellFixes(lang: Lang): Fix[] {
  const toggle = EDITIONS[lang].sidebarToggle;
  return [
    {pattern: /<html>/, replacement: `<html lang="${lang}">`, required: always},
    {
      pattern: /<input id="observablehq-sidebar-toggle" type="checkbox" title="[^"]*">/,
      replacement: `<input id="observablehq-sidebar-toggle" type="checkbox" title="${toggle}" aria-label="${toggle}">`,
      required: hasSidebar
    },
    {
      pattern: /<ol>\s*<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"><\/label>/,
      replacement: '<label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n  <ol>',
      required: hasSidebar
    }
  ];
}

/**
 * Korean pages sit one folder down (/ko/x), so the root index is "../" and the
 * Korean home "./" (with index.html where links keep their extension).
 */
const koreanFixes: Fix[] = [
  {
    // Framework's client titles the copy buttons of code blocks in English when the page has loaded (its modules run before DOMContentLoaded).
    pattern: /<\/body>/,
    replacement: `<script>addEventListener("DOMContentLoaded",()=>{for(const b of document.querySelectorAll(".observablehq-pre-copy"))b.title=${JSON.stringify(EDITIONS.ko.copyCode)}})</script>\n</body>`,
    required: always
  },
  {
    // The sidebar's title link.
    pattern: /(<ol>\s*<li class="observablehq-link)(?: observablehq-link-active)?("><a href=")\.\.\/((?:index\.html)?">)/,
    replacement: "$1$2./$3",
    required: hasSidebar
  },
  {
    // "Previous page" on the first course page.
    pattern: /(<a rel="prev" href=")\.\.\/((?:index\.html)?">)/,
    replacement: "$1./$2",
    required: () => false
  }
];

/** The Korean home is not in Framework's pager chain (its home is /index): it gets "next page" to the first course page, as the English home does. */
function koreanHome(html: string, file: string): string {
  html = html.replace(/(<ol>\s*<li class="observablehq-link)(">)/, "$1 observablehq-link-active$2");
  const first = html.match(/<\/ol>\s*<ol>\s*<li class="observablehq-link"><a href="([^"]+)">([^<]+)<\/a><\/li>/);
  if (!first) throw new Error(`postbuild: ${file} has no course page in its sidebar; Framework's page shell changed`);
  const pager = `\n<nav><a rel="next" href="${first[1]}"><span>${first[2]}</span></a></nav>`;
  if (!/<footer id="observablehq-footer">/.test(html)) throw new Error(`postbuild: ${file} has no footer; Framework's page shell changed`);
  return html.replace(/<footer id="observablehq-footer">/, `$&${pager}`);
}

/**
 * Until it is used the switch holds the twin page's plain address; this puts
 * the current query (a deep link's settings, which widgets rewrite as they
 * change) and section (the twins' headings share their ids, see
 * twinHeadingIds) on it just before it is followed, copied or focused.
 */
const keepQuery =
  '<script>for(const t of["pointerover","pointerdown","focusin","click","auxclick","contextmenu"])addEventListener(t,(e)=>{const a=e.target instanceof Element&&e.target.closest(".lang-switch a");if(a){a.search=location.search;a.hash=location.hash}},true)</script>';

/** A page's section headings in order: level and id. */
function headings(html: string): [string, string][] {
  return Array.from(html.matchAll(/<(h[23]) id="([^"]*)"/g), (m) => [m[1], m[2]]);
}

/**
 * Framework's slugger drops Hangul, so a Korean page's headings get ids such
 * as "-1", "-2". Each takes the id of its English twin's heading in the same
 * place instead (its anchor, the table of contents and links follow): readable
 * anchors, and a link to a section holds in both languages. A page whose
 * sections differ from its twin's keeps Framework's ids (a test fails on it).
 */
export function twinHeadingIds(html: string, twin: string): string {
  const [mine, theirs] = [headings(html), headings(twin)];
  if (mine.length !== theirs.length || mine.some(([level], i) => level !== theirs[i][0])) return html;
  // Links to a heading by its id (the table of contents); an empty id, Framework's slug of an all-Hangul title, has none.
  const ids = new Map(mine.map(([, id], i): [string, string] => [id, theirs[i][1]]).filter(([id]) => id));
  html = html.replace(/href="#([^"]+)"/g, (all, id: string) => (ids.has(id) ? `href="#${ids.get(id)}"` : all));
  // Each heading in turn, with its own anchor where Framework gave it one.
  let i = 0;
  return html.replace(/<(h[23]) id="[^"]*"([^>]*>)(?:(<a class="observablehq-header-anchor" href="#)[^"]*)?/g, (_all, level: string, rest: string, anchor?: string) => {
    const id = theirs[i++][1];
    return `<${level} id="${id}"${rest}${anchor ? `${anchor}${id}` : ""}`;
  });
}

/** A link from the page at `from` to the page at `to`, written the way Framework writes links (clean, or with .html). */
export function pageHref(from: string, to: string, extension: boolean): string {
  let href = posix.relative(posix.dirname(from), to);
  if (!href.startsWith(".")) href = `./${href}`;
  if (extension) return `${href}.html`;
  return href.replace(/(^|\/)index$/, "$1");
}

/** The switch to the same page in the other language, written in that language; a home page also says that the other edition exists. */
export function languageSwitch(path: string, extension: boolean): string {
  const here = EDITIONS[langOfPath(path)];
  const other = EDITIONS[otherLang(here.lang)];
  const link = (label: string) => `<a href="${pageHref(path, twinPath(path), extension)}" hreflang="${other.lang}" lang="${other.lang}"${label}>${other.name}</a>`;
  const note = path.endsWith("/index") ? `\n<p class="other-edition">${here.otherEdition} ${link("")}</p>` : "";
  return `\n<header id="observablehq-header">\n<nav class="lang-switch" aria-label="${here.switchRegion}">${link(` aria-label="${other.switchLabel}"`)}</nav>${keepQuery}${note}\n</header>`;
}

function apply(html: string, fixes: Fix[], file: string): string {
  for (const {pattern, replacement, required} of fixes) {
    if (pattern.test(html)) html = html.replace(pattern, replacement);
    else if (required(html)) throw new Error(`postbuild: ${file} does not contain ${pattern}; Framework's page shell changed`);
  }
  return html;
}

/** The fixed shell of the page at `path` (a site path such as /ko/perceptron or /index); `extension`: links end in .html. */
export function fixShell(html: string, path: string, extension: boolean): string {
  const lang = langOfPath(path);
  html = apply(html, shellFixes(lang), path);
  if (hasSidebar(html)) html = apply(html, [{pattern: /<div id="observablehq-center">/, replacement: `$&${languageSwitch(path, extension)}`, required: always}], path);
  if (lang !== "ko") return html;
  html = apply(html, koreanFixes, path);
  if (path === "/ko/index") html = koreanHome(html, path);
  // Hosts serve the nearest 404 page at any depth; a base makes its relative links hold there, as Framework does for /404.
  if (path === "/ko/404") html = html.replace(/<meta charset="utf-8">/, `$&\n<base href="${EDITIONS.ko.prefix}/">`);
  return html;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* htmlFiles(path);
    else if (name.endsWith(".html")) yield path;
  }
}

export function postbuild(dist: string, extension: boolean): void {
  for (const file of htmlFiles(dist)) {
    const path = "/" + relative(dist, file).split(sep).join("/").replace(/\.html$/, "");
    let html = fixShell(readFileSync(file, "utf8"), path, extension);
    const twin = join(dist, `${twinPath(path)}.html`);
    if (langOfPath(path) === "ko" && existsSync(twin)) html = twinHeadingIds(html, readFileSync(twin, "utf8"));
    writeFileSync(file, html);
  }
}
