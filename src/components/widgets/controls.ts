/** Small DOM helpers shared by the XOR and backpropagation widgets. */
import * as Inputs from "npm:@observablehq/inputs";

export interface WidgetOptions {
  search?: string;
  syncUrl?: boolean;
  signal?: AbortSignal;
}

/** Inputs.range labels only its number box; the slider gets the same name so both are announced. */
export function labelledRange(label: string, extent: [number, number], options: {value: number; step?: number}): Inputs.InputElement<number> {
  const input = Inputs.range(extent, {label, ...options});
  input.querySelector("input[type=range]")?.setAttribute("aria-label", label);
  return input;
}

/** A plain button that runs `action`. */
export function button(label: string, action: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
  b.addEventListener("click", action);
  return b;
}

/** A live region for messages screen readers should hear as they change. */
export function statusLine(className = "widget-status"): HTMLElement {
  const p = document.createElement("p");
  p.className = className;
  p.setAttribute("role", "status");
  return p;
}

/** An element with a class and children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...children);
  return element;
}

/** A plain-text number: fixed digits and a real minus sign, "—" instead of NaN or ∞. */
export function fmt(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "—";
  const s = x.toFixed(digits);
  if (/^-0\.?0*$/.test(s)) return s.slice(1);
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** A figure for a chart of known width whose caption wraps to that width. */
export function chartFigure(width: number, chart: HTMLElement, caption: string): HTMLElement {
  const figure = el("figure", "chart", chart, el("figcaption", "", caption));
  figure.style.maxWidth = `${width}px`;
  return figure;
}
