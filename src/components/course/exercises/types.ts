/**
 * What every exercise of the course is: an id, its page, its visible strings
 * in one plain object of English messages with {name} slots (the strings
 * hook's namespace "exercise.<id>", so a catalogue can translate them without
 * touching the checks), a check that gives feedback
 * and, after a wrong answer, a hint, and the worked answer. No DOM.
 */
import {formatNumber} from "../format.js";
import {parseDecimal} from "../gd-exercise.js";
import {translator, type Lang, type Messages} from "../strings.js";

export const COURSE_PAGES = ["home", "perceptron", "xor-mlp", "gradient-descent", "backpropagation", "activations", "playground", "mnist", "instructors"] as const;
export type CoursePage = (typeof COURSE_PAGES)[number];

/** An exercise's visible text: title and prompt always, then its own messages and hints. */
export interface ExerciseStrings extends Messages {
  title: string;
  prompt: string;
  correct: string;
  worked: string;
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
  /** The prompt with its numbers filled in; `lang` defaults to the page's. */
  prompt(lang?: Lang): string;
  check(answer: Answer, lang?: Lang): Feedback;
  /** The worked answer as plain text, numbers filled in by the engine. */
  worked(lang?: Lang): string;
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

export const feedback = (correct: boolean, message: string): Feedback => ({correct, message});

/**
 * The exercise's messages through the strings hook (namespace "exercise.<id>"),
 * numbers formatted as page text (at most 4 significant digits, a real minus).
 */
export function exerciseText<S extends ExerciseStrings>(id: string, strings: S, lang?: Lang): (key: keyof S & string, values?: Record<string, string | number>) => string {
  const t = translator(`exercise.${id}`, strings, lang);
  return (key, values = {}) => t(key, Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "number" ? formatNumber(v) : v])));
}
