import {expect, test} from "vitest";
import {GATE_IDS, HAND_WEIGHTS, LECTURE_WEIGHT_GATES, truthTable} from "../../src/components/nn/gates.js";
import {perceptron} from "../../src/components/nn/perceptron.js";

test("truth tables of the five gates", () => {
  const outputs = (gate: (typeof GATE_IDS)[number]) => truthTable(gate).map((r) => r.y);
  // Rows (0,0), (1,0), (0,1), (1,1).
  expect(outputs("and")).toEqual([0, 0, 0, 1]);
  expect(outputs("nand")).toEqual([1, 1, 1, 0]);
  expect(outputs("or")).toEqual([0, 1, 1, 1]);
  expect(outputs("nor")).toEqual([1, 0, 0, 0]);
  expect(outputs("xor")).toEqual([0, 1, 1, 0]);
});

test("the lecture's hand weights compute exactly their gates", () => {
  for (const gate of ["and", "nand", "or", "nor"] as const) {
    const weights = HAND_WEIGHTS[gate]!;
    for (const row of truthTable(gate)) expect(perceptron(weights, row.x1, row.x2)).toBe(row.y);
  }
  expect(HAND_WEIGHTS.and).toEqual({w1: 0.5, w2: 0.5, b: -0.7});
  expect(HAND_WEIGHTS.or).toEqual({w1: 0.5, w2: 0.5, b: -0.2});
  expect(HAND_WEIGHTS.nand).toEqual({w1: -0.5, w2: -0.5, b: 0.7});
  expect(HAND_WEIGHTS.xor).toBeUndefined();
});

test("only AND, OR and NAND are credited to the lecture; NOR's weights are OR's negated", () => {
  expect([...LECTURE_WEIGHT_GATES].sort()).toEqual(["and", "nand", "or"]);
  expect(HAND_WEIGHTS.nor).toEqual({w1: -HAND_WEIGHTS.or!.w1, w2: -HAND_WEIGHTS.or!.w2, b: -HAND_WEIGHTS.or!.b});
});
