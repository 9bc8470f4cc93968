/** Backpropagation page: ∂E/∂w₁ of the lecture's 2-2-1 sigmoid network, for the stepper's own numbers. */
import {backpropSteps, DEFAULT_EXAMPLE, DEFAULT_PARAMETERS, forwardPass, gradientsOf} from "../../nn/backprop-steps.js";
import {closeTo, exerciseText, feedback, parseAnswerNumber, type Exercise} from "./types.js";

const values = () => {
  const f = forwardPass(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
  const steps = backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
  const dEdh = steps.find((s) => s.id === "dE/dh")!.value;
  return {f, dEdh, answer: gradientsOf(steps).w1};
};

export const BACKPROP_STRINGS = {
  title: "One gradient by the chain rule",
  prompt: "The network of this page has x = ({x1}, {x2}), target t = {t}, and after the forward pass a₁ = {a1} and y = {y}. With E = ½(y − t)², what is ∂E/∂w₁? (Three significant digits are enough.)",
  notNumber: "Type a decimal number such as 0.0123.",
  correct: "Correct: ∂E/∂w₁ = {answer}.",
  missingA: "That is ∂E/∂h, the gradient arriving at the output's weighted sum. One factor more: ∂h/∂w₁ = a₁.",
  missingSlope: "You left out the sigmoid's own slope: ∂y/∂h = y(1 − y) sits between (y − t) and a₁.",
  sign: "Check the sign: y is above t here, so (y − t) is positive, and so are y(1 − y) and a₁.",
  wrong: "Not quite. Multiply three factors: ∂E/∂y = (y − t), ∂y/∂h = y(1 − y) and ∂h/∂w₁ = a₁, each read off the forward pass.",
  worked: "∂E/∂w₁ = (y − t) · y(1 − y) · a₁ = ({y} − {t}) · {y} · (1 − {y}) · {a1} = {dEdh} · {a1} = {answer}."
};

export const backpropExercise: Exercise<string, typeof BACKPROP_STRINGS> = {
  id: "backprop-dw1",
  page: "backpropagation",
  strings: BACKPROP_STRINGS,
  prompt(lang) {
    const {f} = values();
    return exerciseText("backprop-dw1", BACKPROP_STRINGS, lang)("prompt", {x1: f.x[0], x2: f.x[1], t: f.t, a1: f.a[0], y: f.y});
  },
  check(text, lang) {
    const t = exerciseText("backprop-dw1", BACKPROP_STRINGS, lang);
        const value = parseAnswerNumber(text);
    if (value === null) return feedback(false, t("notNumber"));
    const {f, dEdh, answer} = values();
    if (closeTo(value, answer)) return feedback(true, t("correct", {answer}));
    if (closeTo(value, dEdh)) return feedback(false, t("missingA"));
    if (closeTo(value, (f.y - f.t) * f.a[0])) return feedback(false, t("missingSlope"));
    if (closeTo(-value, answer)) return feedback(false, t("sign"));
    return feedback(false, t("wrong"));
  },
  worked(lang) {
    const {f, dEdh, answer} = values();
    return exerciseText("backprop-dw1", BACKPROP_STRINGS, lang)("worked", {y: f.y, t: f.t, a1: f.a[0], dEdh, answer});
  }
};
