/**
 * One widget for every exercise of the catalogue (course/exercises), by id:
 * the prompt, the answer inputs the exercise asks for, Check (the button or
 * Enter), feedback in a live region (the exercise's own hint after a wrong
 * answer, graduated where it has one), the worked answer on request, the score
 * to an LMS through course/scorm.ts and a tick in the progress store when
 * solved. The playground challenge has no typed answer: it is checked live on
 * what the playground widget on the same page publishes.
 */
import {element, statusLine} from "../course/dom.js";
import {exerciseById, type Exercise, type Feedback} from "../course/exercises/index.js";
import {DEPTH_CHOICES} from "../course/exercises/activations.js";
import {TRIBES} from "../course/exercises/home.js";
import type {Blanks} from "../course/exercises/perceptron.js";
import type {ChallengeState} from "../course/exercises/playground.js";
import {exerciseText} from "../course/exercises/types.js";
import {createProgressStore, type ProgressStore} from "../course/progress-store.js";
import {reportExercise} from "../course/scorm.js";
import type {Lang, Messages} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";

export const messages = {
  answer: "Your answer",
  check: "Check",
  worked: "Show the worked answer",
  done: "✓ Done in this browser before.",
  unknown: "There is no exercise “{id}”.",
  attempts: "Attempts: {n}.",
  unit: "Hidden unit {unit}",
  "blank.w1": "w₁ of hidden unit {unit}",
  "blank.w2": "w₂ of hidden unit {unit}",
  "blank.b": "b of hidden unit {unit}",
  live: "Checked live on the playground above: train it, and press Check when you think you are there (it also checks itself as you train).",
  noPlayground: "The playground on this page does not report its results yet, so the challenge cannot be checked here."
} satisfies Messages;

export interface ExerciseValue {
  id: string;
  /** Answers checked on this visit. */
  attempts: number;
  /** Whether the last check was right. */
  correct: boolean;
  /** Solved on this visit or on an earlier one in this browser (the progress store's tick). */
  solved: boolean;
}

/** What the playground widget publishes as its `.value` (the fields the challenge reads). */
export interface PlaygroundLive {
  dataset: string;
  points: number;
  train: number;
  layers: number[];
  testAccuracy: number;
  diverged: boolean;
}

export interface ExerciseOptions extends WidgetOptions {
  /** Where ticks are kept; the browser's localStorage (or memory) by default. */
  store?: ProgressStore;
  /**
   * For the playground challenge: the element whose `.value` and `input`
   * events carry the playground's state; by default the first
   * `.widget.playground` whose input events reach the document.
   */
  liveSource?: EventTarget;
}

/** The challenge's view of what the playground publishes. */
export function challengeOf(v: PlaygroundLive): ChallengeState {
  return {config: v, session: {architecture: {layers: v.layers}, diverged: v.diverged, evaluate: () => ({test: {accuracy: v.testAccuracy}})}};
}

const isPlaygroundLive = (v: unknown): v is PlaygroundLive =>
  typeof v === "object" && v !== null && Array.isArray((v as PlaygroundLive).layers) && typeof (v as PlaygroundLive).testAccuracy === "number";

/** The answer form an exercise needs, and how to read its answer. */
interface AnswerForm {
  controls: HTMLElement;
  read(): unknown;
  /** The control to mark invalid after a wrong answer (typed answers only). */
  field?: HTMLInputElement;
}

type T = (key: keyof typeof messages & string, params?: Record<string, string | number>) => string;

let serial = 0;
const uid = (base: string) => `${base}-${++serial}`;

function textInput(label: string): {wrap: HTMLElement; input: HTMLInputElement} {
  const input = element("input");
  Object.assign(input, {id: uid("exercise-answer"), type: "text", inputMode: "decimal", autocomplete: "off", spellcheck: false, size: 10});
  const l = element("label", "", label, " ");
  l.htmlFor = input.id;
  return {wrap: element("span", "exercise-field", l, input), input};
}

function choiceForm(name: string, legend: string, choices: readonly {value: string; label: string}[]): AnswerForm {
  const fieldset = element("fieldset", "exercise-choices", element("legend", "", legend));
  const group = uid(name);
  for (const c of choices) {
    const radio = element("input");
    Object.assign(radio, {type: "radio", name: group, value: c.value, id: uid(group)});
    const l = element("label", "", c.label);
    l.htmlFor = radio.id;
    fieldset.append(element("span", "exercise-choice", radio, l));
  }
  return {controls: fieldset, read: () => (fieldset.querySelector<HTMLInputElement>("input:checked")?.value ?? "")};
}

function blanksForm(t: T): AnswerForm {
  const units = [1, 2].map((unit) => {
    const inputs = {} as Record<keyof Blanks, HTMLInputElement>;
    const box = element("fieldset", "exercise-unit", element("legend", "", t("unit", {unit})));
    for (const id of ["w1", "w2", "b"] as const) {
      const field = textInput(t(`blank.${id}`, {unit}));
      field.input.size = 5;
      inputs[id] = field.input;
      box.append(field.wrap);
    }
    return {box, inputs};
  });
  const read = (k: number): Blanks => ({w1: units[k].inputs.w1.value, w2: units[k].inputs.w2.value, b: units[k].inputs.b.value});
  return {controls: element("div", "exercise-units", ...units.map((u) => u.box)), read: () => ({s1: read(0), s2: read(1)})};
}

