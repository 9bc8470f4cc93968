import {describe, expect, test, vi} from "vitest";
import {parseState, serializeState, whenRested, type Schema} from "../../src/components/course/url-state.js";

const schema = {
  w1: {kind: "number", min: -2, max: 2, default: 0.5},
  epochs: {kind: "number", min: 1, max: 100, default: 10, integer: true},
  gate: {kind: "enum", values: ["and", "or", "xor"], default: "and"},
  discrete: {kind: "boolean", default: false},
  layers: {kind: "int-list", min: 1, max: 8, minLength: 0, maxLength: 6, default: [4, 2]}
} satisfies Schema;

describe("URL state", () => {
  test("missing parameters take defaults; unknown ones are ignored", () => {
    const {values, notices} = parseState(schema, "?foo=bar");
    expect(values).toEqual({w1: 0.5, epochs: 10, gate: "and", discrete: false, layers: [4, 2]});
    expect(notices).toEqual([]);
  });
  test("round-trips every setting", () => {
    const values = {w1: -1.25, epochs: 42, gate: "xor", discrete: true, layers: [8, 1, 3]};
    expect(parseState(schema, serializeState(schema, values))).toEqual({values, notices: []});
    expect(parseState(schema, serializeState(schema, {...values, layers: []})).values.layers).toEqual([]);
  });
  test("defaults are left out of the link", () => {
    expect(serializeState(schema, {w1: 0.5, epochs: 10, gate: "and", discrete: false, layers: [4, 2]})).toBe("");
    expect(serializeState(schema, {w1: 1}, "embed=1")).toBe("?embed=1&w1=1");
  });
  test("out-of-range and malformed values are clamped or replaced, with a notice each", () => {
    const {values, notices} = parseState(schema, "?w1=99&epochs=2.6&gate=%3Cscript%3E&discrete=maybe&layers=9,-1,x");
    expect(values).toEqual({w1: 2, epochs: 3, gate: "and", discrete: false, layers: [4, 2]});
    expect(notices).toHaveLength(5);
    expect(notices[2]).toContain('"<script>"');
  });
  test("a fuzz of 1,000 hostile query strings always yields a valid configuration", () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const atoms = ["NaN", "Infinity", "-Infinity", "1e308", "-1e308", "", "<script>alert(1)</script>", "😀", "\u0000", "0x10", "1,2,3", ",,,", "-5", "3.7", "true", "%", "%E0%A4%A", "and", "xor"];
    for (let k = 0; k < 1000; ++k) {
      const parts = Array.from({length: 1 + Math.floor(rand() * 6)}, () => {
        const key = Object.keys(schema)[Math.floor(rand() * 5)] ?? "x";
        const value = rand() < 0.7 ? atoms[Math.floor(rand() * atoms.length)] : String.fromCharCode(...Array.from({length: 8}, () => Math.floor(rand() * 0xd7ff)));
        return `${key}=${rand() < 0.5 ? encodeURIComponent(value) : value}`;
      });
      const {values} = parseState(schema, parts.join("&"));
      expect(values.w1).toBeGreaterThanOrEqual(-2);
      expect(values.w1).toBeLessThanOrEqual(2);
      expect(Number.isInteger(values.epochs) && values.epochs >= 1 && values.epochs <= 100).toBe(true);
      expect(schema.gate.values).toContain(values.gate);
      expect(typeof values.discrete).toBe("boolean");
      expect(values.layers.length).toBeLessThanOrEqual(6);
      expect(values.layers.every((n) => Number.isInteger(n) && n >= 1 && n <= 8)).toBe(true);
    }
  });
});

describe("whenRested, the URL writer's timing", () => {
  test("a drag writes once, its last value, after it rests; a value stream writes at most every second; teardown stops it", () => {
    vi.useFakeTimers({toFake: ["setTimeout", "clearTimeout", "performance", "Date"]});
    try {
      const written: number[] = [];
      const controller = new AbortController();
      const write = whenRested((v: number) => written.push(v), controller.signal);
      // A drag: a value every 16 ms for a second, nothing written inside the caller or during the drag's pauses under 200 ms.
      for (let k = 1; k <= 60; ++k) {
        write(k);
        vi.advanceTimersByTime(16);
        if (k < 60) expect(written.length).toBeLessThanOrEqual(1);
      }
      vi.advanceTimersByTime(200);
      // At most one write forced by the 1 s ceiling during the drag, and the last value once it rests.
      expect(written[written.length - 1]).toBe(60);
      expect(written.length).toBeLessThanOrEqual(2);
      // A value that rests is written 200 ms later, not before.
      write(61);
      vi.advanceTimersByTime(150);
      expect(written[written.length - 1]).toBe(60);
      vi.advanceTimersByTime(60);
      expect(written[written.length - 1]).toBe(61);
      // A running animation (a value every 50 ms for 5 s) is written about once a second.
      const before = written.length;
      for (let k = 0; k < 100; ++k) {
        write(100 + k);
        vi.advanceTimersByTime(50);
      }
      expect(written.length - before).toBeGreaterThanOrEqual(4);
      expect(written.length - before).toBeLessThanOrEqual(6);
      write(500);
      controller.abort();
      write(501);
      vi.advanceTimersByTime(2000);
      expect(written).not.toContain(500);
      expect(written).not.toContain(501);
    } finally {
      vi.useRealTimers();
    }
  });
});
