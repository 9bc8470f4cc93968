// The kernel's coalesced tasks: many requests before a frame (or an idle period) run the work once.
import {afterEach, beforeEach, describe, expect, test, vi} from "vitest";
import {frameTask, idleTask, settledTask} from "../../src/components/course/widget.js";

/** Stand-ins for the browser's frame and idle callbacks, run when the test says so. */
let frames: Map<number, () => void>;
let idles: Map<number, (deadline: IdleDeadline) => void>;
let next = 1;
const g = globalThis as unknown as Record<string, unknown>;

beforeEach(() => {
  frames = new Map();
  idles = new Map();
  g.requestAnimationFrame = (callback: () => void) => (frames.set(next, callback), next++);
  g.cancelAnimationFrame = (id: number) => frames.delete(id);
  g.requestIdleCallback = (callback: (deadline: IdleDeadline) => void) => (idles.set(next, callback), next++);
  g.cancelIdleCallback = (id: number) => idles.delete(id);
});
afterEach(() => {
  for (const name of ["requestAnimationFrame", "cancelAnimationFrame", "requestIdleCallback", "cancelIdleCallback"]) delete g[name];
});

function runFrame(): void {
  const due = [...frames.values()];
  frames.clear();
  for (const callback of due) callback();
}

describe("frameTask", () => {
  test("ten requests before a frame draw once, with the latest state", () => {
    let state = 0;
    const drawn: number[] = [];
    const task = frameTask(() => drawn.push(state));
    for (let k = 1; k <= 10; ++k) {
      state = k;
      task.request();
    }
    expect(frames.size).toBe(1);
    expect(drawn).toEqual([]);
    runFrame();
    expect(drawn).toEqual([10]);
    // A request after the frame gets a frame of its own.
    state = 11;
    task.request();
    runFrame();
    expect(drawn).toEqual([10, 11]);
  });

  test("flush runs pending work at once and only then; teardown cancels it", () => {
    let runs = 0;
    const controller = new AbortController();
    const task = frameTask(() => runs++, controller.signal);
    task.flush();
    expect(runs).toBe(0);
    task.request();
    task.flush();
    expect(runs).toBe(1);
    runFrame();
    expect(runs).toBe(1);
    task.request();
    controller.abort();
    runFrame();
    task.request();
    runFrame();
    expect(runs).toBe(1);
  });
});

describe("idleTask", () => {
  test("work is done in slices while the idle periods last, and a flush finishes it", () => {
    const done: number[] = [];
    // Each slice does one item per millisecond of idle time left, at least one.
    const task = idleTask((deadline) => {
      do done.push(done.length);
      while (done.length < 10 && deadline.timeRemaining() > done.length % 3);
      return done.length < 10;
    });
    task.request();
    task.request();
    expect(idles.size).toBe(1);
    const slice = () => {
      const [[id, callback]] = idles;
      idles.delete(id);
      callback({didTimeout: false, timeRemaining: () => 2});
    };
    slice();
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(10);
    expect(idles.size).toBe(1);
    task.flush();
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(idles.size).toBe(0);
  });
});

describe("settledTask", () => {
  test("runs once the requests have rested 120 ms, in an idle slice; flush runs it at once; teardown cancels it", () => {
    let now = 1000;
    const clock = vi.spyOn(performance, "now").mockImplementation(() => now);
    const controller = new AbortController();
    let runs = 0;
    const task = settledTask(() => runs++, controller.signal);
    const idleSlice = () => {
      const due = [...idles.values()];
      idles.clear();
      for (const callback of due) callback({didTimeout: false, timeRemaining: () => 5});
    };
    // A drag: a request every 16 ms for half a second, idle time between them.
    for (let k = 0; k < 30; ++k) {
      task.request();
      now += 16;
      idleSlice();
    }
    expect(runs).toBe(0);
    // The slider rests: the first idle slice 120 ms after the last request does the work, once.
    now += 60;
    idleSlice();
    expect(runs).toBe(0);
    now += 60;
    idleSlice();
    idleSlice();
    expect(runs).toBe(1);
    expect(idles.size).toBe(0);
    // flush does pending work now, without waiting, and a later idle slice does not repeat it.
    task.request();
    task.flush();
    expect(runs).toBe(2);
    now += 500;
    idleSlice();
    expect(runs).toBe(2);
    task.flush();
    expect(runs).toBe(2);
    task.request();
    controller.abort();
    now += 500;
    idleSlice();
    task.flush();
    expect(runs).toBe(2);
    clock.mockRestore();
  });
});
