/**
 * The lecture's exercise: minimise y = x² by gradient descent from x₀ = 3 with
 * η = 0.1; where is x after two updates? The working is computed by the same
 * optimiser the lab runs, and the learner's typed answer is parsed leniently
 * (spaces, trailing zeros, a decimal comma).
 */
import {curve} from "../nn/loss-surfaces.js";
import {descendCurve} from "../nn/descent-analysis.js";
import {translator, type Lang} from "./strings.js";

export const EXERCISE = {x0: 3, eta: 0.1, updates: 2} as const;

/** x after each update of the exercise: [3, 2.4, 1.92]. */
export function exerciseIterates(): number[] {
  return descendCurve(curve("square"), EXERCISE.x0, EXERCISE.eta, EXERCISE.updates).points.map((p) => p.x);
}

const round = (x: number) => Number(x.toFixed(10));

/** One TeX line per update: x ← x − η·2x with the numbers filled in. */
export function exerciseWorking(): string[] {
  const xs = exerciseIterates();
  return xs.slice(1).map((x, k) => {
    const prev = round(xs[k]);
    return String.raw`x_${k + 1} = x_${k} - \eta \cdot 2x_${k} = ${prev} - ${EXERCISE.eta} \cdot 2 \cdot ${prev} = ${prev} - ${round(EXERCISE.eta * 2 * xs[k])} = ${round(x)}`;
  });
}

/** A decimal number typed by a person ("1.92", " 1.920", "1,92", "+1.92"), or null. */
export function parseDecimal(text: string): number | null {
  const s = text.trim().replace(/^\+/, "");
  const normalised = /^-?\d+,\d+$/.test(s) ? s.replace(",", ".") : s;
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(normalised)) return null;
  return Number(normalised);
}

export interface ExerciseCheck {
  correct: boolean;
  /** What to tell the learner (plain text). */
  message: string;
}

/** Every visible string of the exercise ({name} slots), in one place for the strings hook. */
export const GD_EXERCISE_STRINGS = {
  title: "Two steps down y = x²",
  prompt: "Minimise y = x² by gradient descent from x₀ = {x0} with learning rate η = {eta}. Where is x after {updates} updates?",
  notNumber: "Type a decimal number, for example 0.5.",
  correct: "Correct: x = {x2} after two updates.",
  nudge: "Hint: one update moves x a step of η times the slope downhill, x ← x − η·dy/dx. What is the slope of x² at x = {x0}? Then do the update twice.",
  hint: "Hint: the derivative of x² is 2x, so the first update gives {x0} − {eta}·2·{x0} = {x1}; apply the same rule once more.",
  oneUpdate: "{x1} is x after one update; the exercise asks for two: apply the same rule once more.",
  wrong: "Not quite. {hint}",
  worked: "x₁ = x₀ − η·2x₀ = {x0} − {eta}·2·{x0} = {x1}, then x₂ = x₁ − η·2x₁ = {x1} − {eta}·2·{x1} = {x2}."
};

/** The exercise's numbers for the templates. */
export function exerciseValues(): Record<string, number> {
  const [x0, x1, x2] = exerciseIterates().map(round);
  return {x0, x1, x2, eta: EXERCISE.eta, updates: EXERCISE.updates};
}

/** The exercise's messages through the strings hook (its id as an LMS knows it). */
export const gdExerciseText = (lang?: Lang) => translator("exercise.gd-quiz", GD_EXERCISE_STRINGS, lang);

/**
 * Checks a typed answer. Hints are graduated so the first miss does not give the
 * working away: after one wrong number, a nudge about what one update does; from the
 * second on, the first update worked out.
 */
export function checkExercise(text: string, wrongBefore = 0, lang?: Lang): ExerciseCheck {
  const values = exerciseValues();
  const [, x1, x2] = exerciseIterates();
  const value = parseDecimal(text);
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  const t = gdExerciseText(lang);
  if (value === null) return {correct: false, message: t("notNumber")};
  if (close(value, x2)) return {correct: true, message: t("correct", values)};
  // Typing x after one update shows the learner already has that value, so name it.
  if (close(value, x1)) return {correct: false, message: t("oneUpdate", values)};
  return {correct: false, message: t("wrong", {hint: t(wrongBefore === 0 ? "nudge" : "hint", values)})};
}
