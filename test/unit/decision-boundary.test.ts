import {expect, test} from "vitest";
import {boundaryGrid, boundaryLine, shadeGrid, UNIT_SQUARE} from "../../src/components/charts/decision-boundary.js";

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

test("shadeGrid colours two classes from orange to purple, several by class, non-finite grey", () => {
  const pixels = new Uint8ClampedArray(5 * 4);
  shadeGrid([0, 1, 0.5, -3, NaN], 2, pixels);
  const px = (i: number) => Array.from(pixels.slice(4 * i, 4 * i + 4));
  expect(px(0)).toEqual([0xfd, 0xb8, 0x63, 255]);
  expect(px(1)).toEqual([0xb2, 0xab, 0xd2, 255]);
  // Half way; the pixel array rounds halves to even.
  [(0xfd + 0xb2) / 2, (0xb8 + 0xab) / 2, (0x63 + 0xd2) / 2].forEach((v, c) => expect(Math.abs(px(2)[c] - v)).toBeLessThanOrEqual(0.5));
  expect(px(3)).toEqual(px(0));
  expect(px(4)).toEqual([200, 200, 200, 255]);
  const classes = new Uint8ClampedArray(3 * 4);
  shadeGrid([0, 1, 2], 3, classes);
  const colours = [0, 1, 2].map((i) => Array.from(classes.slice(4 * i, 4 * i + 3)).join());
  expect(new Set(colours).size).toBe(3);
});
