/** XOR page: hidden weights that make a 2-2-1 step network compute XOR, with AND as its output unit. */
import {INPUTS, truthTable} from "../../nn/gates.js";
import {composeForward, XOR_COMPOSITION} from "../../nn/xor-composition.js";
import {readBlanks, type Blanks} from "./perceptron.js";
import {exerciseText, feedback, type Exercise} from "./types.js";

export const XOR_STRINGS = {
  title: "Two hidden units for XOR",
  prompt: "The output unit is AND (w = ({ow1}, {ow2}), b = {ob}). Give the weights w₁, w₂ and bias b of the two hidden step units s₁ and s₂ so that the network computes XOR.",
  blank: "Every blank of both hidden units needs a number.",
  correct: "Correct: the network computes XOR on all four inputs.",
  row: "({x1}, {x2}) gives {y}, should be {t}",
  wrong: "Not yet: {rows}.",
  nudge: "The output is AND, so it is 1 only where both hidden units are 1. XOR is 0 at (0, 0) and at (1, 1): one hidden unit must switch off at (1, 1), the other at (0, 0).",
  worked: "s₁ = NAND with w = ({aw1}, {aw2}), b = {ab}; s₂ = OR with w = ({bw1}, {bw2}), b = {bb}. AND(NAND(x₁, x₂), OR(x₁, x₂)) is 1 exactly when one input is 1: XOR."
};

const output = XOR_COMPOSITION.output;

export const xorExercise: Exercise<{s1: Blanks; s2: Blanks}, typeof XOR_STRINGS> = {
  id: "xor-hidden-units",
  page: "xor-mlp",
  strings: XOR_STRINGS,
  check({s1, s2}, lang) {
    const t = exerciseText("xor-hidden-units", XOR_STRINGS, lang);
        const a = readBlanks(s1);
    const b = readBlanks(s2);
    if ("blank" in a || "blank" in b) return feedback(false, t("blank"));
    const net = {hidden: [a.weights, b.weights] as [typeof a.weights, typeof b.weights], output};
    const target = truthTable("xor");
    const misses = INPUTS.map(([x1, x2], k) => ({x1, x2, y: composeForward(net, x1, x2).y, t: target[k].y})).filter((r) => r.y !== r.t);
    if (misses.length === 0) return feedback(true, t("correct"));
    const rows = misses.map((m) => t("row", {x1: String(m.x1), x2: String(m.x2), y: String(m.y), t: String(m.t)})).join("; ");
    return feedback(false, `${t("wrong", {rows})} ${t("nudge")}`);
  },
  prompt(lang) {
    return exerciseText("xor-hidden-units", XOR_STRINGS, lang)("prompt", {ow1: output.w1, ow2: output.w2, ob: output.b});
  },
  worked(lang) {
    const [nand, or] = XOR_COMPOSITION.hidden;
    return exerciseText("xor-hidden-units", XOR_STRINGS, lang)("worked", {aw1: nand.w1, aw2: nand.w2, ab: nand.b, bw1: or.w1, bw2: or.w2, bb: or.b});
  }
};
