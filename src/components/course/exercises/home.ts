/** Home page: where neural networks sit among the five tribes of machine learning the lecture names. */
import type {Lang} from "../strings.js";
import {exerciseText, feedback, type Exercise} from "./types.js";

export const TRIBES = ["symbolists", "evolutionaries", "connectionists", "analogizers", "bayesians"] as const;
export type Tribe = (typeof TRIBES)[number];

export const TRIBE_STRINGS = {
  title: "Which tribe?",
  prompt: "The perceptron and every network on this site learn by adjusting the weights of connections between units. Which of the five tribes of machine learning do they belong to: {choices}?",
  symbolists: "Symbolists",
  evolutionaries: "Evolutionaries",
  connectionists: "Connectionists",
  analogizers: "Analogizers",
  bayesians: "Bayesians",
  choose: "Pick one of the five tribes.",
  correct: "Correct: connectionists, who model learning on the brain's connections.",
  wrong: "Not this one: {tribe} learn by other means. Which tribe is named after what a network adjusts?",
  worked: "Connectionists. Symbolists learn rules and logic, evolutionaries evolve programs (genetic algorithms), analogizers reason from similar examples, Bayesians update probabilities; connectionists adjust connection weights, as a neural network does."
};

const ANSWER: Tribe = "connectionists";

export const tribeExercise: Exercise<string, typeof TRIBE_STRINGS> = {
  id: "home-tribe",
  page: "home",
  strings: TRIBE_STRINGS,
  prompt(lang?: Lang) {
    const t = exerciseText("home-tribe", TRIBE_STRINGS, lang);
    return t("prompt", {choices: TRIBES.map((tribe) => t(tribe)).join(", ")});
  },
  check(choice, lang) {
    const t = exerciseText("home-tribe", TRIBE_STRINGS, lang);
    if (!TRIBES.includes(choice as Tribe)) return feedback(false, t("choose"));
    if (choice === ANSWER) return feedback(true, t("correct"));
    return feedback(false, t("wrong", {tribe: t(choice as Tribe)}));
  },
  worked: (lang?: Lang) => exerciseText("home-tribe", TRIBE_STRINGS, lang)("worked")
};
