/** Controls and table parts shared by the widgets of the perceptron and XOR pages. */
import * as Inputs from "npm:@observablehq/inputs";
import {element} from "../course/dom.js";
import {GATE_NAMES, type GateId} from "../nn/gates.js";

export function gateSelect(label: string, gates: readonly GateId[], value: GateId): Inputs.InputElement<GateId> {
  return Inputs.select(gates.slice(), {label, value, format: (g: GateId) => GATE_NAMES[g]});
}

/** A table's header row: one column header per name. */
export function headerRow(names: readonly string[]): HTMLTableRowElement {
  const row = element("tr");
  for (const name of names) {
    const th = element("th", "", name);
    th.scope = "col";
    row.append(th);
  }
  return row;
}
