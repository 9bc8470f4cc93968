/** The lecture's input transform, (x/255 − 0.1307)/0.3081 per pixel. No tfjs: pages use it too. */
import {NORMALIZATION} from "./recipe.js";

export function normalizePixels(pixels: Uint8Array): Float32Array {
  const out = new Float32Array(pixels.length);
  const {mean, std} = NORMALIZATION;
  for (let i = 0; i < pixels.length; ++i) out[i] = (pixels[i] / 255 - mean) / std;
  return out;
}
