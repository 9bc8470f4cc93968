/**
 * A strict parser for the IDX files MNIST ships in: a big-endian int32 magic
 * (0x00000801 for uint8 labels, 0x00000803 for uint8 images), one big-endian
 * int32 per dimension, then the uint8 data. Nothing is allocated from a header
 * before the header has been checked against the bytes actually present.
 */

export const IDX_LABELS_MAGIC = 0x00000801;
export const IDX_IMAGES_MAGIC = 0x00000803;

/** Every way an IDX file can be malformed gets a distinct `code`. */
export type IdxErrorCode = "too-short" | "bad-magic" | "bad-dimension" | "truncated" | "trailing-bytes";

export class IdxError extends Error {
  readonly code: IdxErrorCode;
  constructor(code: IdxErrorCode, message: string) {
    super(message);
    this.name = "IdxError";
    this.code = code;
  }
}

export interface IdxLabels {
  count: number;
  labels: Uint8Array;
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols pixels, row-major, 0 = background. */
  pixels: Uint8Array;
}

/** MNIST images are 28×28; anything far larger is not an image file we accept. */
const MAX_SIDE = 4096;

function header(bytes: Uint8Array, magic: number, dims: number, what: string): number[] {
  const headerLength = 4 + 4 * dims;
  if (bytes.byteLength < 4) {
    throw new IdxError("too-short", `${what}: file has ${bytes.byteLength} bytes, fewer than the ${headerLength}-byte IDX header`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found = view.getUint32(0, false);
  if (found !== magic) {
    throw new IdxError(
      "bad-magic",
      `${what}: magic number 0x${found.toString(16).padStart(8, "0")} is not 0x${magic.toString(16).padStart(8, "0")}`
    );
  }
  if (bytes.byteLength < headerLength) {
    throw new IdxError("too-short", `${what}: file has ${bytes.byteLength} bytes, fewer than the ${headerLength}-byte IDX header`);
  }
  const sizes: number[] = [];
  for (let i = 0; i < dims; ++i) {
    const size = view.getInt32(4 + 4 * i, false);
    if (size < 0 || (i > 0 && (size === 0 || size > MAX_SIDE))) {
      throw new IdxError("bad-dimension", `${what}: dimension ${i} is ${size}`);
    }
    sizes.push(size);
  }
  // Use floating point for the product so a hostile header cannot overflow.
  const expected = headerLength + sizes.reduce((a, b) => a * b, 1);
  if (bytes.byteLength < expected) {
    throw new IdxError("truncated", `${what}: header promises ${expected} bytes but the file has ${bytes.byteLength}`);
  }
  if (bytes.byteLength > expected) {
    throw new IdxError("trailing-bytes", `${what}: ${bytes.byteLength - expected} unexpected bytes after the data`);
  }
  return sizes;
}

/** Parses an IDX1 label file; throws {@link IdxError} on anything malformed. */
export function parseIdxLabels(bytes: Uint8Array): IdxLabels {
  const [count] = header(bytes, IDX_LABELS_MAGIC, 1, "IDX labels");
  return {count, labels: bytes.slice(8, 8 + count)};
}

/** Parses an IDX3 image file; throws {@link IdxError} on anything malformed. */
export function parseIdxImages(bytes: Uint8Array): IdxImages {
  const [count, rows, cols] = header(bytes, IDX_IMAGES_MAGIC, 3, "IDX images");
  return {count, rows, cols, pixels: bytes.slice(16, 16 + count * rows * cols)};
}

/** Encodes labels as IDX1 (used by tests and fixtures). */
export function encodeIdxLabels(labels: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + labels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_LABELS_MAGIC, false);
  view.setInt32(4, labels.length, false);
  out.set(labels, 8);
  return out;
}

/** Encodes images as IDX3 (used by tests and fixtures). */
export function encodeIdxImages(images: IdxImages): Uint8Array {
  const out = new Uint8Array(16 + images.pixels.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, IDX_IMAGES_MAGIC, false);
  view.setInt32(4, images.count, false);
  view.setInt32(8, images.rows, false);
  view.setInt32(12, images.cols, false);
  out.set(images.pixels, 16);
  return out;
}
