import {expect, test} from "vitest";
import {BINARY_SHADES, boundaryGrid, boundaryLine, shadeGrid, tint, UNIT_SQUARE} from "../../src/components/charts/decision-boundary.js";
import {PALETTE} from "../../src/components/charts/palette.js";

test("boundaryGrid samples cell centres, top row first", () => {
  const grid = boundaryGrid((x, y) => x * 10 + y, {x: [0, 2], y: [0, 2]}, 2);
  expect(Array.from(grid)).toEqual([0.5 * 10 + 1.5, 1.5 * 10 + 1.5, 0.5 * 10 + 0.5, 1.5 * 10 + 0.5]);
});

test("boundaryLine clips the AND line to the plotted square", () => {
  const ends = boundaryLine(0.5, 0.5, -0.7, UNIT_SQUARE)!;
  for (const [x, y] of ends) expect(0.5 * x + 0.5 * y - 0.7).toBeCloseTo(0, 12);
  expect(boundaryLine(0, 0, 1, UNIT_SQUARE)).toBeNull();
  expect(boundaryLine(1, 1, 100, UNIT_SQUARE)).toBeNull();
});

test("tint mixes a palette colour with white", () => {
  expect(tint("#0072b2", 1)).toEqual([0x00, 0x72, 0xb2]);
  expect(tint("#0072b2", 0)).toEqual([255, 255, 255]);
  expect(tint("#d55e00", 0.5)).toEqual([234, 175, 128]);
});

test("shadeGrid colours two classes from the palette's class 0 shade to class 1's, several by class, non-finite grey", () => {
  const pixels = new Uint8ClampedArray(5 * 4);
  shadeGrid([0, 1, 0.5, -3, NaN], 2, pixels);
  const px = (i: number) => Array.from(pixels.slice(4 * i, 4 * i + 4));
  const [zero, one] = BINARY_SHADES;
  expect(zero).toEqual(tint(PALETTE.classes[0], 0.3));
  expect(one).toEqual(tint(PALETTE.classes[1], 0.3));
  expect(px(0)).toEqual([...zero, 255]);
  expect(px(1)).toEqual([...one, 255]);
  // Half way; the pixel array rounds halves to even.
  [0, 1, 2].forEach((c) => expect(Math.abs(px(2)[c] - (zero[c] + one[c]) / 2)).toBeLessThanOrEqual(0.5));
  expect(px(3)).toEqual(px(0));
  const grey = px(4);
  expect(grey[0]).toBe(grey[1]);
  expect(grey[1]).toBe(grey[2]);
  expect(grey[3]).toBe(255);
  const classes = new Uint8ClampedArray(3 * 4);
  shadeGrid([0, 1, 2], 3, classes);
  const colours = [0, 1, 2].map((i) => Array.from(classes.slice(4 * i, 4 * i + 3)).join());
  expect(new Set(colours).size).toBe(3);
});
