/**
 * The site's SCORM reporting against a real SCORM 1.2 run-time (scorm-again,
 * the kind an LMS installs as window.API), not a hand-made fake.
 */
// The package root: its "scorm12" subpath declares a default export that its ES module does not have.
import {Scorm12API} from "scorm-again";
import {afterEach, describe, expect, it} from "vitest";
import {EXERCISES} from "../../src/components/course/exercises/index.js";
import {reportExercise, resetExercises} from "../../src/components/course/scorm.js";

// No commit URL: the run-time keeps the data model locally, as a test LMS.
const runtime = () => new Scorm12API({lmsCommitUrl: false, autocommit: false, logLevel: 5});

describe("scores reaching a SCORM 1.2 run-time", () => {
  afterEach(() => resetExercises());

  it("reports the page's exercises as one score and completes when all are right", () => {
    const api = runtime();
    const [first, second] = EXERCISES.map((e) => e.id);
    expect(reportExercise(first, 1, 1, api)).toBe(true);
    expect(reportExercise(second, 0, 1, api)).toBe(true);
    expect(api.LMSGetLastError()).toBe("0");
    expect(api.LMSGetValue("cmi.core.score.raw")).toBe("50");
    expect(api.LMSGetValue("cmi.core.lesson_status")).toBe("incomplete");
    reportExercise(second, 1, 1, api);
    expect(api.LMSGetValue("cmi.core.score.raw")).toBe("100");
    expect(api.LMSGetValue("cmi.core.lesson_status")).toBe("completed");
    expect(api.LMSGetValue("cmi.core.score.max")).toBe("100");
  });
});
