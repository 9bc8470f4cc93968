/** The gate selector shared by the perceptron page's widgets. */
import * as Inputs from "npm:@observablehq/inputs";
import {GATE_NAMES, type GateId} from "../nn/gates.js";

export function gateSelect(label: string, gates: readonly GateId[], value: GateId): Inputs.InputElement<GateId> {
  return Inputs.select(gates.slice(), {label, value, format: (g: GateId) => GATE_NAMES[g]});
}
