/** Controls and options shared by the perceptron page's widgets. */
import * as Inputs from "npm:@observablehq/inputs";
import {GATE_NAMES, type GateId} from "../nn/gates.js";

export interface WidgetOptions {
  search?: string;
  syncUrl?: boolean;
  signal?: AbortSignal;
}

/**
 * Inputs.range labels only its number box; the slider beside it gets the same
 * name so screen readers announce both.
 */
export function labelledRange(label: string, extent: [number, number], options: {value: number; step: number}): Inputs.InputElement<number> {
  const input = Inputs.range(extent, {label, ...options});
  input.querySelector("input[type=range]")?.setAttribute("aria-label", label);
  return input;
}

export function gateSelect(label: string, gates: readonly GateId[], value: GateId): Inputs.InputElement<GateId> {
  return Inputs.select(gates.slice(), {label, value, format: (g: GateId) => GATE_NAMES[g]});
}

/** A plain button that runs `action` (keyboard-operable as any button). */
export function button(label: string, action: () => void, attrs: Record<string, string> = {}): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  for (const [k, v] of Object.entries(attrs)) b.setAttribute(k, v);
  b.addEventListener("click", action);
  return b;
}

/** A live region for messages that screen readers should hear as they change. */
export function statusLine(className = "perceptron-status"): HTMLElement {
  const p = document.createElement("p");
  p.className = className;
  p.setAttribute("role", "status");
  return p;
}

/** Chromium ignores history.replaceState beyond about 200 calls in 10 seconds; a slider drag makes more. */
const URL_WRITE_INTERVAL_MS = 200;

/** Calls `write` with the latest arguments at most every URL_WRITE_INTERVAL_MS, always ending with the last ones; nothing after `signal` aborts. */
export function throttled<T>(write: (value: T) => void, signal?: AbortSignal): (value: T) => void {
  let pending: T | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  signal?.addEventListener("abort", () => timer && clearTimeout(timer));
  const flush = () => {
    timer = null;
    last = performance.now();
    write(pending as T);
  };
  return (value) => {
    pending = value;
    if (timer || signal?.aborted) return;
    const wait = last + URL_WRITE_INTERVAL_MS - performance.now();
    if (wait <= 0) flush();
    else timer = setTimeout(flush, wait);
  };
}
