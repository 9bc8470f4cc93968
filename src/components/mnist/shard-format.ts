/**
 * The shard format the site serves MNIST in. A shard holds up to 5,000 images
 * and their labels. Before gzip, pixels are split into a bit mask (pixel ≠ 0)
 * and the list of non-zero values: 81 % of MNIST pixels are background, and
 * this filter makes the gzip output ≈ 9 % smaller than gzip of the raw bytes.
 *
 * Layout before compression (little-endian):
 *   "MNS1" · count u32 · rows u16 · cols u16 · labels[count] · mask[⌈count·rows·cols/8⌉] · values[popcount(mask)]
 * The browser decompresses it with the native `DecompressionStream("gzip")`.
 */

export const SHARD_MAGIC = "MNS1";
export const SHARD_HEADER_BYTES = 12;
export const MAX_SHARD_IMAGES = 5000;

export interface Digits {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols, row-major uint8. */
  pixels: Uint8Array;
  /** count labels in 0…9. */
  labels: Uint8Array;
}

export class ShardFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ShardFormatError";
  }
}

/** Encodes images and labels into the filtered (not yet compressed) shard layout. */
export function encodeShard(digits: Digits): Uint8Array {
  const {count, rows, cols, pixels, labels} = digits;
  const n = count * rows * cols;
  if (pixels.length !== n || labels.length !== count) throw new ShardFormatError("pixel or label count does not match the shape");
  let nonZero = 0;
  for (let i = 0; i < n; ++i) if (pixels[i] !== 0) ++nonZero;
  const maskBytes = Math.ceil(n / 8);
  const out = new Uint8Array(SHARD_HEADER_BYTES + count + maskBytes + nonZero);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; ++i) out[i] = SHARD_MAGIC.charCodeAt(i);
  view.setUint32(4, count, true);
  view.setUint16(8, rows, true);
  view.setUint16(10, cols, true);
  out.set(labels, SHARD_HEADER_BYTES);
  const maskStart = SHARD_HEADER_BYTES + count;
  let v = maskStart + maskBytes;
  for (let i = 0; i < n; ++i) {
    const p = pixels[i];
    if (p !== 0) {
      out[maskStart + (i >> 3)] |= 1 << (i & 7);
      out[v++] = p;
    }
  }
  return out;
}

/** Decodes the filtered layout; throws {@link ShardFormatError} on any inconsistency. */
export function decodeShard(bytes: Uint8Array): Digits {
  if (bytes.length < SHARD_HEADER_BYTES) throw new ShardFormatError(`shard has ${bytes.length} bytes, less than its header`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== SHARD_MAGIC) throw new ShardFormatError(`shard starts with ${JSON.stringify(magic)}, not ${SHARD_MAGIC}`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(4, true);
  const rows = view.getUint16(8, true);
  const cols = view.getUint16(10, true);
  if (count > MAX_SHARD_IMAGES || rows === 0 || cols === 0) throw new ShardFormatError(`shard header is implausible: ${count} images of ${rows}×${cols}`);
  const n = count * rows * cols;
  const maskBytes = Math.ceil(n / 8);
  const maskStart = SHARD_HEADER_BYTES + count;
  if (bytes.length < maskStart + maskBytes) throw new ShardFormatError("shard is truncated before the end of its pixel mask");
  const labels = bytes.slice(SHARD_HEADER_BYTES, maskStart);
  for (let i = 0; i < count; ++i) {
    if (labels[i] > 9) throw new ShardFormatError(`label ${i} is ${labels[i]}, not a digit`);
  }
  const pixels = new Uint8Array(n);
  let v = maskStart + maskBytes;
  for (let i = 0; i < n; ++i) {
    if (bytes[maskStart + (i >> 3)] & (1 << (i & 7))) {
      if (v >= bytes.length) throw new ShardFormatError("shard is truncated inside its pixel values");
      pixels[i] = bytes[v++];
    }
  }
  if (v !== bytes.length) throw new ShardFormatError(`shard has ${bytes.length - v} bytes after its pixel values`);
  return {count, rows, cols, pixels, labels};
}

/** Counts of each digit 0…9. */
export function labelHistogram(labels: Uint8Array): number[] {
  const counts = new Array<number>(10).fill(0);
  for (const label of labels) counts[label]++;
  return counts;
}

/** Mean and (population) standard deviation of pixel intensities scaled to [0, 1]. */
export function pixelStatistics(pixels: Uint8Array): {mean: number; std: number} {
  let sum = 0;
  let sumSquares = 0;
  for (const p of pixels) {
    sum += p;
    sumSquares += p * p;
  }
  const n = pixels.length;
  const mean = sum / n / 255;
  const variance = sumSquares / n / (255 * 255) - mean * mean;
  return {mean, std: Math.sqrt(Math.max(0, variance))};
}

/** Decompresses gzip bytes with the platform's native stream decoder. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
