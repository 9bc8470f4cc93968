/**
 * The playground's shading of values over the plane, in the site's palette:
 * one colour per class (PALETTE.classes), white where the network is unsure.
 */
import {hexRgb, PALETTE, type Rgb} from "../charts/palette.js";

const RGB: Rgb[] = PALETTE.classes.map(hexRgb);
/** How far a shaded cell goes from white towards its class colour at full confidence (keeps points visible). */
const MAX_TINT = 0.65;
const UNDEFINED_GREY: Rgb = hexRgb(PALETTE.undefined);

function tint(pixels: Uint8ClampedArray, offset: number, color: Rgb, amount: number, maxTint = MAX_TINT): void {
  const t = Math.max(0, Math.min(1, amount)) * maxTint;
  pixels[offset] = 255 + (color[0] - 255) * t;
  pixels[offset + 1] = 255 + (color[1] - 255) * t;
  pixels[offset + 2] = 255 + (color[2] - 255) * t;
  pixels[offset + 3] = 255;
}

function grey(pixels: Uint8ClampedArray, offset: number): void {
  pixels.set(UNDEFINED_GREY, offset);
  pixels[offset + 3] = 255;
}

/**
 * Shades the decision boundary: two classes by the probability of class 1
 * (white at 0.5), several by the winning class, paler where it is less sure.
 */
export function shadeOutputs(outputs: Float32Array[], pixels: Uint8ClampedArray, discretize: boolean): void {
  const cells = outputs[0].length;
  const k = outputs.length;
  for (let cell = 0; cell < cells; ++cell) {
    const offset = cell * 4;
    if (k === 1) {
      const p = outputs[0][cell];
      if (!Number.isFinite(p)) grey(pixels, offset);
      else tint(pixels, offset, RGB[p > 0.5 ? 1 : 0], discretize ? 1 : Math.abs(p - 0.5) * 2);
      continue;
    }
    let best = 0;
    for (let c = 1; c < k; ++c) if (outputs[c][cell] > outputs[best][cell]) best = c;
    const p = outputs[best][cell];
    if (!Number.isFinite(p)) grey(pixels, offset);
    else tint(pixels, offset, RGB[best % RGB.length], discretize ? 1 : (p - 1 / k) / (1 - 1 / k));
  }
}

/** Shades a neuron's activations: the negative colour below zero, the positive one above, scaled by the largest |value| (at least 1). */
export function shadeNeuron(values: Float32Array, pixels: Uint8ClampedArray): void {
  let scale = 1;
  for (const v of values) if (Math.abs(v) > scale) scale = Math.abs(v);
  for (let cell = 0; cell < values.length; ++cell) {
    const v = values[cell];
    if (!Number.isFinite(v)) grey(pixels, cell * 4);
    else tint(pixels, cell * 4, RGB[v >= 0 ? 1 : 0], Math.abs(v) / scale, 1);
  }
}
