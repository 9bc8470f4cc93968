/** Numbers as page text: never "NaN" or "Infinity". */

/** A number as text with at most `digits` significant digits; "—" when it is not finite (never NaN or Infinity). */
export function formatNumber(x: number, digits = 4): string {
  if (!Number.isFinite(x)) return "—";
  if (x !== 0 && (Math.abs(x) >= 1e6 || Math.abs(x) < 1e-4)) return x.toExponential(Math.max(0, digits - 1)).replace(/-/g, "−");
  return String(Number(x.toPrecision(digits))).replace(/-/g, "−");
}

/** A number as text with fixed digits and a real minus sign; "—" when it is not finite. */
export function formatFixed(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return "—";
  const s = x.toFixed(digits);
  if (/^-0\.?0*$/.test(s)) return s.slice(1);
  return s.startsWith("-") ? `−${s.slice(1)}` : s;
}

/** A whole number with its thousands grouped, e.g. 269,322 (counts are exact: no rounding to significant digits). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "—";
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",").replace(/^-/, "−");
}

const LARGE_COUNTS: [number, string][] = [[1e12, "trillion"], [1e9, "billion"], [1e6, "million"], [1e3, "thousand"]];

/**
 * A count as a reader would say it: exact below 10,000 ("37", "4,528"); above, two
 * significant digits in words ("about 4.5 million"), since the digits past those are noise
 * to a reader; past the trillions, scientific notation.
 */
export function aboutCount(n: number): string {
  if (!Number.isFinite(n)) return "—";
  const whole = Math.round(n);
  if (Math.abs(whole) < 10_000) return whole.toLocaleString("en");
  const rounded = Number(whole.toPrecision(2));
  if (Math.abs(rounded) >= 1e15) return `about ${formatNumber(rounded, 2)}`;
  const [size, word] = LARGE_COUNTS.find(([s]) => Math.abs(rounded) >= s)!;
  return `about ${Number((rounded / size).toPrecision(2)).toLocaleString("en")} ${word}`.replace(/-/g, "−");
}
