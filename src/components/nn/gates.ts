/** The logic gates of the lecture as truth tables over two binary inputs. */

export type GateId = "and" | "nand" | "or" | "nor" | "xor";

export interface TruthRow {
  x1: 0 | 1;
  x2: 0 | 1;
  y: 0 | 1;
}

export const INPUTS: [0 | 1, 0 | 1][] = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1]
];

const rules: Record<GateId, (a: boolean, b: boolean) => boolean> = {
  and: (a, b) => a && b,
  nand: (a, b) => !(a && b),
  or: (a, b) => a || b,
  nor: (a, b) => !(a || b),
  xor: (a, b) => a !== b
};

export const GATE_IDS: GateId[] = ["and", "nand", "or", "nor", "xor"];

export const GATE_NAMES: Record<GateId, string> = {and: "AND", nand: "NAND", or: "OR", nor: "NOR", xor: "XOR"};

/** The gate's four rows in the lecture's order (x1, x2) = (0,0), (1,0), (0,1), (1,1). */
export function truthTable(gate: GateId): TruthRow[] {
  return INPUTS.map(([x1, x2]) => ({x1, x2, y: rules[gate](x1 === 1, x2 === 1) ? 1 : 0}));
}

/**
 * Single-unit weights for each gate a line can separate; XOR has none. AND, OR and NAND
 * are the lecture's; NOR is this site's, derived the way NAND comes from AND (OR negated).
 */
export const HAND_WEIGHTS: Partial<Record<GateId, {w1: number; w2: number; b: number}>> = {
  and: {w1: 0.5, w2: 0.5, b: -0.7},
  nand: {w1: -0.5, w2: -0.5, b: 0.7},
  or: {w1: 0.5, w2: 0.5, b: -0.2},
  nor: {w1: -0.5, w2: -0.5, b: 0.2}
};

/** The gates whose HAND_WEIGHTS the lecture itself gives (the rest are the site's). */
export const LECTURE_WEIGHT_GATES: readonly GateId[] = ["and", "or", "nand"];
