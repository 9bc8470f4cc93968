/**
 * The lecture's exercise as a check: y = x², x₀ = 3, η = 0.1, two updates.
 * The learner types x; a right answer reveals the working and scores 1/1,
 * a wrong one scores 0/1 and gets a hint, more specific from the second miss on.
 */
import {checkExercise, exerciseWorking, parseDecimal} from "../course/gd-exercise.js";
import {texElement} from "../course/math.js";
import {reportExercise} from "../course/scorm.js";
import type {Schema} from "../course/url-state.js";
import {element} from "../course/dom.js";
import type {WidgetOptions} from "../course/widget.js";

/** The exercise has no settings to put in a link. */
export const gdQuizSchema = {} satisfies Schema;

export function createGdQuizWidget(_options: WidgetOptions = {}): HTMLElement {
  const root = element("div", "widget gd-quiz");
  const question = element("p", "", "Minimise ", texElement("y = x^2"), " by gradient descent, starting at ", texElement("x_0 = 3"), " with learning rate ", texElement(String.raw`\eta = 0.1`), ". Where is x after two updates?");

  const form = element("form", "answer");
  const id = `gd-quiz-${Math.random().toString(36).slice(2)}`;
  const label = element("label", "", "x after two updates ");
  label.htmlFor = id;
  const input = element("input");
  Object.assign(input, {id, type: "text", inputMode: "decimal", autocomplete: "off", size: 8});
  const submit = element("button", "", "Check");
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
  const reveal = element("details", "", element("summary", "", "Show the working without answering"));
  reveal.addEventListener("toggle", () => {
    if (reveal.open && reveal.childElementCount === 1) reveal.append(working());
  });

  let wrongAnswers = 0;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const result = checkExercise(input.value, wrongAnswers);
    if (!result.correct && parseDecimal(input.value) !== null) wrongAnswers += 1;
    reportExercise("gd-quiz", result.correct ? 1 : 0, 1);
    feedback.className = `feedback notice ${result.correct ? "ok" : "error"}`;
    feedback.replaceChildren(element("p", result.correct ? "ok-text" : "bad-text", result.message));
    input.setAttribute("aria-invalid", String(!result.correct));
    if (result.correct) feedback.append(working());
  });

  root.append(question, form, feedback, reveal);
  return root;
}
