import type {Schema} from "../course/url-state.js";
import {urlState} from "../course/url-state.js";
import {rangeInput} from "../course/inputs.js";
export const demoSchema = {n: {kind: "number", min: 1, max: 20, default: 3, integer: true}} satisfies Schema;
export function createDemoWidget(options: {search?: string; syncUrl?: boolean; signal?: AbortSignal} = {}): HTMLElement {
  const state = urlState(demoSchema, options.search);
  const root = document.createElement("div");
  root.className = "widget";
  const input = rangeInput([1, 20], {label: "rows", step: 1, value: state.initial.n});
  const list = document.createElement("ol");
  const render = () => { list.replaceChildren(...Array.from({length: input.value}, (_, i) => Object.assign(document.createElement("li"), {textContent: `row ${i + 1}`}))); if (options.syncUrl !== false) state.write({n: input.value}); };
  input.addEventListener("input", render);
  render();
  root.append(state.notice(), input, list);
  return root;
}
