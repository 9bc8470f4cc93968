/**
 * The instructors' embed builder: pick a widget, paste a link with the settings
 * you want (or type them), get an iframe snippet and a module snippet, and see
 * a live preview of exactly what the snippet embeds.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {embedUrl, iframeSnippet, moduleSnippet} from "../course/embed-snippet.js";
import {labelledRange} from "../course/dom.js";
import {EMBEDS, widgetInfo} from "../course/registry.js";

/** Accepts a full link ("https://…/perceptron?w1=1"), a query ("?w1=1") or bare "w1=1"; returns the query. */
export function settingsFromLink(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return "";
  try {
    return new URL(trimmed).search.replace(/^\?/, "");
  } catch {
    return trimmed.replace(/^[^?]*\?/, "").replace(/#.*$/, "");
  }
}

export function createEmbedBuilderWidget(options: {base?: string; signal?: AbortSignal} = {}): HTMLElement {
  const base = options.base ?? new URL("./", location.href).href;
  const ids = EMBEDS.map((w) => w.id);
  const root = document.createElement("div");
  root.className = "widget embed-builder";
  const widget = Inputs.select(ids, {label: "Widget", format: (id: string) => widgetInfo(id)!.title, value: ids[0]});
  const settings = Inputs.text({label: "Settings (a link or query)", placeholder: "e.g. a link copied from the page, or w1=1&b=-1.5", width: 420});
  const height = labelledRange([200, 1600], {label: "Initial height (px)", step: 10, value: 600});
  const iframeCode = document.createElement("textarea");
  const moduleCode = document.createElement("textarea");
  for (const [area, label] of [[iframeCode, "iframe snippet"], [moduleCode, "module snippet"]] as const) {
    area.readOnly = true;
    area.rows = 8;
    area.cols = 80;
    area.setAttribute("aria-label", label);
    area.className = "snippet";
  }
  const previewLabel = document.createElement("p");
  const preview = document.createElement("iframe");
  preview.className = "embed-preview";
  preview.style.cssText = "width:100%;border:1px solid var(--theme-foreground-faintest)";
  const onMessage = (event: MessageEvent) => {
    if (event.source === preview.contentWindow && typeof event.data?.height === "number") preview.height = String(event.data.height);
  };
  addEventListener("message", onMessage);
  options.signal?.addEventListener("abort", () => removeEventListener("message", onMessage));

  const update = () => {
    const entry = widgetInfo(widget.value)!;
    const query = settingsFromLink(settings.value);
    const src = embedUrl(base, widget.value, query);
    iframeCode.value = iframeSnippet(src, entry.title, height.value);
    moduleCode.value = moduleSnippet(new URL(`embed/${widget.value}.js`, base).href, entry.exportName, query);
    previewLabel.textContent = `Live preview of ${entry.title} (${src}):`;
    if (preview.src !== src) preview.src = src;
    preview.title = `Preview: ${entry.title}`;
    preview.height = String(height.value);
  };
  for (const input of [widget, settings, height]) input.addEventListener("input", update);
  update();

  const iframeHeading = document.createElement("h3");
  iframeHeading.textContent = "Iframe (works in any LMS page that allows iframes)";
  const moduleHeading = document.createElement("h3");
  moduleHeading.textContent = "JavaScript module (for course sites you control)";
  root.append(widget, settings, height, iframeHeading, iframeCode, moduleHeading, moduleCode, previewLabel, preview);
  return root;
}