function answerForm(exercise: Exercise<never>, t: T, lang: Lang): AnswerForm | null {
  // The tribes' and the activations' names are the exercise's own strings, so a catalogue translates them.
  const name = exerciseText(exercise.id, exercise.strings, lang);
  switch (exercise.id) {
    case "home-tribe":
      return choiceForm("tribe", t("answer"), TRIBES.map((tribe) => ({value: tribe, label: name(tribe)})));
    case "vanishing-ten-layers":
      return choiceForm("activation", t("answer"), DEPTH_CHOICES.map((id) => ({value: id, label: name(id)})));
    case "xor-hidden-units":
      return blanksForm(t);
    case "playground-spiral":
      return null;
    default: {
      const field = textInput(t("answer"));
      return {controls: field.wrap, read: () => field.input.value, field: field.input};
    }
  }
}

export function createExerciseWidget(id: string, options: ExerciseOptions = {}): WidgetElement<ExerciseValue> {
  const store = options.store ?? createProgressStore();
  const w = createWidget({id: "exercise", className: "exercise", schema: {}, messages, value: {id, attempts: 0, correct: false, solved: store.isDone(id)} as ExerciseValue}, options);
  const {t, root} = w;
  const exercise = exerciseById(id);
  if (!exercise) {
    root.append(element("p", "notice error", t("unknown", {id})));
    return root;
  }
  const text = exerciseText(exercise.id, exercise.strings, w.lang);
  root.dataset.exercise = id;
  const heading = element("h3", "", text("title"));
  heading.id = uid("exercise-title");
  root.setAttribute("role", "group");
  root.setAttribute("aria-labelledby", heading.id);

  const feedback = statusLine("exercise-feedback");
  const done = element("p", "exercise-done", store.isDone(id) ? t("done") : "");
  const attemptsLine = element("p", "exercise-attempts");
  const form = answerForm(exercise, t, w.lang);
  let attempts = 0;
  let wrong = 0;
  let solved = store.isDone(id);

  const show = (result: Feedback) => {
    feedback.className = `exercise-feedback notice ${result.correct ? "ok" : "error"}`;
    feedback.replaceChildren(element("span", result.correct ? "ok-text" : "bad-text", result.message));
  };

  function record(result: Feedback): void {
    attempts += 1;
    if (!result.correct) wrong += 1;
    // As the existing exercises report: every check is an attempt scored out of 1; the LMS keeps the best.
    reportExercise(id, result.correct ? 1 : 0, 1);
    if (result.correct && !solved) {
      solved = true;
      store.markDone(id);
    }
    attemptsLine.textContent = t("attempts", {n: attempts});
    form?.field?.setAttribute("aria-invalid", String(!result.correct));
    w.publish({id, attempts, correct: result.correct, solved});
  }

  function checkAnswer(answer: unknown): Feedback {
    return exercise!.checkAfter ? exercise!.checkAfter(answer as never, wrong, w.lang) : exercise!.check(answer as never, w.lang);
  }

  function check(): void {
    if (!form) {
      // The playground's value now: it may have published before this widget listened.
      const value = (options.liveSource ?? document.querySelector(".widget.playground")) as {value?: unknown} | null;
      if (!isPlaygroundLive(value?.value)) return show({correct: false, message: t("noPlayground")});
      const result = checkAnswer(challengeOf(value.value));
      show(result);
      record(result);
      return;
    }
    const result = checkAnswer(form.read());
    show(result);
    record(result);
  }

  const submit = element("button", "", t("check"));
  submit.type = "submit";
  // A <form> gives Enter-to-check in any text field, as a learner expects.
  const answer = element("form", "exercise-answer", ...(form ? [form.controls] : [element("p", "", t("live"))]), element("div", "buttons", submit));
  answer.setAttribute("aria-labelledby", heading.id);
  answer.addEventListener("submit", (event) => {
    event.preventDefault();
    check();
  });

  const worked = element("details", "exercise-worked", element("summary", "", t("worked")));
  worked.addEventListener("toggle", () => {
    if (worked.open && worked.childElementCount === 1) worked.append(element("p", "", exercise.worked(w.lang)));
  });

  if (!form) {
    // Live: every change the playground publishes is checked; only a success is recorded, so
    // training epochs do not each send a failed attempt to the LMS.
    const onInput = (event: Event) => {
      const source = event.target as Element & {value?: unknown};
      if (options.liveSource ? source !== options.liveSource : !(source instanceof Element && source.matches(".widget.playground"))) return;
      if (!isPlaygroundLive(source.value)) return;
      const result = checkAnswer(challengeOf(source.value));
      if (result.correct && !root.value.correct) {
        show(result);
        record(result);
      }
    };
    const target = options.liveSource ?? (typeof document === "undefined" ? null : document);
    target?.addEventListener("input", onInput, {signal: w.signal});
  }

  root.append(heading, element("p", "exercise-prompt", exercise.prompt(w.lang)), done, answer, feedback, attemptsLine, worked);
  w.publish({id, attempts, correct: false, solved});
  return root;
}
