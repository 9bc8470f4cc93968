/**
 * The lecture's fill-in-the-blanks exercise: a short gate program with w₁, w₂ and b
 * left blank. Here: reading what the learner typed, the program's text around the
 * blanks, what it prints, and the check. No DOM.
 */
import {GATE_NAMES, truthTable, type GateId} from "../nn/gates.js";
import {perceptron, type PerceptronWeights} from "../nn/perceptron.js";

export type BlankId = keyof PerceptronWeights;

/** A number the way Python would accept it in the program: optional sign, digits, decimal point, exponent. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Reads one blank; a typographic minus (−) counts as a minus. */
export function parseBlank(raw: string): {value: number} | {error: string} {
  const text = raw.trim().replace(/\u2212/g, "-");
  if (text === "") return {error: "is still blank"};
  if (!NUMBER.test(text)) return {error: `is not a number (${JSON.stringify(raw.trim().slice(0, 20))})`};
  const value = Number(text);
  if (!Number.isFinite(value)) return {error: "is too large"};
  return {value};
}

/** The program as text pieces with the three blanks between them. */
export function programTemplate(gate: GateId): (string | {blank: BlankId})[] {
  const name = GATE_NAMES[gate];
  return [
    `def ${name}(x1, x2):\n    w = [`,
    {blank: "w1"},
    ", ",
    {blank: "w2"},
    "]\n    b = ",
    {blank: "b"},
    `\n    s = w[0]*x1 + w[1]*x2 + b    # weighted sum plus bias\n    return 1 if s > 0 else 0     # step function\n\nfor x1, x2 in [(0, 0), (0, 1), (1, 0), (1, 1)]:\n    print(f"{x1} ${name} {x2} -> {${name}(x1, x2)}")`
  ];
}

/** The four lines the program prints, in its loop's order. */
export function programOutput(gate: GateId, weights: PerceptronWeights): string[] {
  const name = GATE_NAMES[gate];
  return [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1]
  ].map(([x1, x2]) => `${x1} ${name} ${x2} -> ${perceptron(weights, x1, x2)}`);
}

export interface GateCheck {
  solved: boolean;
  /** Rows the weights get wrong, as "(x₁, x₂) gives y, should be t". */
  wrong: string[];
  /** The same rows as numbers (for hints in other words). */
  misses: {x1: number; x2: number; output: number; expected: number}[];
}

/** Whether the weights make a step perceptron compute the gate on all four rows. */
export function checkGate(gate: GateId, weights: PerceptronWeights): GateCheck {
  const misses = truthTable(gate)
    .map((row) => ({x1: row.x1, x2: row.x2, output: perceptron(weights, row.x1, row.x2), expected: row.y}))
    .filter((m) => m.output !== m.expected);
  const wrong = misses.map((m) => `(${m.x1}, ${m.x2}) gives ${m.output}, should be ${m.expected}`);
  return {solved: misses.length === 0, wrong, misses};
}
