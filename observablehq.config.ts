/**
 * Site configuration: the course's pages, self-hosted assets only, no
 * third-party requests. Framework 1.13 has one sidebar, title and footer per
 * build, so each language edition is its own build: SITE_LANG (en by default)
 * picks the edition's sidebar and labels here, and scripts/build.ts runs both
 * builds and merges them into one site (English at /, Korean at /ko/).
 */
import {EDITIONS, langOfPath, otherLang, sidebarPages, twinPath} from "./src/components/course/editions.js";
import {EMBEDS} from "./src/components/course/registry.js";
import {LANGS, type Lang} from "./src/components/course/strings.js";

/** The edition this build is for. */
export const lang: Lang = LANGS.find((l) => l === process.env.SITE_LANG) ?? "en";
const edition = EDITIONS[lang];

export const pages = sidebarPages(lang);

/** Widgets available as embed pages (/embed/<id>, /ko/embed/<id>) and as modules (/embed/<id>.js, /ko/embed/<id>.js). */
export const embeds = EMBEDS.map((w) => w.id);

/**
 * "lms": links keep their .html extension, so the site works when an LMS
 * serves it as plain files (scripts/package-lms.ts); "web" for static hosts.
 */
export type Variant = "web" | "lms";
const variant: Variant = process.env.SITE_VARIANT === "lms" ? "lms" : "web";
const lms = variant === "lms";

/** Where the merged site goes: the English build writes there, the Korean one beside it for scripts/build.ts to merge in. */
export function editionOutput(l: Lang, v: Variant): string {
  const site = v === "lms" ? "lms/site" : "dist";
  return l === "en" ? site : `.build/${v}-${l}`;
}

/**
 * Until the learner clicks it the switch holds the twin page's plain address;
 * this keeps the current query (a deep link's settings) on it just before it
 * is followed, copied or focused, since widgets rewrite the query as they change.
 */
const keepQuery =
  '<script>for(const t of["pointerover","pointerdown","focusin","click","auxclick","contextmenu"])addEventListener(t,(e)=>{const a=e.target instanceof Element&&e.target.closest(".lang-switch a");if(a)a.search=location.search},true)</script>';

/** The link to the same page in the other edition, in that edition's language; home pages also say that the other edition exists. */
function languageSwitch({path}: {path: string}): string {
  const other = EDITIONS[otherLang(lang)];
  const twin = twinPath(path);
  const link = (attributes: string) => `<a href="${twin}" hreflang="${other.lang}" lang="${other.lang}"${attributes}>${other.name}</a>`;
  const note = path.endsWith("/index") ? `<p class="other-edition">${edition.otherEdition} ${link("")}</p>` : "";
  return `<nav class="lang-switch" aria-label="${edition.switchRegion}">${link(` aria-label="${other.switchLabel}"`)}</nav>${keepQuery}${note}`;
}

export default {
  title: edition.title,
  root: "src",
  output: editionOutput(lang, variant),
  preserveExtension: lms,
  preserveIndex: lms,
  pages,
  style: "style.css",
  // No stylesheet from a third-party host (Framework's default would fetch web fonts).
  globalStylesheets: [],
  head: ({path}: {path: string}) =>
    // The post-build step writes <html lang>; Framework's preview has no such step, so there a script sets it before any widget reads it.
    '<link rel="icon" href="data:,">' + (langOfPath(path) === "ko" ? '<script>document.documentElement.lang="ko"</script>' : ""),
  header: languageSwitch,
  footer: edition.footer,
  search: false,
  toc: {show: true, label: edition.tocLabel},
  pager: true,
  dynamicPaths: [
    ...embeds.map((id) => `/embed/${id}`),
    ...embeds.map((id) => `/embed/${id}.js`),
    ...embeds.map((id) => `/ko/embed/${id}`),
    ...embeds.map((id) => `/ko/embed/${id}.js`)
  ],
  interpreters: {".ts": ["node", "--import", "tsx"]}
};
