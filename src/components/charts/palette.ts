/**
 * The site's one palette, after Okabe and Ito's colour-blind-safe set: a
 * positive weight is always blue and a negative one vermillion, class 1 is the
 * positive colour and class 0 the negative one, on every page.
 */
export const PALETTE = {
  positive: "#0072b2",
  negative: "#d55e00",
  /** Drawn where a value is NaN or infinite. */
  undefined: "#999999",
  /** One per class; the first two are the negative and positive colours. */
  classes: ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00"],
  /** Classes' colours in words, for captions and text alternatives (translated by the widget). */
  classNames: ["vermillion", "blue", "green", "pink", "yellow"],
  /** The current point, step or selection. */
  highlight: "#cc79a7",
  highlightLight: "#e8bcd5",
  neutral: "#888888",
  ink: "#333333",
  good: "#009e73",
  bad: "#d55e00",
  /** A live run against a reference run. */
  live: "#0072b2",
  reference: "#999999",
  /** Two series that are neither classes nor signs (e.g. a function and its derivative). */
  series: ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000"]
} as const;

export type Rgb = [number, number, number];

export function hexRgb(hex: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
}
