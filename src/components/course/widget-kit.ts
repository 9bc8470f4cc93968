/** Small DOM helpers the widgets share: elements, labelled sliders, safe number text. */
import * as Inputs from "npm:@observablehq/inputs";

/** Creates an element with a class and children (strings become text, never HTML). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = "", ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  e.append(...children);
  return e;
}

/** A button that runs `onClick`; plain <button>, so it is keyboard-operable. */
export function button(text: string, onClick: () => void, title?: string): HTMLButtonElement {
  const b = element("button", "", text);
  b.type = "button";
  if (title) b.title = title;
  b.addEventListener("click", onClick);
  return b;
}

/**
 * Observable Inputs' range with its slider labelled too (Inputs labels only the
 * number box, and an unlabelled slider is an accessibility error).
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
