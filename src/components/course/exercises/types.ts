/**
 * What every exercise of the course is: an id, its page, its visible strings
 * in one plain object (templates with {name} slots, so a catalogue can
 * translate them without touching the checks), a check that gives feedback
 * and, after a wrong answer, a hint, and the worked answer. No DOM.
 */
import {parseDecimal} from "../gd-exercise.js";

export const COURSE_PAGES = ["home", "perceptron", "xor-mlp", "gradient-descent", "backpropagation", "activations", "playground", "mnist", "instructors"] as const;
export type CoursePage = (typeof COURSE_PAGES)[number];

/** An exercise's visible text: title and prompt always, then its own messages and hints. */
export interface ExerciseStrings {
  title: string;
  prompt: string;
  correct: string;
  worked: string;
  [key: string]: string;
}

export interface Feedback {
  correct: boolean;
  /** Praise when correct; otherwise a hint that points the way without giving the answer. */
  message: string;
}

export interface Exercise<Answer, Strings extends ExerciseStrings = ExerciseStrings> {
  id: string;
  page: CoursePage;
  strings: Strings;
  /** The prompt with its numbers filled in. */
  prompt(): string;
  check(answer: Answer): Feedback;
  /** The worked answer as plain text, numbers filled in by the engine. */
  worked(): string;
}

/** A decimal typed by a person, also with a typographic minus ("−0.5"), or null. */
export function parseAnswerNumber(text: string): number | null {
  return parseDecimal(text.replace(/\u2212/g, "-"));
}

/** A whole count typed by a person: "269322", "269,322", "269 322" or "269_322"; null otherwise. */
export function parseCount(text: string): number | null {
  const s = text.trim();
  if (/^\d+$/.test(s)) return Number(s);
  if (/^\d{1,3}([,\s_\u202f]\d{3})+$/.test(s)) return Number(s.replace(/\D/g, ""));
  return null;
}

/** Whether a typed value matches the engine's to three significant digits (within 1 %). */
export function closeTo(value: number, expected: number): boolean {
  return Math.abs(value - expected) <= 0.01 * Math.abs(expected) + 1e-12;
}

export {fill} from "../format.js";

export const feedback = (correct: boolean, message: string): Feedback => ({correct, message});
