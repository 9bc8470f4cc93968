/** Controls and table parts shared by the widgets of the perceptron and XOR pages. */
import * as Inputs from "npm:@observablehq/inputs";
import {element} from "../course/dom.js";
import type {Messages} from "../course/strings.js";
import {GATE_NAMES, type GateId} from "../nn/gates.js";

/** The activations' names, part of the messages of each widget that offers a choice of them. */
export const activationMessages = {
  "act.step": "Step",
  "act.sigmoid": "Sigmoid",
  "act.tanh": "tanh",
  "act.relu": "ReLU",
  "act.leaky-relu": "Leaky ReLU",
  "act.elu": "ELU",
  "act.linear": "Linear"
} satisfies Messages;

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
