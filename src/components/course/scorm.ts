/**
 * Exercise scores for learning-management systems. When a page runs inside an
 * LMS that offers the SCORM 1.2 API (`window.API` on this window or one of its
 * parents/openers), exercises report completion and score through it; when it
 * does not, every call here does nothing.
 */

/** The part of the SCORM 1.2 run-time API the site uses. */
export interface Scorm12Api {
  LMSInitialize(arg: ""): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ""): string;
  LMSFinish(arg: ""): string;
}

function isApi(value: unknown): value is Scorm12Api {
  return typeof value === "object" && value !== null && typeof (value as Scorm12Api).LMSSetValue === "function" && typeof (value as Scorm12Api).LMSInitialize === "function";
}

/** Finds the SCORM 1.2 API up the frame chain (the standard search, at most 10 levels), or null. */
export function findScormApi(start: Window | null = typeof window === "undefined" ? null : window): Scorm12Api | null {
  let win: Window | null = start;
  for (let depth = 0; win && depth < 10; ++depth) {
    try {
      const api = (win as unknown as {API?: unknown}).API;
      if (isApi(api)) return api;
    } catch {
      // A cross-origin parent cannot be read; there is no API we may use there.
      return null;
    }
    if (win.parent && win.parent !== win) win = win.parent;
    else if (win.opener) win = win.opener as Window;
    else break;
  }
  return null;
}

/** Results of every exercise on the page, combined into one SCORM score. */
const results = new Map<string, {score: number; max: number}>();
let initialized: Scorm12Api | null = null;

/**
 * Records an exercise result (score out of max) and, inside an LMS, reports the
 * page's total score as a percentage and the lesson as completed or incomplete.
 * Returns whether an LMS received it.
 */
export function reportExercise(id: string, score: number, max: number, api: Scorm12Api | null = findScormApi()): boolean {
  const previous = results.get(id);
  // A learner's best attempt counts.
  if (!previous || score > previous.score) results.set(id, {score, max});
  if (!api) return false;
  if (initialized !== api) {
    api.LMSInitialize("");
    initialized = api;
    // SCORM 1.2 expects the session to be closed when the learner leaves the page.
    if (typeof addEventListener === "function") addEventListener("pagehide", () => api.LMSFinish(""), {once: true});
  }
  let total = 0;
  let possible = 0;
  for (const r of results.values()) {
    total += r.score;
    possible += r.max;
  }
  const percent = possible > 0 ? Math.round((100 * total) / possible) : 0;
  api.LMSSetValue("cmi.core.score.min", "0");
  api.LMSSetValue("cmi.core.score.max", "100");
  api.LMSSetValue("cmi.core.score.raw", String(percent));
  api.LMSSetValue("cmi.core.lesson_status", total >= possible ? "completed" : "incomplete");
  api.LMSCommit("");
  return true;
}

/** Forgets recorded results (tests, and a page's "start over"). */
export function resetExercises(): void {
  results.clear();
  initialized = null;
}
