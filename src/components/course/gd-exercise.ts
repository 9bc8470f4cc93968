/**
 * The lecture's exercise: minimise y = x² by gradient descent from x₀ = 3 with
 * η = 0.1; where is x after two updates? The working is computed by the same
 * optimiser the lab runs, and the learner's typed answer is parsed leniently
 * (spaces, trailing zeros, a decimal comma).
 */
import {curve} from "../nn/loss-surfaces.js";
import {translator, type Messages, type Translate} from "./strings.js";
import {descendCurve} from "../nn/descent-analysis.js";

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

/** The check's feedback (the quiz widget's messages include these; the strings hook translates them). */
export const checkMessages = {
  notANumber: "Type a decimal number, for example 0.5.",
  correct: "Correct: x = {x2} after two updates.",
  hint: "Hint: the derivative of x² is 2x, so the first update gives {x0} − {eta}·2·{x0} = {x1}; apply the same rule once more.",
  oneUpdate: "{x1} is x after one update; the exercise asks for two. {hint}",
  notQuite: "Not quite. {hint}"
} satisfies Messages;

export interface ExerciseCheck {
  correct: boolean;
  /** What to tell the learner (plain text). */
  message: string;
}

export function checkExercise(text: string, t: Translate<typeof checkMessages> = translator("gd-quiz", checkMessages, "en")): ExerciseCheck {
  const [x0, x1, x2] = exerciseIterates();
  const value = parseDecimal(text);
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  if (value === null) return {correct: false, message: t("notANumber")};
  if (close(value, x2)) return {correct: true, message: t("correct", {x2: round(x2)})};
  const hint = t("hint", {x0, eta: EXERCISE.eta, x1: round(x1)});
  if (close(value, x1)) return {correct: false, message: t("oneUpdate", {x1: round(x1), hint})};
  return {correct: false, message: t("notQuite", {hint})};
}
