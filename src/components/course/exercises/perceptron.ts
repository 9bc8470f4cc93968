/** Perceptron page: the lecture's fill-in-the-blanks gate program (the existing check, with its strings here). */
import {GATE_NAMES, HAND_WEIGHTS, type GateId} from "../../nn/gates.js";
import type {PerceptronWeights} from "../../nn/perceptron.js";
import {checkGate, parseBlank, type BlankId} from "../perceptron-exercise.js";
import type {Lang} from "../strings.js";
import {exerciseText, feedback, type Exercise} from "./types.js";

/** What the learner typed into the three blanks. */
export type Blanks = Record<BlankId, string>;
/** The gates the program can be completed for (XOR needs two layers: see the XOR page). */
export type SingleUnitGate = Exclude<GateId, "xor">;

const BLANK_NAMES: Record<BlankId, string> = {w1: "w₁", w2: "w₂", b: "b"};

/** Reads all blanks, or names the first that is not a number. */
export function readBlanks(blanks: Blanks): {weights: PerceptronWeights} | {blank: BlankId} {
  const weights = {} as PerceptronWeights;
  for (const id of ["w1", "w2", "b"] as const) {
    const parsed = parseBlank(blanks[id]);
    if ("error" in parsed) return {blank: id};
    weights[id] = parsed.value;
  }
  return {weights};
}

export const PERCEPTRON_STRINGS = {
  title: "Fill in the gate's weights",
  prompt: "Fill in w₁, w₂ and b so that the program prints the truth table of {gate}.",
  blank: "Every blank needs a number (such as 0.5 or −0.7); {name} does not have one yet.",
  correct: "Correct: with these weights the program computes {gate} on all four inputs.",
  row: "({x1}, {x2}) gives {output}, should be {expected}",
  wrong: "Not yet: {rows}.",
  raise: "Where the output should be 1, the sum w₁x₁ + w₂x₂ + b must be above 0: raise it there.",
  lower: "Where the output should be 0, the sum w₁x₁ + w₂x₂ + b must be 0 or below: lower it there.",
  worked: "The lecture's weights for {gate}: w₁ = {w1}, w₂ = {w2}, b = {b}. The sum w₁x₁ + w₂x₂ + b is above 0 exactly on the rows where {gate} is 1."
};

/** The gate the page starts with; the learner may pick another (promptFor, workedFor). */
const DEFAULT_GATE: SingleUnitGate = "and";

export const perceptronExercise: Exercise<{gate: SingleUnitGate; blanks: Blanks}, typeof PERCEPTRON_STRINGS> & {
  promptFor(gate: SingleUnitGate, lang?: Lang): string;
  workedFor(gate: SingleUnitGate, lang?: Lang): string;
} = {
  id: "perceptron-blanks",
  page: "perceptron",
  strings: PERCEPTRON_STRINGS,
  check({gate, blanks}, lang) {
    const t = exerciseText("perceptron-blanks", PERCEPTRON_STRINGS, lang);
        const read = readBlanks(blanks);
    if ("blank" in read) return feedback(false, t("blank", {name: BLANK_NAMES[read.blank]}));
    const {solved, misses} = checkGate(gate, read.weights);
    if (solved) return feedback(true, t("correct", {gate: GATE_NAMES[gate]}));
    const rows = misses.map((m) => t("row", {x1: String(m.x1), x2: String(m.x2), output: String(m.output), expected: String(m.expected)})).join("; ");
    const nudge = misses.some((m) => m.expected === 1) ? t("raise") : t("lower");
    return feedback(false, `${t("wrong", {rows})} ${nudge}`);
  },
  prompt(lang) {
    return this.promptFor(DEFAULT_GATE, lang);
  },
  promptFor(gate, lang) {
    return exerciseText("perceptron-blanks", PERCEPTRON_STRINGS, lang)("prompt", {gate: GATE_NAMES[gate]});
  },
  worked(lang) {
    return this.workedFor(DEFAULT_GATE, lang);
  },
  workedFor(gate, lang) {
    const w = HAND_WEIGHTS[gate]!;
    return exerciseText("perceptron-blanks", PERCEPTRON_STRINGS, lang)("worked", {gate: GATE_NAMES[gate], ...w});
  }
};
