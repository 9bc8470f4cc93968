/** Playground page: the spiral to ≥ 95 % test accuracy with a small network, checked on the live session. */
import type {PlaygroundConfig} from "../../playground/config.js";
import {FEATURE_LABELS} from "../../playground/features.js";
import type {Architecture, Hyperparameters} from "../../playground/training.js";
import type {Lang} from "../strings.js";
import {exerciseText, feedback, type Exercise} from "./types.js";

export const SPIRAL_CHALLENGE = {
  maxNeurons: 12,
  targetAccuracy: 0.95,
  /** Enough test points that 95 % is not luck. */
  minTestPoints: 100
} as const;

/**
 * What the check reads: the page's settings and where training stands. A live
 * training session has this shape, and so has what a page reads off the
 * playground's `.value` (the exercise widget adapts it): only these fields.
 */
export interface ChallengeState {
  config: Pick<PlaygroundConfig, "dataset" | "points" | "train">;
  session: {
    architecture: Pick<Architecture, "layers">;
    diverged: boolean;
    evaluate(): {test: {accuracy: number}};
  };
}

/** One solution, for the worked answer (the unit tests train it and check it). */
export const SPIRAL_SOLUTION: {architecture: Omit<Architecture, "classes" | "seed">; hyper: Hyperparameters; epochs: number} = {
  architecture: {features: ["x1", "x2", "sinx1", "sinx2"], layers: [8, 4], activation: "tanh"},
  hyper: {loss: "cross-entropy", learningRate: 0.03, batchSize: 10, optimizer: "adam", l1: 0, l2: 0},
  epochs: 100
};

const testPoints = (config: ChallengeState["config"]) => config.points - Math.round((config.points * config.train) / 100);

export const SPIRAL_STRINGS = {
  title: "Spiral challenge",
  prompt: "Train a network on the Spiral dataset to at least {target} % test accuracy, using at most {max} hidden neurons in all.",
  notSpiral: "Choose the Spiral dataset first.",
  fewPoints: "The test set has only {test} points; use more points or a smaller training share so that it has at least {min}.",
  tooMany: "Your network has {neurons} hidden neurons; the challenge allows at most {max}. Fewer, better-fed neurons can do it.",
  diverged: "Training diverged: lower the learning rate, reset and train again.",
  notYet: "Test accuracy is {accuracy} %, below {target} %. Give the network more to work with (other input features than x₁ and x₂), or try another optimiser, and keep training.",
  correct: "Solved: {accuracy} % test accuracy on the spiral with {neurons} hidden neurons.",
  and: " and ",
  worked: "One way: input features {features}; hidden layers {layers} ({neurons} neurons), {activation}; {optimizer} at learning rate {lr}, batch {batch}. About {epochs} epochs reach {target} % test accuracy on the default 500 points. The sines bend the boundary around the arms, so few neurons suffice."
};

export const spiralExercise: Exercise<ChallengeState, typeof SPIRAL_STRINGS> = {
  id: "playground-spiral",
  page: "playground",
  strings: SPIRAL_STRINGS,
  prompt: (lang?: Lang) => exerciseText("playground-spiral", SPIRAL_STRINGS, lang)("prompt", {target: 100 * SPIRAL_CHALLENGE.targetAccuracy, max: SPIRAL_CHALLENGE.maxNeurons}),
  check({config, session}, lang) {
    const t = exerciseText("playground-spiral", SPIRAL_STRINGS, lang);
    const C = SPIRAL_CHALLENGE;
    if (config.dataset !== "spiral") return feedback(false, t("notSpiral"));
    const test = testPoints(config);
    if (test < C.minTestPoints) return feedback(false, t("fewPoints", {test, min: C.minTestPoints}));
    const neurons = session.architecture.layers.reduce((a, b) => a + b, 0);
    if (neurons > C.maxNeurons) return feedback(false, t("tooMany", {neurons, max: C.maxNeurons}));
    if (session.diverged) return feedback(false, t("diverged"));
    const accuracy = session.evaluate().test.accuracy;
    const percent = Number((100 * accuracy).toFixed(1));
    // NaN (nothing to test on) fails the comparison too.
    if (!(accuracy >= C.targetAccuracy)) return feedback(false, t("notYet", {accuracy: percent, target: 100 * C.targetAccuracy}));
    return feedback(true, t("correct", {accuracy: percent, neurons}));
  },
  worked(lang) {
    const {architecture: a, hyper: h, epochs} = SPIRAL_SOLUTION;
    const t = exerciseText("playground-spiral", SPIRAL_STRINGS, lang);
    return t("worked", {
      features: a.features.map((id) => FEATURE_LABELS[id]).join(", "),
      layers: a.layers.join(t("and")),
      neurons: a.layers.reduce((x, y) => x + y, 0),
      activation: a.activation,
      optimizer: h.optimizer === "adam" ? "Adam" : h.optimizer,
      lr: h.learningRate,
      batch: h.batchSize,
      epochs,
      target: 100 * SPIRAL_CHALLENGE.targetAccuracy
    });
  }
};
