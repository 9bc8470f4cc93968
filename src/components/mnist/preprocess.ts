/**
 * A drawn digit prepared the way MNIST's digits were: the ink's bounding box
 * scaled (keeping its aspect ratio, with area averaging) to fit a 20×20 box,
 * then placed in a 28×28 image so that its centre of mass sits at the centre.
 */
import {normalizePixels} from "./normalize.js";

export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;

export interface Prepared {
  /** 28×28 grey levels 0…255, ink high, like the MNIST files. */
  pixels: Uint8Array;
  /** The same, normalised for the network. */
  input: Float32Array;
}

/** Resamples a w×h image to dw×dh by averaging the source area under each target pixel. */
export function resampleArea(src: Float32Array, w: number, h: number, dw: number, dh: number): Float32Array {
  const out = new Float32Array(dw * dh);
  const sx = w / dw;
  const sy = h / dh;
  for (let oy = 0; oy < dh; ++oy) {
    const y0 = oy * sy;
    const y1 = y0 + sy;
    for (let ox = 0; ox < dw; ++ox) {
      const x0 = ox * sx;
      const x1 = x0 + sx;
      let sum = 0;
      for (let y = Math.floor(y0); y < Math.min(h, Math.ceil(y1)); ++y) {
        const cy = Math.min(y + 1, y1) - Math.max(y, y0);
        for (let x = Math.floor(x0); x < Math.min(w, Math.ceil(x1)); ++x) {
          sum += src[y * w + x] * cy * (Math.min(x + 1, x1) - Math.max(x, x0));
        }
      }
      out[oy * dw + ox] = sum / (sx * sy);
    }
  }
  return out;
}

/** Centre of mass (x, y) of a w×h image, in pixel-centre coordinates. */
export function centreOfMass(image: Float32Array, w: number, h: number): [number, number] {
  let total = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < h; ++y) {
    for (let x = 0; x < w; ++x) {
      const v = image[y * w + x];
      total += v;
      mx += v * (x + 0.5);
      my += v * (y + 0.5);
    }
  }
  return total > 0 ? [mx / total, my / total] : [w / 2, h / 2];
}

/**
 * @param ink w×h ink intensities in [0, 1] (e.g. a canvas's alpha channel)
 * @returns null when nothing is drawn
 */
export function prepareDrawnDigit(ink: Float32Array, w: number, h: number, threshold = 0.05): Prepared | null {
  let [left, top, right, bottom] = [w, h, -1, -1];
  for (let y = 0; y < h; ++y) {
    for (let x = 0; x < w; ++x) {
      if (ink[y * w + x] > threshold) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  if (right < 0) return null;
  const bw = right - left + 1;
  const bh = bottom - top + 1;
  const crop = new Float32Array(bw * bh);
  for (let y = 0; y < bh; ++y) crop.set(ink.subarray((top + y) * w + left, (top + y) * w + left + bw), y * bw);
  const scale = MNIST_BOX / Math.max(bw, bh);
  const dw = Math.max(1, Math.round(bw * scale));
  const dh = Math.max(1, Math.round(bh * scale));
  const small = resampleArea(crop, bw, bh, dw, dh);
  const [cx, cy] = centreOfMass(small, dw, dh);
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const ox = clamp(Math.round(MNIST_SIDE / 2 - cx), MNIST_SIDE - dw);
  const oy = clamp(Math.round(MNIST_SIDE / 2 - cy), MNIST_SIDE - dh);
  const pixels = new Uint8Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = 0; y < dh; ++y) {
    for (let x = 0; x < dw; ++x) pixels[(oy + y) * MNIST_SIDE + ox + x] = Math.round(Math.min(1, Math.max(0, small[y * dw + x])) * 255);
  }
  return {pixels, input: normalizePixels(pixels)};
}
