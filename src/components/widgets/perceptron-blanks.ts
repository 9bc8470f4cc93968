/**
 * The lecture's fill-in-the-blanks exercise: a gate program with w₁, w₂ and b left
 * blank; the learner types any values, sees what the program prints, and checks.
 * A page can offer weights from elsewhere (the explorer's sliders) to check instead.
 */
import {button, element, statusLine} from "../course/dom.js";
import {formatNumber} from "../course/format.js";
import {checkGate, computedGate, parseBlank, programOutput, programTemplate, type BlankId, type BlankProblem} from "../course/perceptron-exercise.js";
import {createProgressStore} from "../course/progress-store.js";
import {reportExercise} from "../course/scorm.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {GATE_NAMES, type GateId} from "../nn/gates.js";
import {perceptron, type PerceptronWeights} from "../nn/perceptron.js";
import {gateSelect} from "./perceptron-controls.js";

/** XOR has no answer for one perceptron, so it is not offered here. */
const EXERCISE_GATES: GateId[] = ["and", "nand", "or", "nor"];
const BLANK_IDS: BlankId[] = ["w1", "w2", "b"];

export const perceptronBlanksSchema = {
  fgate: {kind: "enum", values: EXERCISE_GATES, default: "and"}
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  gate: "Gate to build",
  blankLabel: "{blank} for {gate}",
  prints: "What it prints:",
  check: "Check",
  offer: "Test the weights set above: w₁ = {w1}, w₂ = {w2}, b = {b}",
  "problem.blank": "{blank} is still blank",
  "problem.not-a-number": "{blank} is not a number ({text})",
  "problem.too-large": "{blank} is too large",
  notRun: "(fill in the blanks to run it: {problem}.)",
  notChecked: "Not checked: {problem}.",
  correct: "Correct: with these weights the program computes {gate} on all four inputs.",
  wrongRow: "({x1}, {x2}) gives {output}, should be {expected}",
  notYet: "Not yet: {rows}."
} satisfies Messages;

/** The exercise's gate, what is in the blanks, and the last check's verdict. */
export interface PerceptronBlanksValue {
  gate: GateId;
  /** The three blanks as numbers, or null while one is empty or not a number. */
  weights: PerceptronWeights | null;
  /** The lecture's gate those weights compute, or null (none does, or the blanks are not all numbers). */
  computes: GateId | null;
  /** The last check's verdict for what is in the blanks now; null when not checked since the last edit. */
  solved: boolean | null;
}

/** The exercise's element; `offer(weights)` shows a button that fills the blanks with them and checks. */
export type PerceptronBlanksElement = WidgetElement<PerceptronBlanksValue> & {offer(weights: PerceptronWeights | null): void};

const BLANK_NAMES: Record<BlankId, string> = {w1: "w₁", w2: "w₂", b: "b"};

