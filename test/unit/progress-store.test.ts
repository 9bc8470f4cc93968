import {afterEach, describe, expect, it, vi} from "vitest";
import {EXERCISES} from "../../src/components/course/exercises/index.js";
import {createProgressStore, PROGRESS_KEY, type ProgressStorage} from "../../src/components/course/progress-store.js";

/** An in-memory Storage with the same string semantics. */
function memoryStorage(): ProgressStorage & {data: Map<string, string>} {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key)
  };
}

const throwing: ProgressStorage = {
  getItem: () => {
    throw new DOMException("blocked", "SecurityError");
  },
  setItem: () => {
    throw new DOMException("blocked", "SecurityError");
  },
  removeItem: () => {
    throw new DOMException("blocked", "SecurityError");
  }
};

describe("progress kept in this browser", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("remembers exercises done across stores (a reload) under one namespaced key, and clears them", () => {
    const storage = memoryStorage();
    const first = createProgressStore(storage);
    const [a, b] = EXERCISES.map((e) => e.id);
    first.markDone(a);
    first.markDone(b);
    first.markDone(a);
    expect([...storage.data.keys()]).toEqual([PROGRESS_KEY]);
    const reloaded = createProgressStore(storage);
    expect(reloaded.done()).toEqual([a, b]);
    expect(reloaded.isDone(b)).toBe(true);
    expect(reloaded.persistent).toBe(true);
    reloaded.clear();
    expect(storage.data.size).toBe(0);
    expect(createProgressStore(storage).done()).toEqual([]);
  });

  it("accepts every exercise id of the catalogue", () => {
    const store = createProgressStore(memoryStorage());
    for (const e of EXERCISES) store.markDone(e.id);
    expect(store.done()).toEqual(EXERCISES.map((e) => e.id));
    expect(() => store.markDone("<script>")).toThrow(RangeError);
  });

  it("ignores what is not its own format in storage", () => {
    for (const text of ["not json", "[1,2]", '{"done": "x"}', '{"done": [1, null, "ok-id", "ok-id", "<b>"]}', "null"]) {
      const storage = memoryStorage();
      storage.setItem(PROGRESS_KEY, text);
      expect(createProgressStore(storage).done(), text).toEqual(text.includes("ok-id") ? ["ok-id"] : []);
    }
  });

  it("works in memory when storage throws (private mode, blocked)", () => {
    const store = createProgressStore(throwing);
    expect(store.done()).toEqual([]);
    store.markDone("home-tribe");
    expect(store.isDone("home-tribe")).toBe(true);
    expect(store.persistent).toBe(false);
    store.clear();
    expect(store.done()).toEqual([]);
  });

  it("keeps ticks for the page when writing fails (quota exceeded)", () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException("full", "QuotaExceededError");
    };
    const store = createProgressStore(storage);
    store.markDone("gd-quiz");
    expect(store.done()).toEqual(["gd-quiz"]);
    expect(store.persistent).toBe(false);
  });

  it("uses localStorage when there is one, and none when reading it throws or it is missing", () => {
    const storage = memoryStorage();
    vi.stubGlobal("localStorage", storage);
    createProgressStore().markDone("sigmoid-slope");
    expect(storage.data.get(PROGRESS_KEY)).toBe('{"done":["sigmoid-slope"]}');
    vi.unstubAllGlobals();
    Object.defineProperty(globalThis, "localStorage", {configurable: true, get: () => {
      throw new DOMException("denied", "SecurityError");
    }});
    try {
      const store = createProgressStore();
      expect(store.persistent).toBe(false);
      store.markDone("home-tribe");
      expect(store.done()).toEqual(["home-tribe"]);
    } finally {
      delete (globalThis as {localStorage?: unknown}).localStorage;
    }
    expect(createProgressStore().persistent).toBe(false);
  });
});
