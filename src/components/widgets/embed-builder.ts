/**
 * The instructors' embed builder: pick a widget and the language it speaks,
 * paste a link with the settings you want (or type them), get an iframe snippet
 * and a module snippet, and see a live preview of exactly what the snippet embeds.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {embedModuleUrl, embedUrl, iframeSnippet, moduleSnippet, siteBase} from "../course/embed-snippet.js";
import {element, labelledRange} from "../course/dom.js";
import {EMBEDS, widgetInfo, widgetTitle} from "../course/registry.js";
// A Korean snippet carries the widget's Korean title, on either edition's page.
import "../course/messages-ko.js";
import {LANGS, pageLang, type Lang, type Messages} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  widget: "Widget",
  language: "Language of the widget",
  "lang.en": "English",
  "lang.ko": "Korean",
  edition: "Both snippets embed the widget in {language}: the iframe shows {page}, the module is {module}.",
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
  /** The language the snippets embed it in. */
  lang: Lang;
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

/**
 * A message whose `{name}` placeholders left unfilled become code elements
 * (messages are plain text, never markup), wherever the translation puts them.
 */
function withCode(message: string, codes: Record<string, string>): (Node | string)[] {
  return message.split(/\{(\w+)\}/).map((part, i) => (i % 2 === 0 ? part : part in codes ? element("code", "", codes[part]) : `{${part}}`));
}

export function createEmbedBuilderWidget(options: WidgetOptions & {base?: string} = {}): WidgetElement<EmbedBuilderValue> {
  const w = createWidget({id: "embed-builder", className: "embed-builder", schema: {}, messages, value: {} as EmbedBuilderValue}, options);
  const {t, root} = w;
  // The site's base as seen from this page (Korean pages sit in /ko/).
  const base = options.base ?? siteBase(location.href, pageLang());
  const ids = EMBEDS.map((e) => e.id);
  const widget = Inputs.select(ids, {label: t("widget"), format: (id: string) => widgetTitle(id, w.lang), value: ids[0]});
  const language = Inputs.select([...LANGS], {label: t("language"), format: (lang: Lang) => t(`lang.${lang}`), value: w.lang});
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
  const edition = element("p", "embed-edition");
  const previewLabel = element("p", "preview-label");
  const preview = element("iframe", "embed-preview");
  const onMessage = (event: MessageEvent) => {
    if (event.source === preview.contentWindow && typeof event.data?.height === "number") preview.height = String(event.data.height);
  };
  addEventListener("message", onMessage, {signal: w.signal});

  const update = () => {
    const entry = widgetInfo(widget.value)!;
    const lang: Lang = language.value;
    const query = settingsFromLink(settings.value);
    const src = embedUrl(base, widget.value, query, lang);
    const moduleUrl = embedModuleUrl(base, widget.value, lang);
    // The snippet's title is in the language of what it embeds; the builder's own texts are in the builder's.
    iframeCode.value = iframeSnippet(src, widgetTitle(entry.id, lang), height.value, lang);
    moduleCode.value = moduleSnippet(moduleUrl, entry.exportName, query, lang);
    const title = widgetTitle(entry.id, w.lang);
    edition.replaceChildren(...withCode(t("edition", {language: t(`lang.${lang}`)}), {page: new URL(src).pathname, module: new URL(moduleUrl).pathname}));
    previewLabel.replaceChildren(...withCode(t("preview", {title}), {src}));
    if (preview.src !== src) preview.src = src;
    preview.title = t("previewTitle", {title});
    preview.height = String(height.value);
    w.publish({widget: widget.value, lang, query, height: height.value, src, iframeSnippet: iframeCode.value, moduleSnippet: moduleCode.value});
  };
  for (const input of [widget, language, settings, height]) input.addEventListener("input", update);
  update();

  root.append(
    element("div", "controls", widget, language, settings, height),
    edition,
    element("h3", "", t("iframeHeading")),
    iframeCode,
    element("h3", "", t("moduleHeading")),
    moduleCode,
    previewLabel,
    preview
  );
  return root;
}
