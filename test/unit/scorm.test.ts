import {beforeEach, expect, test} from "vitest";
import {findScormApi, reportExercise, resetExercises, type Scorm12Api} from "../../src/components/course/scorm.js";

function fakeApi() {
  const calls: string[] = [];
  const values = new Map<string, string>();
  const api: Scorm12Api = {
    LMSInitialize: () => (calls.push("init"), "true"),
    LMSGetValue: (k) => values.get(k) ?? "",
    LMSSetValue: (k, v) => (calls.push(`${k}=${v}`), values.set(k, v), "true"),
    LMSCommit: () => (calls.push("commit"), "true"),
    LMSFinish: () => (calls.push("finish"), "true")
  };
  return {api, calls, values};
}

beforeEach(() => resetExercises());

test("without an LMS nothing is reported", () => {
  expect(reportExercise("gd-quiz", 1, 1, null)).toBe(false);
});

test("scores reach the SCORM API: initialise once, percentage, status, commit", () => {
  const {api, calls, values} = fakeApi();
  expect(reportExercise("and", 1, 1, api)).toBe(true);
  expect(reportExercise("gd-quiz", 0, 1, api)).toBe(true);
  expect(calls.filter((c) => c === "init")).toHaveLength(1);
  expect(values.get("cmi.core.score.raw")).toBe("50");
  expect(values.get("cmi.core.lesson_status")).toBe("incomplete");
  reportExercise("gd-quiz", 1, 1, api);
  expect(values.get("cmi.core.score.raw")).toBe("100");
  expect(values.get("cmi.core.lesson_status")).toBe("completed");
  expect(calls.at(-1)).toBe("commit");
});

test("the API is found up the frame chain", () => {
  const {api} = fakeApi();
  const top = {API: api} as unknown as Window;
  (top as unknown as {parent: Window}).parent = top;
  const middle = {parent: top} as unknown as Window;
  const child = {parent: middle} as unknown as Window;
  expect(findScormApi(child)).toBe(api);
  expect(findScormApi({parent: null} as unknown as Window)).toBeNull();
});
