/** KaTeX rendering for components (pages use Framework's `tex`; both share one KaTeX and its stylesheet). */
import katex from "npm:katex";

/** Renders TeX source into a new element; `display` for a centred block. */
export function texElement(source: string, display = false): HTMLElement {
  const element = document.createElement(display ? "div" : "span");
  katex.render(source, element, {displayMode: display, throwOnError: false, output: "html"});
  return element;
}

/** Formats a number for substitution into a formula: fixed digits, a real minus sign, never NaN or ∞ text. */
export function texNumber(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String.raw`\text{—}`;
  const s = x.toFixed(digits);
  return s.startsWith("-") ? `-${s.slice(1)}` : s;
}

/**
 * A formula inside a translated phrase, e.g. "if {condition}" or "{condition}일 때": the
 * phrase's words as \text around the formula, so each language puts them where it says them.
 */
export function texAround(phrase: string, formula: string): string {
  const [before, after = ""] = phrase.split("{condition}");
  const words = (w: string) => (w.trim() ? String.raw`\text{${w}}` : "");
  return `${words(before)}${formula}${words(after)}`;
}
