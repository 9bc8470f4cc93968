/** Pieces of Python source text shared by the script generators. */

/** A finite number as a Python literal ("0.001", "1e-07" style exponents are valid Python too). */
export function pythonNumber(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`${x} has no Python literal`);
  return String(x);
}
