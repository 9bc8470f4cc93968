import {describe, expect, it} from "vitest";
import {EXERCISES, exerciseById, exercisesOn} from "../../src/components/course/exercises/index.js";
import {ALIVE_RATIO, DEPTH_CHOICES, DEPTH_STRINGS, depthExercise, depthRatio, SLOPE_QUESTION, SLOPE_STRINGS, sigmoidSlopeExercise} from "../../src/components/course/exercises/activations.js";
import {BACKPROP_STRINGS, backpropExercise} from "../../src/components/course/exercises/backpropagation.js";
import {ONE_STEP_STRINGS, oneStepExercise, oneStepRate, twoUpdatesExercise} from "../../src/components/course/exercises/gradient-descent.js";
import {TRIBE_STRINGS, TRIBES, tribeExercise} from "../../src/components/course/exercises/home.js";
import {lectureParametersExercise, PARAMETER_STRINGS, smallParametersExercise} from "../../src/components/course/exercises/mnist.js";
import {PERCEPTRON_STRINGS, perceptronExercise, type Blanks, type SingleUnitGate} from "../../src/components/course/exercises/perceptron.js";
import {SPIRAL_CHALLENGE, SPIRAL_SOLUTION, SPIRAL_STRINGS, spiralExercise} from "../../src/components/course/exercises/playground.js";
import {COURSE_PAGES, parseCount, type Exercise, type ExerciseStrings} from "../../src/components/course/exercises/types.js";
import {formatNumber} from "../../src/components/course/format.js";
import {registerMessages} from "../../src/components/course/strings.js";
import {XOR_STRINGS, xorExercise} from "../../src/components/course/exercises/xor-mlp.js";
import {exerciseIterates, GD_EXERCISE_STRINGS} from "../../src/components/course/gd-exercise.js";
import {sigmoidWithSlope, sigmoid} from "../../src/components/nn/activations.js";
import {backpropSteps, DEFAULT_EXAMPLE, DEFAULT_PARAMETERS, finiteDifferences, forwardPass, gradientsOf} from "../../src/components/nn/backprop-steps.js";
import {HAND_WEIGHTS} from "../../src/components/nn/gates.js";
import {XOR_COMPOSITION} from "../../src/components/nn/xor-composition.js";
import {LECTURE_RECIPE, parameterCount} from "../../src/components/mnist/recipe.js";
import {generateDataset, splitTrainTest} from "../../src/components/playground/datasets.js";
import {createSession, type Architecture} from "../../src/components/playground/training.js";

/** Whether a message is the template filled in: the template's text around its {slots} in order. */
function fromTemplate(message: string, template: string): boolean {
  const pattern = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&")).join("[^]+?");
  return new RegExp(`^${pattern}$`).test(message);
}

const blanks = (w: {w1: number; w2: number; b: number}): Blanks => ({w1: String(w.w1), w2: String(w.w2), b: String(w.b)});

