/**
 * A rough timing of activation functions: apply each one to the same block of
 * numbers several times and keep the fastest pass. The clock is a parameter so
 * the arithmetic can be tested; the page passes performance.now.
 *
 * Every activation goes through the same loop here, so a fair comparison warms
 * that loop up with all of them first: otherwise the first one timed runs
 * inlined and looks far cheaper than it is.
 */

/** Inputs spread over [−5, 5], the range where activations differ most. */
export function timingInputs(n: number): Float64Array {
  return Float64Array.from({length: n}, (_, k) => -5 + (10 * k) / Math.max(1, n - 1));
}

export interface Timing {
  /** Fastest of the repeats, in milliseconds for one pass over all inputs. */
  bestMs: number;
  /** Nanoseconds per value of the fastest pass. */
  nsPerValue: number;
  /** Sum of the outputs, so the work cannot be optimised away (and can be checked). */
  checksum: number;
}

export function timeActivation(f: (s: number) => number, inputs: Float64Array, now: () => number, repeats = 5): Timing {
  let bestMs = Infinity;
  let checksum = 0;
  for (let r = 0; r < repeats; ++r) {
    const start = now();
    let sum = 0;
    for (let i = 0; i < inputs.length; ++i) sum += f(inputs[i]);
    bestMs = Math.min(bestMs, now() - start);
    checksum = sum;
  }
  return {bestMs, nsPerValue: (bestMs * 1e6) / inputs.length, checksum};
}

/** Runs each function once over a few inputs so the timing loop has seen them all. */
export function warmUp(fs: ((s: number) => number)[], inputs: Float64Array): void {
  const sample = inputs.subarray(0, Math.min(inputs.length, 10_000));
  for (const f of fs) timeActivation(f, sample, () => 0, 1);
}
