import {expect, test} from "vitest";
import {checkGate, parseBlank, programOutput, programTemplate} from "../../src/components/course/perceptron-exercise.js";
import {HAND_WEIGHTS} from "../../src/components/nn/gates.js";

test("blanks accept what Python would, including a typographic minus", () => {
  expect(parseBlank("0.5")).toEqual({value: 0.5});
  expect(parseBlank(" -0.7 ")).toEqual({value: -0.7});
  expect(parseBlank("\u22120.7")).toEqual({value: -0.7});
  expect(parseBlank(".5")).toEqual({value: 0.5});
  expect(parseBlank("1e-1")).toEqual({value: 0.1});
  expect(parseBlank("")).toEqual({error: "is still blank"});
  for (const bad of ["???", "0x10", "Infinity", "1,5", "--1", "NaN"]) expect(parseBlank(bad)).toHaveProperty("error");
  expect(parseBlank("1e400")).toEqual({error: "is too large"});
});

test("the program prints the lecture's AND output with the lecture's weights", () => {
  expect(programOutput("and", HAND_WEIGHTS.and!)).toEqual(["0 AND 0 -> 0", "0 AND 1 -> 0", "1 AND 0 -> 0", "1 AND 1 -> 1"]);
  expect(programOutput("nand", HAND_WEIGHTS.nand!)).toEqual(["0 NAND 0 -> 1", "0 NAND 1 -> 1", "1 NAND 0 -> 1", "1 NAND 1 -> 0"]);
});

test("the program text names the gate and leaves exactly three blanks", () => {
  const parts = programTemplate("or");
  expect(parts.filter((p) => typeof p !== "string")).toEqual([{blank: "w1"}, {blank: "w2"}, {blank: "b"}]);
  const text = parts.map((p) => (typeof p === "string" ? p : "___")).join("");
  expect(text).toContain("def OR(x1, x2):");
  expect(text).toContain("w = [___, ___]");
  expect(text).toContain('print(f"{x1} OR {x2} -> {OR(x1, x2)}")');
});

test("the check accepts any weights that work and names the rows that do not", () => {
  expect(checkGate("and", {w1: 1, w2: 1, b: -1.5})).toEqual({solved: true, wrong: [], misses: []});
  expect(checkGate("or", HAND_WEIGHTS.or!).solved).toBe(true);
  // AND's weights used for OR: (1,0) and (0,1) come out 0.
  expect(checkGate("or", HAND_WEIGHTS.and!)).toEqual({
    solved: false,
    wrong: ["(1, 0) gives 0, should be 1", "(0, 1) gives 0, should be 1"],
    misses: [
      {x1: 1, x2: 0, output: 0, expected: 1},
      {x1: 0, x2: 1, output: 0, expected: 1}
    ]
  });
  // A sum of exactly 0 is not > 0: w = (0.5, 0.5), b = −1 gives 0 on (1, 1).
  expect(checkGate("and", {w1: 0.5, w2: 0.5, b: -1}).wrong).toEqual(["(1, 1) gives 0, should be 1"]);
  // No weights solve XOR; the hand weights of OR get (1,1) wrong.
  expect(checkGate("xor", HAND_WEIGHTS.or!).wrong).toEqual(["(1, 1) gives 1, should be 0"]);
});
