/**
 * Site configuration: the course's pages, self-hosted assets only, no
 * third-party requests. Framework 1.13 has one sidebar, title and footer per
 * build, so each language edition is its own build: `siteConfig(lang)` gives
 * an edition's sidebar and labels, scripts/build.ts runs one build per edition
 * and merges them (English at /, Korean at /ko/). The default export, which
 * `observable preview` reads, is the edition named by SITE_LANG (en by default).
 */
import {EDITIONS, langOfPath, sidebarPages} from "./src/components/course/editions.js";
import {EMBEDS} from "./src/components/course/registry.js";
import {LANGS, type Lang} from "./src/components/course/strings.js";

/**
 * "lms": links keep their .html extension, so the site works when an LMS
 * serves it as plain files (scripts/package-lms.ts); "web" for static hosts.
 */
export type Variant = "web" | "lms";

const envLang: Lang = LANGS.find((l) => l === process.env.SITE_LANG) ?? "en";
const envVariant: Variant = process.env.SITE_VARIANT === "lms" ? "lms" : "web";

export const pages = sidebarPages(envLang);

/** Widgets available as embed pages (/embed/<id>, /ko/embed/<id>) and as modules (/embed/<id>.js, /ko/embed/<id>.js). */
export const embeds = EMBEDS.map((w) => w.id);

/** Where the merged site goes: the English build writes there, the others beside it for scripts/build.ts to merge in. */
export function editionOutput(lang: Lang, variant: Variant): string {
  const site = variant === "lms" ? "lms/site" : "dist";
  return lang === "en" ? site : `.build/${variant}-${lang}`;
}

export function siteConfig(lang: Lang, variant: Variant) {
  const edition = EDITIONS[lang];
  const lms = variant === "lms";
  return {
    title: edition.title,
    root: "src",
    output: editionOutput(lang, variant),
    preserveExtension: lms,
    preserveIndex: lms,
    pages: sidebarPages(lang),
    style: "style.css",
    // No stylesheet from a third-party host (Framework's default would fetch web fonts).
    globalStylesheets: [],
    head: ({path}: {path: string}) =>
      // The post-build step writes <html lang>; Framework's preview has no such step, so there a script sets it before any widget reads it.
      '<link rel="icon" href="data:,">' + FORMULA_BOXES + (langOfPath(path) === "ko" ? '<script>document.documentElement.lang="ko"</script>' : ""),
    footer: edition.footer,
    search: false,
    toc: {show: true, label: edition.tocLabel},
    pager: true,
    dynamicPaths: embeds.flatMap((id) => [`${edition.prefix}/embed/${id}`, `${edition.prefix}/embed/${id}.js`]),
    interpreters: {".ts": ["node", "--import", "tsx"]}
  };
}

/**
 * A formula wider than the page scrolls in its own box (style.css), and a box that
 * scrolls must be reachable by keyboard: each display formula gets tabindex 0 while it
 * overflows, checked when it appears and whenever its size changes.
 */
const FORMULA_BOXES = `<script>
(() => {
  const mark = (box) => (box.scrollWidth > box.clientWidth + 1 ? box.setAttribute("tabindex", "0") : box.removeAttribute("tabindex"));
  const sizes = new ResizeObserver((entries) => entries.forEach((entry) => mark(entry.target)));
  const box = (formula) => {
    if (formula.hasAttribute("data-formula-box")) return;
    formula.setAttribute("data-formula-box", "");
    // Observing delivers a first entry after the frame's layout: measuring here would force a layout on every redraw of a widget's formula.
    sizes.observe(formula);
  };
  // Only the added nodes are searched: a widget that redraws every frame would otherwise cost a search of the whole page per frame.
  const watch = (records) =>
    records.forEach((record) =>
      record.addedNodes.forEach((node) => {
        if (node.nodeType !== 1) return;
        if (node.matches(".katex-display")) box(node);
        node.querySelectorAll(".katex-display").forEach(box);
      })
    );
  new MutationObserver(watch).observe(document.documentElement, {childList: true, subtree: true});
  // A formula's own width changes when KaTeX's fonts arrive, which no box's size shows.
  document.fonts.addEventListener("loadingdone", () => document.querySelectorAll("[data-formula-box]").forEach(mark));
})();
</script>`;

export default siteConfig(envLang, envVariant);
