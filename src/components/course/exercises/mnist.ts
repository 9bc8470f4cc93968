/** MNIST page: parameter counts of the lecture's MLP and of a smaller one, from the recipe's own layer sizes. */
import {LECTURE_RECIPE, layerSizes, parameterCount} from "../../mnist/recipe.js";
import {formatCount} from "../format.js";
import type {Lang} from "../strings.js";
import {exerciseText, feedback, parseCount, type Exercise} from "./types.js";

export const PARAMETER_STRINGS = {
  title: "Count the parameters",
  prompt: "How many trainable parameters (weights and biases) does the MLP {sizes} have?",
  notCount: "Type a whole number, such as 12345 or 12,345.",
  correct: "Correct: {count} parameters.",
  weightsOnly: "You counted the weights. Every unit of a Linear layer also has a bias.",
  biasesOnly: "Those are the biases only; each Linear layer also has inputs × outputs weights.",
  wrong: "Not quite. Go layer by layer: a Linear layer from n inputs to m outputs has n·m weights and m biases; add up {layers}.",
  layer: "{n}·{m} + {m} = {count}",
  worked: "{terms}; in all {count}."
};

/** Both counting exercises share one set of messages, so one namespace. */
const messages = (lang?: Lang) => exerciseText("mnist-parameters", PARAMETER_STRINGS, lang);

function countExercise(id: string, hidden: number[]): Exercise<string, typeof PARAMETER_STRINGS> {
  const sizes = layerSizes({hidden});
  const pairs = sizes.slice(1).map((m, l) => ({n: sizes[l], m}));
  const total = parameterCount({hidden});
  const biases = pairs.reduce((s, p) => s + p.m, 0);
  return {
    id,
    page: "mnist",
    strings: PARAMETER_STRINGS,
    prompt: (lang?: Lang) => messages(lang)("prompt", {sizes: sizes.join("-")}),
    check(answer, lang) {
      const t = messages(lang);
      const value = parseCount(answer);
      if (value === null) return feedback(false, t("notCount"));
      if (value === total) return feedback(true, t("correct", {count: formatCount(total)}));
      if (value === total - biases) return feedback(false, t("weightsOnly"));
      if (value === biases) return feedback(false, t("biasesOnly"));
      return feedback(false, t("wrong", {layers: pairs.map((p) => `${p.n}→${p.m}`).join(", ")}));
    },
    worked(lang) {
      const t = messages(lang);
      return t("worked", {
        terms: pairs.map((p) => t("layer", {n: String(p.n), m: String(p.m), count: formatCount(p.n * p.m + p.m)})).join("; "),
        count: formatCount(total)
      });
    }
  };
}

/** 784-256-256-10: 269,322 parameters. */
export const lectureParametersExercise = countExercise("mnist-parameters", LECTURE_RECIPE.hidden.slice());
/** A single hidden layer of 100 units: a smaller network to count by the same rule. */
export const smallParametersExercise = countExercise("mnist-parameters-small", [100]);
