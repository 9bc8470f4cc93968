/**
 * The lecture's exercise as a check: y = x², x₀ = 3, η = 0.1, two updates.
 * The learner types x; a right answer reveals the working and scores 1/1,
 * a wrong one scores 0/1 and gets a hint, more specific from the second miss on.
 */
import {checkExercise, exerciseWorking, parseDecimal} from "../course/gd-exercise.js";
import {texElement} from "../course/math.js";
import {createProgressStore} from "../course/progress-store.js";
import {reportExercise} from "../course/scorm.js";
import type {Schema} from "../course/url-state.js";
import {element} from "../course/dom.js";
import type {Messages} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";

/** The exercise has no settings to put in a link. */
export const gdQuizSchema = {} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them; the check's feedback has its own namespace); {f}, {x0} and {eta} are formulas. */
export const messages = {
  question: "Minimise {f} by gradient descent, starting at {x0} with learning rate {eta}. Where is x after two updates?",
  answer: "x after two updates ",
  check: "Check",
  reveal: "Show the working without answering"
} satisfies Messages;

export interface GdQuizValue {
  /** The last answer checked, as typed ("" before the first check). */
  answer: string;
  /** Whether it was right; null before the first check. */
  correct: boolean | null;
  /** Answers checked so far. */
  attempts: number;
}

export function createGdQuizWidget(options: WidgetOptions = {}): WidgetElement<GdQuizValue> {
  const w = createWidget({id: "gd-quiz", className: "gd-quiz", schema: gdQuizSchema, messages, value: {answer: "", correct: null, attempts: 0} as GdQuizValue}, options);
  const {t, root} = w;
  const formulas: Record<string, string> = {f: "y = x^2", x0: "x_0 = 3", eta: String.raw`\eta = 0.1`};
  // The sentence is translated whole; its placeholders become formulas.
  const question = element("p", "", ...t("question").split(/\{(\w+)\}/).map((part, k) => (k % 2 ? texElement(formulas[part] ?? part) : part)));

  const form = element("form", "answer");
  const id = `gd-quiz-${Math.random().toString(36).slice(2)}`;
  const label = element("label", "", t("answer"));
  label.htmlFor = id;
  const input = element("input");
  Object.assign(input, {id, type: "text", inputMode: "decimal", autocomplete: "off", size: 8});
  const submit = element("button", "", t("check"));
  submit.type = "submit";
  form.append(label, input, " ", submit);

  const feedback = element("div", "feedback");
  feedback.setAttribute("role", "status");
  feedback.setAttribute("aria-live", "polite");

  const working = () => {
    const block = element("div", "working");
    block.append(texElement(String.raw`x \leftarrow x - \eta \cdot \frac{dy}{dx} = x - \eta \cdot 2x`, true));
    for (const line of exerciseWorking()) block.append(texElement(line, true));
    return block;
  };
  const reveal = element("details", "", element("summary", "", t("reveal")));
  reveal.addEventListener("toggle", () => {
    if (reveal.open && reveal.childElementCount === 1) reveal.append(working());
  });

  let attempts = 0;
  let wrongAnswers = 0;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const result = checkExercise(input.value, wrongAnswers, w.lang);
    if (!result.correct && parseDecimal(input.value) !== null) wrongAnswers += 1;
    reportExercise("gd-quiz", result.correct ? 1 : 0, 1);
    if (result.correct) createProgressStore().markDone("gd-quiz");
    feedback.className = `feedback notice ${result.correct ? "ok" : "error"}`;
    feedback.replaceChildren(element("p", result.correct ? "ok-text" : "bad-text", result.message));
    input.setAttribute("aria-invalid", String(!result.correct));
    if (result.correct) feedback.append(working());
    w.publish({answer: input.value, correct: result.correct, attempts: ++attempts});
  });

  root.append(question, form, feedback, reveal);
  return root;
}
