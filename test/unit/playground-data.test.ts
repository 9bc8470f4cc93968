import {describe, expect, test} from "vitest";
import {DATASET_IDS, datasetClasses, generateDataset, PLANE, splitTrainTest} from "../../src/components/playground/datasets.js";
import {FEATURE_IDS, featureVector} from "../../src/components/playground/features.js";
import {csvMessages, formatCsv, MAX_CSV_ROWS, parseCsv} from "../../src/components/playground/csv.js";
import {importWeights, weightsMessages} from "../../src/components/playground/network-io.js";
import {spiralExercise} from "../../src/components/course/exercises/playground.js";
import "../../src/components/course/messages-ko.js";
import {translator} from "../../src/components/course/strings.js";

describe("datasets", () => {
  test.each(DATASET_IDS)("%s: the same seed gives the same points; another seed other points", (id) => {
    const a = generateDataset(id, {count: 200, noise: 0.2, seed: 7, classes: 4});
    expect(generateDataset(id, {count: 200, noise: 0.2, seed: 7, classes: 4})).toEqual(a);
    expect(generateDataset(id, {count: 200, noise: 0.2, seed: 8, classes: 4})).not.toEqual(a);
    expect(a).toHaveLength(200);
    const classes = datasetClasses(id, 4);
    for (let c = 0; c < classes; ++c) expect(a.filter((p) => p.label === c).length).toBeGreaterThan(200 / classes / 2);
    expect(a.every((p) => Number.isFinite(p.x1) && Number.isFinite(p.x2) && Number.isInteger(p.label) && p.label >= 0 && p.label < classes)).toBe(true);
  });

  test("clean points stay on the plane and follow their dataset's rule", () => {
    for (const id of DATASET_IDS) {
      for (const p of generateDataset(id, {count: 300, noise: 0, seed: 3})) expect(Math.max(Math.abs(p.x1), Math.abs(p.x2))).toBeLessThanOrEqual(PLANE);
    }
    for (const p of generateDataset("circle", {count: 300, noise: 0, seed: 3})) expect(p.label).toBe(Math.hypot(p.x1, p.x2) < 2.5 ? 1 : 0);
    for (const p of generateDataset("xor", {count: 300, noise: 0, seed: 3})) expect(p.label).toBe(p.x1 * p.x2 >= 0 ? 1 : 0);
    const spiral = generateDataset("spiral", {count: 300, noise: 0, seed: 3});
    // The two arms are the same curve turned by half a turn.
    spiral.slice(0, 150).forEach((p, i) => {
      expect(spiral[150 + i].x1).toBeCloseTo(-p.x1, 12);
      expect(spiral[150 + i].x2).toBeCloseTo(-p.x2, 12);
    });
  });

  test("the train/test split is seeded and keeps every point once", () => {
    const points = generateDataset("gauss", {count: 101, noise: 0.1, seed: 1});
    const {train, test: held} = splitTrainTest(points, 0.3, 5);
    expect(train).toHaveLength(30);
    expect(held).toHaveLength(71);
    expect([...train, ...held].sort((a, b) => a.x1 - b.x1)).toEqual(points.slice().sort((a, b) => a.x1 - b.x1));
    expect(splitTrainTest(points, 0.3, 5)).toEqual({train, test: held});
    expect(splitTrainTest(points.slice(0, 2), 0.9, 1).test).toHaveLength(1);
  });
});

test("features are x₁, x₂, their squares, product and sines", () => {
  expect(Array.from(featureVector(FEATURE_IDS, 2, -3))).toEqual([2, -3, 4, 9, -6, Math.sin(2), Math.sin(-3)]);
  expect(Array.from(featureVector(["x2sq", "x1"], 0.5, 4))).toEqual([16, 0.5]);
});

