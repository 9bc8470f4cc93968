/** Korean for the perceptron and XOR pages' widgets and exercises. */

export const koPerceptron = {};
