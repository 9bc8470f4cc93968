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