describe("CSV import", () => {
  test("accepts a good file, with or without a header, commas, semicolons or tabs", () => {
    const good = "x1,x2,label\n1.5,-2,0\n\n0,0,1\r\n-6,6,4\n";
    expect(parseCsv(good)).toEqual({points: [{x1: 1.5, x2: -2, label: 0}, {x1: 0, x2: 0, label: 1}, {x1: -6, x2: 6, label: 4}], errors: []});
    expect(parseCsv("1;2;1\n3\t4\t0").points).toEqual([{x1: 1, x2: 2, label: 1}, {x1: 3, x2: 4, label: 0}]);
  });

  test("reports bad lines with their numbers and keeps the good ones", () => {
    const text = ["x1,x2,label", "1,2,0", "1,2", "abc,2,1", "1,NaN,1", "1,2,cat", "1,2,1.5", "1,2,-1", "9,0,1", "1,2,7", "3,4,1", "1,2,3,4"].join("\n");
    const {points, errors} = parseCsv(text);
    expect(points).toEqual([{x1: 1, x2: 2, label: 0}, {x1: 3, x2: 4, label: 1}]);
    expect(errors).toEqual([
      "line 3: expected 3 values (x1,x2,label), found 2",
      "line 4: x1 'abc' is not a number",
      "line 5: x2 'NaN' is not a number",
      "line 6: label 'cat' is not a whole number 0–4",
      "line 7: label '1.5' is not a whole number 0–4",
      "line 8: label '-1' is not a whole number 0–4",
      "line 9: x1 '9' is outside the plane −6…6",
      "line 10: label '7' is not a whole number 0–4",
      "line 12: expected 3 values (x1,x2,label), found 4"
    ]);
  });

  test("never throws on hostile input, caps rows and lists of problems", () => {
    expect(parseCsv("").errors).toEqual(["no data rows found (expected lines of x1,x2,label)"]);
    expect(parseCsv("<script>alert(1)</script>,1,1\n\u0000,😀,1").errors).toEqual([
      "line 1: x1 '<script>alert(1)</sc…' is not a number",
      "line 2: x1 '?' is not a number"
    ]);
    const many = Array.from({length: MAX_CSV_ROWS + 7}, (_, k) => `0,0,${k % 2}`).join("\n");
    const capped = parseCsv(many);
    expect(capped.points).toHaveLength(MAX_CSV_ROWS);
    expect(capped.errors).toEqual([`only the first ${MAX_CSV_ROWS} rows were kept; 7 more were ignored`]);
    const bad = parseCsv(["x1,x2,label", ...Array.from({length: 50}, () => "x,y,z")].join("\n"));
    expect(bad.errors).toHaveLength(21);
    expect(bad.errors[20]).toBe("… and 30 more bad lines");
  });

  test("exported points import back unchanged", () => {
    const points = generateDataset("blobs", {count: 40, noise: 0.1, seed: 2, classes: 5}).map((p) => ({...p, x1: +p.x1.toFixed(4), x2: +p.x2.toFixed(4)}));
    expect(parseCsv(formatCsv(points))).toEqual({points, errors: []});
  });
});

describe("the playground's reports in Korean", () => {
  test("bad CSV lines, a bad weights file and the spiral's worked answer come out in the Korean catalogue's words", () => {
    const {points, errors} = parseCsv("x1,x2,label\n1,2\n9,0,1\n0,0,cat\n1,1,1", MAX_CSV_ROWS, translator("playground-csv", csvMessages, "ko"));
    expect(points).toEqual([{x1: 1, x2: 1, label: 1}]);
    expect(errors).toEqual([
      "2번째 줄: 값이 3개(x₁, x₂, 클래스)여야 하는데 2개입니다",
      "3번째 줄: x1 값 '9'은(는) 평면 −6…6을 벗어납니다",
      "4번째 줄: 클래스 'cat'은(는) 0–4 사이의 정수가 아닙니다"
    ]);
    expect(parseCsv("", MAX_CSV_ROWS, translator("playground-csv", csvMessages, "ko")).errors).toEqual(["데이터 줄이 없습니다(한 줄에 x₁, x₂, 클래스가 있어야 합니다)"]);
    const ko = translator("playground-weights", weightsMessages, "ko");
    expect(importWeights("{not json", [2, 4, 1], ["x1", "x2"], "tanh", ko)).toEqual({ok: false, message: "올바른 JSON 파일이 아닙니다."});
    const other = JSON.stringify({format: "perceptron-to-mnist/playground-weights", version: 1, sizes: [2, 8, 1]});
    expect(importWeights(other, [2, 4, 1], ["x1", "x2"], "tanh", ko)).toMatchObject({message: expect.stringContaining("이 파일은 2-8-1 신경망의 것인데 지금 신경망은 2-4-1입니다.")});
    // The English reports stay the default.
    expect(parseCsv("1,2").errors).toEqual(["line 1: expected 3 values (x1,x2,label), found 2"]);
    expect(spiralExercise.worked("ko")).toContain("입력 특징은 x₁, x₂, sin x₁, sin x₂, 은닉층은 뉴런 8개와 4개(모두 12개)에 tanh");
    expect(spiralExercise.worked("en")).toContain("input features x₁, x₂, sin x₁, sin x₂; hidden layers 8 and 4 (12 neurons)");
  });
});
