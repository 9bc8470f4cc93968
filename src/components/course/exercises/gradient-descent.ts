/** Gradient-descent page: the lecture's two updates (the existing quiz), and the learning rate that lands on the minimum in one. */
import {descendCurve} from "../../nn/descent-analysis.js";
import {curve} from "../../nn/loss-surfaces.js";
import {checkExercise, EXERCISE, exerciseValues, gdExerciseText, GD_EXERCISE_STRINGS} from "../gd-exercise.js";
import type {Lang} from "../strings.js";
import {exerciseText, feedback, parseAnswerNumber, type Exercise} from "./types.js";

export const twoUpdatesExercise: Exercise<string, typeof GD_EXERCISE_STRINGS> = {
  // The id the quiz has always reported to an LMS.
  id: "gd-quiz",
  page: "gradient-descent",
  strings: GD_EXERCISE_STRINGS,
  prompt: (lang?: Lang) => gdExerciseText(lang)("prompt", exerciseValues()),
  // A first attempt: the nudge, not the worked first update (the quiz widget counts later attempts).
  check: (answer: string, lang?: Lang) => checkExercise(answer, 0, lang),
  worked: (lang?: Lang) => gdExerciseText(lang)("worked", exerciseValues())
};

const square = curve("square");
/** x after one update of y = x² from the lecture's x₀ with learning rate η, by the lab's own optimiser. */
const afterOneUpdate = (eta: number) => descendCurve(square, EXERCISE.x0, eta, 1).points[1].x;

/**
 * The update is linear in η (x₁ = x₀ − η·y′(x₀)), so the rate that lands on
 * the minimum at 0 is x₀ / y′(x₀), with y′(x₀) read off an update at η = 1.
 */
export function oneStepRate(): number {
  return EXERCISE.x0 / (EXERCISE.x0 - afterOneUpdate(1));
}

export const ONE_STEP_STRINGS = {
  title: "One step to the bottom",
  prompt: "On y = x², starting from x₀ = {x0}: which learning rate η takes gradient descent to the minimum in a single update?",
  notNumber: "Type a decimal number, for example 0.25.",
  notPositive: "A learning rate is a positive number: the update steps against the gradient.",
  correct: "Correct: with η = {eta} one update lands exactly on x = 0.",
  tooSmall: "With η = {eta} one update reaches x₁ = {x1}: still on the starting side, so η is too small. Write x₁ = x₀ − η·2x₀ and ask when it is 0.",
  tooLarge: "With η = {eta} one update reaches x₁ = {x1}: past the minimum, so η is too large. Write x₁ = x₀ − η·2x₀ and ask when it is 0.",
  worked: "x₁ = x₀ − η·y′(x₀) = x₀ − η·2x₀ = (1 − 2η)·x₀. That is 0 when η = {eta}: from x₀ = {x0} one update gives {x0} − {eta}·2·{x0} = {x1}."
};

export const oneStepExercise: Exercise<string, typeof ONE_STEP_STRINGS> = {
  id: "gd-one-step",
  page: "gradient-descent",
  strings: ONE_STEP_STRINGS,
  prompt: (lang?: Lang) => exerciseText("gd-one-step", ONE_STEP_STRINGS, lang)("prompt", {x0: EXERCISE.x0}),
  check(text, lang) {
    const t = exerciseText("gd-one-step", ONE_STEP_STRINGS, lang);
        const eta = parseAnswerNumber(text);
    if (eta === null) return feedback(false, t("notNumber"));
    if (eta <= 0) return feedback(false, t("notPositive"));
    const x1 = afterOneUpdate(eta);
    // Lands on the minimum up to rounding of the typed rate.
    if (Math.abs(x1) <= 1e-9 * EXERCISE.x0) return feedback(true, t("correct", {eta}));
    return feedback(false, t(x1 > 0 ? "tooSmall" : "tooLarge", {eta, x1}));
  },
  worked(lang) {
    const eta = oneStepRate();
    return exerciseText("gd-one-step", ONE_STEP_STRINGS, lang)("worked", {eta, x0: EXERCISE.x0, x1: afterOneUpdate(eta)});
  }
};
