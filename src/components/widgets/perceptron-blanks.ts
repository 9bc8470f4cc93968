/**
 * The lecture's fill-in-the-blanks exercise: a gate program with w₁, w₂ and b left
 * blank; the learner types any values, sees what the program prints, and checks.
 */
import {checkGate, parseBlank, programOutput, programTemplate, type BlankId} from "../course/perceptron-exercise.js";
import {createProgressStore} from "../course/progress-store.js";
import {reportExercise} from "../course/scorm.js";
import {urlState, type Schema} from "../course/url-state.js";
import {GATE_NAMES, type GateId} from "../nn/gates.js";
import type {PerceptronWeights} from "../nn/perceptron.js";
import {gateSelect} from "./perceptron-controls.js";
import {button, statusLine} from "../course/dom.js";
import type {WidgetOptions} from "../course/widget.js";

/** XOR has no answer for one perceptron, so it is not offered here. */
const EXERCISE_GATES: GateId[] = ["and", "nand", "or", "nor"];

export const perceptronBlanksSchema = {
  fgate: {kind: "enum", values: EXERCISE_GATES, default: "and"}
} satisfies Schema;

const BLANK_NAMES: Record<BlankId, string> = {w1: "w₁", w2: "w₂", b: "b"};

export function createPerceptronBlanksWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(perceptronBlanksSchema, options.search, options.signal);
  const root = document.createElement("div");
  root.className = "widget perceptron-blanks";
  const gateInput = gateSelect("Gate to build", EXERCISE_GATES, state.initial.fgate as GateId);

  const blanks = {} as Record<BlankId, HTMLInputElement>;
  for (const id of ["w1", "w2", "b"] as BlankId[]) {
    const input = document.createElement("input");
    input.type = "text";
    input.inputMode = "decimal";
    input.size = 5;
    input.placeholder = "???";
    input.autocomplete = "off";
    input.spellcheck = false;
    input.className = "blank";
    input.dataset.blank = id;
    blanks[id] = input;
  }
  const code = document.createElement("code");
  const pre = document.createElement("pre");
  pre.className = "perceptron-program";
  pre.append(code);

  const outputLabel = document.createElement("p");
  outputLabel.textContent = "What it prints:";
  const output = document.createElement("pre");
  output.className = "perceptron-program-output";
  output.setAttribute("aria-live", "polite");
  const verdict = statusLine("perceptron-blanks-verdict");

  /** The three values, or the first problem with what was typed. */
  function read(): {weights: PerceptronWeights} | {error: string} {
    const values: Partial<PerceptronWeights> = {};
    for (const id of ["w1", "w2", "b"] as BlankId[]) {
      const parsed = parseBlank(blanks[id].value);
      blanks[id].setAttribute("aria-invalid", String("error" in parsed && blanks[id].value.trim() !== ""));
      if ("error" in parsed) return {error: `${BLANK_NAMES[id]} ${parsed.error}.`};
      values[id] = parsed.value;
    }
    return {weights: values as PerceptronWeights};
  }

  function renderProgram(): void {
    const gate = gateInput.value;
    code.replaceChildren(
      ...programTemplate(gate).map((part) => {
        if (typeof part === "string") return document.createTextNode(part);
        const input = blanks[part.blank];
        input.setAttribute("aria-label", `${BLANK_NAMES[part.blank]} for ${GATE_NAMES[gate]}`);
        return input;
      })
    );
  }

  function run(): void {
    const result = read();
    output.textContent = "error" in result ? `(fill in the blanks to run it: ${result.error})` : programOutput(gateInput.value, result.weights).join("\n");
  }

  function check(): void {
    const gate = gateInput.value;
    const result = read();
    if ("error" in result) {
      verdict.className = "perceptron-blanks-verdict notice error";
      verdict.textContent = `Not checked: ${result.error}`;
      return;
    }
    const {solved, wrong} = checkGate(gate, result.weights);
    reportExercise(`perceptron-${gate}`, solved ? 1 : 0, 1);
    // Any gate completes the exercise: the course map's tick is per exercise, not per gate.
    if (solved) createProgressStore().markDone("perceptron-blanks");
    verdict.className = `perceptron-blanks-verdict notice ${solved ? "ok" : "error"}`;
    verdict.textContent = solved
      ? `Correct: with these weights the program computes ${GATE_NAMES[gate]} on all four inputs.`
      : `Not yet: ${wrong.join("; ")}.`;
  }

  for (const input of Object.values(blanks)) {
    input.addEventListener("input", () => {
      run();
      verdict.textContent = "";
      verdict.className = "perceptron-blanks-verdict";
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") check();
    });
  }
  gateInput.addEventListener("input", () => {
    renderProgram();
    run();
    verdict.textContent = "";
    verdict.className = "perceptron-blanks-verdict";
    if (options.syncUrl !== false) state.write({fgate: gateInput.value});
  });
  renderProgram();
  run();

  const actions = document.createElement("div");
  actions.append(button("Check", check, {class: "perceptron-check"}));
  root.append(state.notice(), gateInput, pre, actions, verdict, outputLabel, output);
  return root;
}
