/** Activations page: the sigmoid's slope for a given β, and which activation keeps the gradient alive through ten layers. */
import {sigmoid, sigmoidWithSlope, type ActivationId} from "../../nn/activations.js";
import {gradientNormsAtInit} from "../../nn/vanishing.js";
import type {Lang} from "../strings.js";
import {closeTo, exerciseText, feedback, parseAnswerNumber, type Exercise} from "./types.js";

/** The point and slope asked about. */
export const SLOPE_QUESTION = {beta: 2, s: 0.5} as const;

const slope = () => {
  const tau = sigmoidWithSlope(SLOPE_QUESTION.beta);
  const y = tau.f(SLOPE_QUESTION.s);
  return {y, answer: tau.derivative(SLOPE_QUESTION.s, y)};
};

export const SLOPE_STRINGS = {
  title: "The sigmoid's slope",
  prompt: "For the sigmoid with slope β = {beta}, τ(s) = 1 / (1 + e^(−βs)): what is its derivative τ′(s) at s = {s}? (Three significant digits are enough.)",
  notNumber: "Type a decimal number such as 0.25.",
  correct: "Correct: τ′({s}) = {answer}.",
  value: "That is τ(s) itself, the sigmoid's value; the question asks for its slope.",
  missingBeta: "Almost: the derivative carries β as a factor, τ′(s) = β·τ(s)(1 − τ(s)).",
  plainSigmoid: "Here τ already contains β: evaluate τ at βs = {bs}, not at s, before using τ′ = β·τ(1 − τ).",
  wrong: "Not quite. Compute τ(s) first, then τ′(s) = β·τ(s)(1 − τ(s)).",
  worked: "τ({s}) = 1 / (1 + e^(−{beta}·{s})) = {y}, so τ′({s}) = β·τ(1 − τ) = {beta} · {y} · (1 − {y}) = {answer}."
};

export const sigmoidSlopeExercise: Exercise<string, typeof SLOPE_STRINGS> = {
  id: "sigmoid-slope",
  page: "activations",
  strings: SLOPE_STRINGS,
  prompt: (lang?: Lang) => exerciseText("sigmoid-slope", SLOPE_STRINGS, lang)("prompt", SLOPE_QUESTION),
  check(text, lang) {
    const t = exerciseText("sigmoid-slope", SLOPE_STRINGS, lang);
        const value = parseAnswerNumber(text);
    if (value === null) return feedback(false, t("notNumber"));
    const {beta, s} = SLOPE_QUESTION;
    const {y, answer} = slope();
    if (closeTo(value, answer)) return feedback(true, t("correct", {s, answer}));
    if (closeTo(value, y)) return feedback(false, t("value"));
    if (closeTo(value, answer / beta)) return feedback(false, t("missingBeta"));
    const plain = sigmoid.f(s);
    if (closeTo(value, beta * plain * (1 - plain)) || closeTo(value, sigmoid.derivative(s, plain))) return feedback(false, t("plainSigmoid", {bs: beta * s}));
    return feedback(false, t("wrong"));
  },
  worked(lang) {
    const {y, answer} = slope();
    return exerciseText("sigmoid-slope", SLOPE_STRINGS, lang)("worked", {...SLOPE_QUESTION, y, answer});
  }
};

/** The vanishing-gradients lab's default network: ten hidden layers of 16 units, Xavier initialisation. */
export const DEEP_NET = {depth: 10, width: 16, init: "xavier"} as const;
/** "Alive": the first layer still receives at least a tenth of the output layer's gradient. */
export const ALIVE_RATIO = 0.1;
export const DEPTH_CHOICES = ["sigmoid", "relu"] as const satisfies readonly ActivationId[];
type DepthChoice = (typeof DEPTH_CHOICES)[number];

/** First-to-last gradient-norm ratio of the deep net at initialisation, as the lab measures it. */
export function depthRatio(activation: ActivationId): number {
  return gradientNormsAtInit({...DEEP_NET, activation}).ratio ?? 0;
}

export const DEPTH_STRINGS = {
  title: "Ten layers deep",
  sigmoid: "Sigmoid",
  relu: "ReLU",
  prompt: "A network has {depth} hidden layers of {width} units. Which hidden activation keeps the gradient alive all the way back to the first layer: {choices}?",
  choose: "Pick one of the activations.",
  correct: "Correct: with {name} the first layer still gets {ratio} times the output layer's gradient.",
  wrong: "With {name} the first layer gets only {ratio} times the output layer's gradient. Each layer multiplies the backward signal by τ′: how large can {name}'s derivative be?",
  worked: "Backpropagation multiplies the gradient by τ′ once per layer. The sigmoid's τ′ is at most 1/4, so ten layers shrink it to {sigmoidRatio} of the last layer's; ReLU's τ′ is 1 wherever a unit is active, and the first layer keeps {reluRatio}."
};

export const depthExercise: Exercise<string, typeof DEPTH_STRINGS> = {
  id: "vanishing-ten-layers",
  page: "activations",
  strings: DEPTH_STRINGS,
  prompt(lang?: Lang) {
    const t = exerciseText("vanishing-ten-layers", DEPTH_STRINGS, lang);
    return t("prompt", {depth: DEEP_NET.depth, width: DEEP_NET.width, choices: DEPTH_CHOICES.map((id) => t(id)).join(", ")});
  },
  check(choice, lang) {
    const t = exerciseText("vanishing-ten-layers", DEPTH_STRINGS, lang);
    if (!DEPTH_CHOICES.includes(choice as DepthChoice)) return feedback(false, t("choose"));
    const id = choice as DepthChoice;
    const ratio = depthRatio(id);
    // The choices' names are the exercise's own strings, so a catalogue translates them.
    const name = t(id);
    return ratio >= ALIVE_RATIO ? feedback(true, t("correct", {name, ratio})) : feedback(false, t("wrong", {name, ratio}));
  },
  worked: (lang?: Lang) => exerciseText("vanishing-ten-layers", DEPTH_STRINGS, lang)("worked", {sigmoidRatio: depthRatio("sigmoid"), reluRatio: depthRatio("relu")})
};
