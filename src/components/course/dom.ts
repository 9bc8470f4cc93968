/** Small DOM helpers every widget shares: elements, buttons, labelled sliders, live status lines. */
import * as Inputs from "npm:@observablehq/inputs";

/** Creates an element with a class and children (strings become text, never HTML). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

/**
 * Sets a node's text only when it differs: a frame that redraws unchanged text
 * then leaves layout alone. A lone text child is rewritten in place: setting
 * textContent would replace it, and its layout object with it.
 */
export function setText(node: Node, text: string): void {
  if (node.textContent === text) return;
  const only = node.firstChild;
  if (only && only.nodeType === 3 /* text */ && only === node.lastChild && text) (only as Text).data = text;
  else node.textContent = text;
}

/** A plain <button> (so keyboard-operable) that runs `action`; `attributes` such as a title or aria-pressed. */
export function button(label: string, action: () => void, attributes: Record<string, string> = {}): HTMLButtonElement {
  const b = element("button", "", label);
  b.type = "button";
  for (const [name, value] of Object.entries(attributes)) b.setAttribute(name, value);
  b.addEventListener("click", action);
  return b;
}

/**
 * Observable Inputs' range with its slider labelled too: Inputs labels only the
 * number box, and screen readers would announce an unnamed slider.
 */
export function labelledRange(extent: [number, number], options: Parameters<typeof Inputs.range>[1] & {label: string}): Inputs.InputElement<number> {
  const input = Inputs.range(extent, options);
  input.querySelector("input[type=range]")?.setAttribute("aria-label", options.label);
  return input;
}

/** Sets an input's value and notifies its listeners, as if the learner had changed it. */
export function setInput<T>(input: Inputs.InputElement<T>, value: T): void {
  input.value = value;
  input.dispatchEvent(new Event("input", {bubbles: true}));
}

/** A live region for messages screen readers should hear as they change. */
export function statusLine(className = "widget-status"): HTMLElement {
  const p = element("p", className);
  p.setAttribute("role", "status");
  return p;
}

/** A figure for a chart of known width whose caption wraps to that width. */
export function chartFigure(width: number, chart: Element, caption: string): HTMLElement {
  const figure = element("figure", "chart", chart, element("figcaption", "", caption));
  figure.style.maxWidth = `${width}px`;
  return figure;
}

/**
 * A widget's controls and what they drive: stacked on a phone, side by side
 * from 1,100 px (the stylesheet's `.side-by-side`).
 */
export function sideBySide(controls: (Node | string)[], output: (Node | string)[]): HTMLElement {
  return element("div", "side-by-side", element("div", "side-controls", ...controls), element("div", "side-output", ...output));
}

/** A box that scrolls sideways on its own when its content (a wide table) is wider than the page. */
export function scrollBox(...children: (Node | string)[]): HTMLElement {
  const box = element("div", "scroll-x", ...children);
  box.tabIndex = 0;
  return box;
}
