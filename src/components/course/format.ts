/** Numbers as page text: never "NaN" or "Infinity". */
import {pageLang, translator, type Lang, type Messages} from "./strings.js";

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

/** A share (0.9767) as a percentage's digits, 97.67, without the sign: the messages place the "%". */
export function formatPercent(share: number, digits = 2): string {
  return formatFixed(share * 100, digits);
}

/** A whole number with its thousands grouped, e.g. 269,322 (counts are exact: no rounding to significant digits). */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return "—";
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",").replace(/^-/, "−");
}

/** The words around a count said aloud (the strings hook translates them). */
export const formatMessages = {
  about: "about {count}"
} satisfies Messages;

/**
 * A count as a reader would say it: exact below 10,000 ("37", "4,528"); above, two
 * significant digits in the language's own large-number words ("about 4.5 million",
 * "약 450만"), since the digits past those are noise to a reader; past the trillions,
 * scientific notation. `lang` is the page's language by default.
 */
export function aboutCount(n: number, lang: Lang = pageLang()): string {
  if (!Number.isFinite(n)) return "—";
  const whole = Math.round(n);
  if (Math.abs(whole) < 10_000) return whole.toLocaleString(lang);
  const rounded = Number(whole.toPrecision(2));
  // Intl's compact long notation names the units each language counts in (thousands and millions, or 만 and 억).
  const count =
    Math.abs(rounded) >= 1e15 ? formatNumber(rounded, 2) : new Intl.NumberFormat(lang, {notation: "compact", compactDisplay: "long", maximumSignificantDigits: 2}).format(rounded).replace(/-/g, "−");
  return translator("format", formatMessages, lang)("about", {count});
}
