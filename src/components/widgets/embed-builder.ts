/**
 * The instructors' embed builder: pick a widget, paste a link with the settings
 * you want (or type them), get an iframe snippet and a module snippet, and see
 * a live preview of exactly what the snippet embeds.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {embedUrl, iframeSnippet, moduleSnippet} from "../course/embed-snippet.js";
import {element, labelledRange} from "../course/dom.js";
import {EMBEDS, widgetInfo} from "../course/registry.js";
import type {Messages} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  widget: "Widget",
  settings: "Settings (a link or query)",
  settingsPlaceholder: "e.g. a link copied from the page, or w1=1&b=-1.5",
  height: "Initial height (px)",
  iframeLabel: "iframe snippet",
  moduleLabel: "module snippet",
  iframeHeading: "Iframe (works in any LMS page that allows iframes)",
  moduleHeading: "JavaScript module (for course sites you control)",
  preview: "Live preview of {title} ({src}):",
  previewTitle: "Preview: {title}"
} satisfies Messages;

export interface EmbedBuilderValue {
  /** The chosen widget's registry id. */
  widget: string;
  /** Its settings as a query string (without "?"). */
  query: string;
  /** The iframe's initial height in pixels. */
  height: number;
  /** The embed page's address with those settings. */
  src: string;
  iframeSnippet: string;
  moduleSnippet: string;
}

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

export function createEmbedBuilderWidget(options: WidgetOptions & {base?: string} = {}): WidgetElement<EmbedBuilderValue> {
  const w = createWidget({id: "embed-builder", className: "embed-builder", schema: {}, messages, value: {} as EmbedBuilderValue}, options);
  const {t, root} = w;
  const base = options.base ?? new URL("./", location.href).href;
  const ids = EMBEDS.map((e) => e.id);
  const widget = Inputs.select(ids, {label: t("widget"), format: (id: string) => widgetInfo(id)!.title, value: ids[0]});
  const settings = Inputs.text({label: t("settings"), placeholder: t("settingsPlaceholder")});
  const height = labelledRange([200, 1600], {label: t("height"), step: 10, value: 600});
  const snippet = (label: string) => {
    const area = element("textarea", "snippet");
    area.readOnly = true;
    area.rows = 8;
    area.setAttribute("aria-label", label);
    return area;
  };
  const iframeCode = snippet(t("iframeLabel"));
  const moduleCode = snippet(t("moduleLabel"));
  const previewLabel = element("p", "preview-label");
  const preview = element("iframe", "embed-preview");
  const onMessage = (event: MessageEvent) => {
    if (event.source === preview.contentWindow && typeof event.data?.height === "number") preview.height = String(event.data.height);
  };
  addEventListener("message", onMessage, {signal: w.signal});

  const update = () => {
    const entry = widgetInfo(widget.value)!;
    const query = settingsFromLink(settings.value);
    const src = embedUrl(base, widget.value, query);
    iframeCode.value = iframeSnippet(src, entry.title, height.value);
    moduleCode.value = moduleSnippet(new URL(`embed/${widget.value}.js`, base).href, entry.exportName, query);
    previewLabel.textContent = t("preview", {title: entry.title, src});
    if (preview.src !== src) preview.src = src;
    preview.title = t("previewTitle", {title: entry.title});
    preview.height = String(height.value);
    w.publish({widget: widget.value, query, height: height.value, src, iframeSnippet: iframeCode.value, moduleSnippet: moduleCode.value});
  };
  for (const input of [widget, settings, height]) input.addEventListener("input", update);
  update();

  root.append(
    element("div", "controls", widget, settings, height),
    element("h3", "", t("iframeHeading")),
    iframeCode,
    element("h3", "", t("moduleHeading")),
    moduleCode,
    previewLabel,
    preview
  );
  return root;
}
