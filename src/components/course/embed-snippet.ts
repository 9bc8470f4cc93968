/** Copy-paste snippets for embedding a widget in either language: an auto-resizing iframe, or a module import. */
import {EDITIONS} from "./editions.js";
import type {Lang} from "./strings.js";

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The site's base URL seen from a page of the given edition (Korean pages sit one folder down, in /ko/). */
export function siteBase(pageUrl: string, pageLang: Lang): string {
  return new URL(EDITIONS[pageLang].prefix ? "../" : "./", pageUrl).href;
}

/** Where an edition's embeds live, relative to the site's base: "embed/" or "ko/embed/". */
function embedFolder(lang: Lang): string {
  const prefix = EDITIONS[lang].prefix.replace(/^\//, "");
  return prefix ? `${prefix}/embed/` : "embed/";
}

/** The embed page's URL for a widget in a language, relative to the site's base URL, with the given settings. */
export function embedUrl(base: string, widget: string, query: string, lang: Lang = "en"): string {
  const url = new URL(`${embedFolder(lang)}${encodeURIComponent(widget)}`, base);
  url.search = new URLSearchParams(query.replace(/^\?/, "")).toString();
  return url.href;
}

/** The widget's module in a language: the Korean one registers the Korean catalogue before the widget is created. */
export function embedModuleUrl(base: string, widget: string, lang: Lang = "en"): string {
  return new URL(`${embedFolder(lang)}${encodeURIComponent(widget)}.js`, base).href;
}

/**
 * An iframe plus a few lines that follow the height the embedded page reports
 * ({height} messages from that frame only). Its `lang` is the language of its
 * title and content, for the host page's screen readers.
 */
export function iframeSnippet(src: string, title: string, height = 600, lang: Lang = "en"): string {
  const id = `ptm-${Math.abs(hash(src)).toString(36)}`;
  return `<iframe id="${id}" src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" lang="${lang}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>
<script>
addEventListener("message", (event) => {
  const frame = document.getElementById("${id}");
  if (frame && event.source === frame.contentWindow && typeof event.data?.height === "number") frame.height = event.data.height;
});
</script>`;
}

/**
 * A module import that mounts the widget into an element of the host page, in
 * the given language whatever the host page's own `<html lang>`.
 */
export function moduleSnippet(moduleUrl: string, exportName: string, query: string, lang: Lang = "en"): string {
  const search = JSON.stringify(query ? `?${query.replace(/^\?/, "")}` : "");
  return `<div id="widget" lang="${lang}"></div>
<script type="module">
import {${exportName}} from ${JSON.stringify(moduleUrl)};
document.getElementById("widget").append(${exportName}({search: ${search}, syncUrl: false, lang: "${lang}"}));
</script>`;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; ++i) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
