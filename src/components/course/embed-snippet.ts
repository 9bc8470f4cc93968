/** Copy-paste snippets for embedding a widget: an auto-resizing iframe, or a module import. */

function escapeAttribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The embed page's URL for a widget, relative to the site's base URL, with the given settings. */
export function embedUrl(base: string, widget: string, query: string): string {
  const url = new URL(`embed/${encodeURIComponent(widget)}`, base);
  url.search = new URLSearchParams(query.replace(/^\?/, "")).toString();
  return url.href;
}

/**
 * An iframe plus a few lines that follow the height the embedded page reports
 * ({height} messages from that frame only).
 */
export function iframeSnippet(src: string, title: string, height = 600): string {
  const id = `ptm-${Math.abs(hash(src)).toString(36)}`;
  return `<iframe id="${id}" src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(height)}" style="border:0" loading="lazy"></iframe>
<script>
addEventListener("message", (event) => {
  const frame = document.getElementById("${id}");
  if (frame && event.source === frame.contentWindow && typeof event.data?.height === "number") frame.height = event.data.height;
});
</script>`;
}

/** A module import that mounts the widget into an element of the host page. */
export function moduleSnippet(moduleUrl: string, exportName: string, query: string): string {
  const search = JSON.stringify(query ? `?${query.replace(/^\?/, "")}` : "");
  return `<div id="widget"></div>
<script type="module">
import {${exportName}} from ${JSON.stringify(moduleUrl)};
document.getElementById("widget").append(${exportName}({search: ${search}, syncUrl: false}));
</script>`;
}

function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; ++i) h = (Math.imul(31, h) + text.charCodeAt(i)) | 0;
  return h;
}