export function createPerceptronBlanksWidget(options: WidgetOptions = {}): PerceptronBlanksElement {
  const w = createWidget({id: "perceptron-blanks", className: "perceptron-blanks", schema: perceptronBlanksSchema, messages, value: {} as PerceptronBlanksValue}, options);
  const {t} = w;
  const root = w.root as PerceptronBlanksElement;
  const gateInput = gateSelect(t("gate"), EXERCISE_GATES, w.initial.fgate as GateId);

  const blanks = {} as Record<BlankId, HTMLInputElement>;
  for (const id of BLANK_IDS) {
    const input = element("input", "blank");
    Object.assign(input, {type: "text", inputMode: "decimal", size: 5, placeholder: "???", autocomplete: "off", spellcheck: false});
    input.dataset.blank = id;
    blanks[id] = input;
  }
  const code = element("code");
  const output = element("pre", "perceptron-program-output");
  output.setAttribute("aria-live", "polite");
  const verdict = statusLine("perceptron-blanks-verdict");
  let offered: PerceptronWeights | null = null;
  const offerButton = button("", () => offered && fillAndCheck(offered), {class: "perceptron-offer"});
  offerButton.hidden = true;
  let solved: boolean | null = null;

  const problemText = (id: BlankId, problem: BlankProblem) =>
    t(`problem.${problem.error}`, {blank: BLANK_NAMES[id], text: problem.error === "not-a-number" ? problem.text : ""});

  /** The three values, or the first problem with what was typed. */
  function read(): {weights: PerceptronWeights} | {problem: string} {
    const values: Partial<PerceptronWeights> = {};
    for (const id of BLANK_IDS) {
      const parsed = parseBlank(blanks[id].value);
      blanks[id].setAttribute("aria-invalid", String("error" in parsed && blanks[id].value.trim() !== ""));
      if ("error" in parsed) return {problem: problemText(id, parsed)};
      values[id] = parsed.value;
    }
    return {weights: values as PerceptronWeights};
  }

  function publish(): void {
    const result = read();
    const weights = "weights" in result ? result.weights : null;
    w.publish({gate: gateInput.value, weights, computes: weights && computedGate((a, b) => perceptron(weights, a, b)), solved});
  }

  function renderProgram(): void {
    const gate = gateInput.value;
    code.replaceChildren(
      ...programTemplate(gate).map((part) => {
        if (typeof part === "string") return document.createTextNode(part);
        const input = blanks[part.blank];
        input.setAttribute("aria-label", t("blankLabel", {blank: BLANK_NAMES[part.blank], gate: GATE_NAMES[gate]}));
        return input;
      })
    );
  }

  function run(): void {
    const result = read();
    output.textContent = "problem" in result ? t("notRun", {problem: result.problem}) : programOutput(gateInput.value, result.weights).join("\n");
  }

  function clearVerdict(): void {
    solved = null;
    verdict.textContent = "";
    verdict.className = "perceptron-blanks-verdict";
  }

  function check(): void {
    const gate = gateInput.value;
    const result = read();
    if ("problem" in result) {
      solved = null;
      verdict.className = "perceptron-blanks-verdict notice error";
      verdict.textContent = t("notChecked", {problem: result.problem});
      publish();
      return;
    }
    const {misses} = checkGate(gate, result.weights);
    solved = misses.length === 0;
    reportExercise(`perceptron-${gate}`, solved ? 1 : 0, 1);
    // Any gate completes the exercise: the course map's tick is per exercise, not per gate.
    if (solved) createProgressStore().markDone("perceptron-blanks");
    verdict.className = `perceptron-blanks-verdict notice ${solved ? "ok" : "error"}`;
    verdict.textContent = solved ? t("correct", {gate: GATE_NAMES[gate]}) : t("notYet", {rows: misses.map((m) => t("wrongRow", {x1: m.x1, x2: m.x2, output: m.output, expected: m.expected})).join("; ")});
    publish();
  }

  function fillAndCheck(weights: PerceptronWeights): void {
    for (const id of BLANK_IDS) blanks[id].value = String(weights[id]);
    run();
    check();
  }

  for (const input of Object.values(blanks)) {
    input.addEventListener("input", () => {
      run();
      clearVerdict();
      publish();
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") check();
    });
  }
  gateInput.addEventListener("input", () => {
    renderProgram();
    run();
    clearVerdict();
    w.write({fgate: gateInput.value});
    publish();
  });
  renderProgram();
  run();
  publish();

  root.offer = (weights) => {
    offered = weights;
    offerButton.hidden = !weights;
    if (weights) offerButton.textContent = t("offer", {w1: formatNumber(weights.w1), w2: formatNumber(weights.w2), b: formatNumber(weights.b)});
  };

  root.append(
    w.notice,
    gateInput,
    element("pre", "perceptron-program", code),
    element("div", "perceptron-blanks-actions", button(t("check"), check, {class: "perceptron-check"}), offerButton),
    verdict,
    element("p", "", t("prints")),
    output
  );
  return root;
}
