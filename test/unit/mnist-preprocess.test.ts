// A drawn digit prepared like MNIST's: fitted into 20×20, centred by centre of mass in 28×28.
import {describe, expect, test} from "vitest";
import {centreOfMass, MNIST_SIDE, prepareDrawnDigit, resampleArea} from "../../src/components/mnist/preprocess.js";
import {NORMALIZATION} from "../../src/components/mnist/recipe.js";

const SIZE = 280;

function canvasWith(paint: (x: number, y: number) => number): Float32Array {
  const ink = new Float32Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; ++y) for (let x = 0; x < SIZE; ++x) ink[y * SIZE + x] = paint(x, y);
  return ink;
}

function inkBox(pixels: Uint8Array): {left: number; right: number; top: number; bottom: number} {
  const box = {left: MNIST_SIDE, right: -1, top: MNIST_SIDE, bottom: -1};
  pixels.forEach((v, i) => {
    if (!v) return;
    const [x, y] = [i % MNIST_SIDE, Math.floor(i / MNIST_SIDE)];
    box.left = Math.min(box.left, x);
    box.right = Math.max(box.right, x);
    box.top = Math.min(box.top, y);
    box.bottom = Math.max(box.bottom, y);
  });
  return box;
}

describe("prepareDrawnDigit", () => {
  test("an empty canvas gives nothing to classify", () => {
    expect(prepareDrawnDigit(new Float32Array(SIZE * SIZE), SIZE, SIZE)).toBeNull();
  });

  test("a tall stroke in a corner is scaled to 20 pixels high, keeps its aspect ratio and is centred", () => {
    // 40 wide, 200 tall, far from the centre.
    const prepared = prepareDrawnDigit(canvasWith((x, y) => (x >= 220 && x < 260 && y >= 10 && y < 210 ? 1 : 0)), SIZE, SIZE)!;
    const box = inkBox(prepared.pixels);
    expect(box.bottom - box.top + 1).toBe(20);
    expect(box.right - box.left + 1).toBe(4);
    const [cx, cy] = centreOfMass(Float32Array.from(prepared.pixels), MNIST_SIDE, MNIST_SIDE);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...prepared.pixels)).toBe(255);
  });

  test("the centre of mass, not the bounding box, is what gets centred", () => {
    // An "L": a heavy bottom bar pulls the centre of mass below the box's middle.
    const prepared = prepareDrawnDigit(canvasWith((x, y) => ((x >= 40 && x < 70 && y >= 40 && y < 240) || (x >= 40 && x < 200 && y >= 210 && y < 240) ? 1 : 0)), SIZE, SIZE)!;
    const box = inkBox(prepared.pixels);
    expect(Math.max(box.right - box.left, box.bottom - box.top) + 1).toBe(20);
    const [cx, cy] = centreOfMass(Float32Array.from(prepared.pixels), MNIST_SIDE, MNIST_SIDE);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
    // So the box itself sits off-centre (up and to the right of the middle).
    expect((box.top + box.bottom + 1) / 2).toBeLessThan(13.5);
    expect((box.left + box.right + 1) / 2).toBeGreaterThan(14.5);
  });

  test("the network's input is the lecture's normalisation of the prepared pixels", () => {
    const prepared = prepareDrawnDigit(canvasWith((x, y) => (Math.hypot(x - 140, y - 140) < 60 ? 0.5 : 0)), SIZE, SIZE)!;
    prepared.pixels.forEach((p, i) => expect(prepared.input[i]).toBeCloseTo((p / 255 - NORMALIZATION.mean) / NORMALIZATION.std, 5));
    expect(prepared.input[0]).toBeCloseTo(-0.1307 / 0.3081, 5);
  });
});

describe("resampleArea", () => {
  test("averages the area under each target pixel", () => {
    const src = Float32Array.from([1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1]);
    expect(Array.from(resampleArea(src, 4, 4, 2, 2))).toEqual([0.75, 0, 0, 1]);
    const stretched = resampleArea(Float32Array.from([1, 0, 0]), 3, 1, 2, 1);
    expect(stretched[0]).toBeCloseTo(2 / 3, 6);
    expect(stretched[1]).toBeCloseTo(0, 6);
  });
});
