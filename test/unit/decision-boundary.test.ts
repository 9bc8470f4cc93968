import {expect, test} from "vitest";
import {boundaryGrid, boundaryLine, UNIT_SQUARE} from "../../src/components/charts/decision-boundary.js";

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
