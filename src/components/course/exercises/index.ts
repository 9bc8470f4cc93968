/**
 * Every checked exercise of the course, by page. Pages and widgets look an
 * exercise up here; its id is what an LMS and the progress store record.
 */
import {depthExercise, sigmoidSlopeExercise} from "./activations.js";
import {backpropExercise} from "./backpropagation.js";
import {oneStepExercise, twoUpdatesExercise} from "./gradient-descent.js";
import {tribeExercise} from "./home.js";
import {lectureParametersExercise, smallParametersExercise} from "./mnist.js";
import {perceptronExercise} from "./perceptron.js";
import {spiralExercise} from "./playground.js";
import type {CoursePage, Exercise} from "./types.js";
import {xorExercise} from "./xor-mlp.js";

export type {CoursePage, Exercise, ExerciseStrings, Feedback} from "./types.js";

/** In course order. */
export const EXERCISES: readonly Exercise<never>[] = [
  tribeExercise,
  perceptronExercise,
  xorExercise,
  twoUpdatesExercise,
  oneStepExercise,
  backpropExercise,
  sigmoidSlopeExercise,
  depthExercise,
  spiralExercise,
  lectureParametersExercise,
  smallParametersExercise
];

export function exercisesOn(page: CoursePage): Exercise<never>[] {
  return EXERCISES.filter((e) => e.page === page);
}

export function exerciseById(id: string): Exercise<never> | undefined {
  return EXERCISES.find((e) => e.id === id);
}