describe("the exercise catalogue", () => {
  it("has at least eight exercises with unique ids, covering every course page but the instructors'", () => {
    expect(EXERCISES.length).toBeGreaterThanOrEqual(8);
    expect(new Set(EXERCISES.map((e) => e.id)).size).toBe(EXERCISES.length);
    const pages = COURSE_PAGES.filter((page) => exercisesOn(page).length > 0);
    expect(pages).toEqual(COURSE_PAGES.filter((p) => p !== "instructors"));
    // The two existing exercises are in it, under the ids they already report to an LMS.
    expect(exerciseById("gd-quiz")).toBe(twoUpdatesExercise);
    expect(exerciseById("perceptron-blanks")).toBe(perceptronExercise);
  });

  it.each(EXERCISES.map((e) => [e.id, e] as const))("%s keeps plain strings in one object and fills its prompt and worked answer", (_id, exercise) => {
    const strings: ExerciseStrings = exercise.strings;
    for (const key of ["title", "prompt", "correct", "worked"]) expect(typeof strings[key]).toBe("string");
    for (const value of Object.values(strings)) expect(typeof value).toBe("string");
    for (const text of [exercise.prompt(), exercise.worked()]) {
      expect(text).not.toMatch(/\{\w+\}|NaN|undefined|Infinity/);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(fromTemplate(exercise.prompt(), strings.prompt)).toBe(true);
    expect(fromTemplate(exercise.worked(), strings.worked)).toBe(true);
  });
});

interface Case<A> {
  exercise: Exercise<A>;
  right: A[];
  /** A wrong answer and the template of the hint it must get. */
  wrong: [A, string][];
  /** Text of the right answer, which no hint may give away. */
  answerText?: string;
}

const backprop = (() => {
  const f = forwardPass(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
  const steps = backpropSteps(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE);
  const grads = gradientsOf(steps);
  return {f, w1: grads.w1, dEdh: steps.find((s) => s.id === "dE/dh")!.value, grads};
})();

const slope = (() => {
  const {beta, s} = SLOPE_QUESTION;
  const tau = sigmoidWithSlope(beta);
  const h = 1e-6;
  // A central difference: the answer does not lean on the derivative formula being checked.
  const numeric = (tau.f(s + h) - tau.f(s - h)) / (2 * h);
  const plain = sigmoid.f(s);
  return {numeric, value: tau.f(s), plainSlope: beta * plain * (1 - plain)};
})();

const cases: Case<never>[] = [
  {
    exercise: perceptronExercise,
    right: (["and", "nand", "or", "nor"] as SingleUnitGate[]).map((gate) => ({gate, blanks: blanks(HAND_WEIGHTS[gate]!)})),
    wrong: [
      [{gate: "and", blanks: {w1: "0.5", w2: "0.5", b: "-0.2"}}, `${PERCEPTRON_STRINGS.wrong} ${PERCEPTRON_STRINGS.lower}`],
      [{gate: "or", blanks: {w1: "0.5", w2: "0.5", b: "-0.7"}}, `${PERCEPTRON_STRINGS.wrong} ${PERCEPTRON_STRINGS.raise}`],
      [{gate: "and", blanks: {w1: "0.5", w2: "", b: "-0.7"}}, PERCEPTRON_STRINGS.blank]
    ]
  },
  {
    exercise: xorExercise,
    right: [
      {s1: blanks(XOR_COMPOSITION.hidden[0]), s2: blanks(XOR_COMPOSITION.hidden[1])},
      // The output is AND, so the hidden units may come in either order.
      {s1: blanks(XOR_COMPOSITION.hidden[1]), s2: blanks(XOR_COMPOSITION.hidden[0])}
    ],
    wrong: [
      [{s1: blanks(HAND_WEIGHTS.or!), s2: blanks(HAND_WEIGHTS.or!)}, `${XOR_STRINGS.wrong} ${XOR_STRINGS.nudge}`],
      [{s1: blanks(HAND_WEIGHTS.nand!), s2: {w1: "x", w2: "1", b: "0"}}, XOR_STRINGS.blank]
    ],
    answerText: String(XOR_COMPOSITION.hidden[0].b)
  },
  {
    exercise: twoUpdatesExercise,
    right: [String(Number(exerciseIterates()[2].toFixed(10)))],
    wrong: [
      [String(Number(exerciseIterates()[1].toFixed(10))), GD_EXERCISE_STRINGS.oneUpdate],
      ["1.5", GD_EXERCISE_STRINGS.wrong.replace("{hint}", GD_EXERCISE_STRINGS.nudge)],
      ["abc", GD_EXERCISE_STRINGS.notNumber]
    ],
    answerText: "1.92"
  },
  {
    exercise: oneStepExercise,
    right: [String(oneStepRate()), "0.50", "0,5"],
    wrong: [
      ["0.1", ONE_STEP_STRINGS.tooSmall],
      ["0.8", ONE_STEP_STRINGS.tooLarge],
      ["−1", ONE_STEP_STRINGS.notPositive],
      ["half", ONE_STEP_STRINGS.notNumber]
    ],
    answerText: "0.5 "
  },
  {
    exercise: backpropExercise,
    right: [backprop.w1.toPrecision(3), backprop.w1.toPrecision(6)],
    wrong: [
      [backprop.dEdh.toPrecision(4), BACKPROP_STRINGS.missingA],
      [((backprop.f.y - backprop.f.t) * backprop.f.a[0]).toPrecision(4), BACKPROP_STRINGS.missingSlope],
      [`−${backprop.w1.toPrecision(3)}`, BACKPROP_STRINGS.sign],
      ["0.5", BACKPROP_STRINGS.wrong]
    ],
    answerText: backprop.w1.toPrecision(3)
  },
  {
    exercise: sigmoidSlopeExercise,
    right: [slope.numeric.toPrecision(3), slope.numeric.toPrecision(5)],
    wrong: [
      [slope.value.toPrecision(4), SLOPE_STRINGS.value],
      [(slope.numeric / SLOPE_QUESTION.beta).toPrecision(4), SLOPE_STRINGS.missingBeta],
      [slope.plainSlope.toPrecision(4), SLOPE_STRINGS.plainSigmoid],
      ["0.9", SLOPE_STRINGS.wrong]
    ],
    answerText: slope.numeric.toPrecision(3)
  },
  {
    exercise: depthExercise,
    right: ["relu"],
    wrong: [
      ["sigmoid", DEPTH_STRINGS.wrong],
      ["maxout", DEPTH_STRINGS.choose]
    ]
  },
  {
    exercise: lectureParametersExercise,
    right: ["269,322", "269322", " 269 322 "],
    wrong: [
      [String(parameterCount(LECTURE_RECIPE) - 256 - 256 - 10), PARAMETER_STRINGS.weightsOnly],
      ["522", PARAMETER_STRINGS.biasesOnly],
      ["200960", PARAMETER_STRINGS.wrong],
      ["269.322", PARAMETER_STRINGS.notCount]
    ],
    answerText: "269"
  },
  {
    exercise: smallParametersExercise,
    right: [String(784 * 100 + 100 + 100 * 10 + 10)],
    wrong: [
      [String(784 * 100 + 100 * 10), PARAMETER_STRINGS.weightsOnly],
      ["1000", PARAMETER_STRINGS.wrong]
    ]
  },
  {
    exercise: tribeExercise,
    right: ["connectionists"],
    wrong: [...TRIBES.filter((t) => t !== "connectionists").map((t) => [t, TRIBE_STRINGS.wrong] as [string, string]), ["perceptronists", TRIBE_STRINGS.choose]],
    answerText: "onnectionist"
  }
] as unknown as Case<never>[];

describe.each(cases.map((c) => [c.exercise.id, c] as const))("exercise %s", (_id, {exercise, right, wrong, answerText}) => {
  it.each(right.map((a) => [JSON.stringify(a), a] as const))("accepts %s", (_label, answer) => {
    const result = exercise.check(answer);
    expect(result.correct).toBe(true);
    expect(fromTemplate(result.message, exercise.strings.correct)).toBe(true);
  });
  it.each(wrong.map(([a, hint]) => [JSON.stringify(a), a, hint] as const))("rejects %s with its hint", (_label, answer, hint) => {
    const result = exercise.check(answer);
    expect(result.correct).toBe(false);
    expect(result.message, result.message).toSatisfy((m: string) => fromTemplate(m, hint));
    // Every slot got its value (the strings hook leaves a missing one visible).
    expect(result.message).not.toMatch(/\{\w+\}/);
    if (answerText) expect(result.message).not.toContain(answerText);
  });
});

describe("the numbers behind the exercises", () => {
  it("the one-step rate on y = x² is the lecture's 0.5, and the worked answer lands on 0", () => {
    expect(oneStepRate()).toBe(0.5);
    expect(oneStepExercise.worked()).toMatch(/= 0\.$/);
  });
  it("∂E/∂w₁ agrees with a finite difference of the loss", () => {
    const row = finiteDifferences(DEFAULT_PARAMETERS, DEFAULT_EXAMPLE, backprop.grads).find((r) => r.parameter === "w1")!;
    expect(row.difference).toBeLessThan(1e-8);
  });
  it("exactly one of the choices keeps the gradient alive through ten layers, and it is ReLU", () => {
    const alive = DEPTH_CHOICES.filter((id) => depthRatio(id) >= ALIVE_RATIO);
    expect(alive).toEqual(["relu"]);
    expect(depthRatio("sigmoid")).toBeLessThan(1e-4);
  });
  it("the lecture's MLP has 269,322 parameters", () => {
    expect(parameterCount(LECTURE_RECIPE)).toBe(269_322);
    expect(lectureParametersExercise.worked()).toBe("784·256 + 256 = 200,960; 256·256 + 256 = 65,792; 256·10 + 10 = 2,570; in all 269,322.");
  });
  it("passes its messages through the strings hook, so another language can replace them", () => {
    registerMessages("ko", "exercise.backprop-dw1", {correct: "정답: ∂E/∂w₁ = {answer}."});
    const right = backprop.w1.toPrecision(3);
    expect(backpropExercise.check(right, "ko").message).toBe(`정답: ∂E/∂w₁ = ${formatNumber(backprop.w1)}.`);
    // Untranslated keys fall back to English.
    expect(backpropExercise.check("abc", "ko").message).toBe(BACKPROP_STRINGS.notNumber);
    expect(backpropExercise.check(right).message).toBe(`Correct: ∂E/∂w₁ = ${formatNumber(backprop.w1)}.`);
  });
  it("matches messages to templates strictly", () => {
    expect(fromTemplate("Not yet: (0, 0) gives 1.", "Not yet: {rows}.")).toBe(true);
    expect(fromTemplate("Not yet.", "Not yet: {rows}.")).toBe(false);
    expect(fromTemplate("Correct: 3 parameters. Extra", PARAMETER_STRINGS.correct)).toBe(false);
  });
  it("reads counts the way people type them", () => {
    expect(["12345", "12,345", "12 345", "12_345"].map(parseCount)).toEqual([12345, 12345, 12345, 12345]);
    expect(["12,34", "1.5", "", "-3", "1,2345"].map(parseCount)).toEqual([null, null, null, null, null]);
  });
});

describe("the spiral challenge, checked on a real playground session", () => {
  const config = {dataset: "spiral" as const, points: 500, train: 50};
  const data = splitTrainTest(generateDataset("spiral", {count: config.points, noise: 0, seed: 1}), config.train / 100, 1);
  const architecture: Architecture = {...SPIRAL_SOLUTION.architecture, classes: 2, seed: 1};

  it("is not solved before training, and is solved by the worked answer's network", () => {
    const session = createSession(architecture, SPIRAL_SOLUTION.hyper, data);
    const before = spiralExercise.check({config, session});
    expect(before.correct).toBe(false);
    expect(fromTemplate(before.message, SPIRAL_STRINGS.notYet)).toBe(true);
    for (let e = 0; e < SPIRAL_SOLUTION.epochs; ++e) session.runEpoch();
    expect(session.evaluate().test.accuracy).toBeGreaterThanOrEqual(SPIRAL_CHALLENGE.targetAccuracy);
    const after = spiralExercise.check({config, session});
    expect(after).toMatchObject({correct: true});
    expect(fromTemplate(after.message, SPIRAL_STRINGS.correct)).toBe(true);
  });

  it("names what is wrong: dataset, test-set size, neuron budget", () => {
    const big = createSession({...architecture, layers: [8, 8]}, SPIRAL_SOLUTION.hyper, data);
    const cases: [Parameters<typeof spiralExercise.check>[0], string][] = [
      [{config: {...config, dataset: "circle"}, session: big}, SPIRAL_STRINGS.notSpiral],
      [{config: {...config, points: 100}, session: big}, SPIRAL_STRINGS.fewPoints],
      [{config, session: big}, SPIRAL_STRINGS.tooMany]
    ];
    for (const [state, hint] of cases) {
      const result = spiralExercise.check(state);
      expect(result.correct).toBe(false);
      expect(fromTemplate(result.message, hint), result.message).toBe(true);
    }
  });
});
