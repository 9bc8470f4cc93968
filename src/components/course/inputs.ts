/**
 * Observable Inputs with the accessibility gaps closed: Inputs.range labels its
 * number box but not its slider, so screen readers announce an unnamed slider.
 */
import * as Inputs from "npm:@observablehq/inputs";

type RangeOptions = Parameters<typeof Inputs.range>[1] & {label: string};

/** Inputs.range whose slider carries the same accessible name as its number box. */
export function rangeInput(extent: [number, number], options: RangeOptions): ReturnType<typeof Inputs.range> {
  const input = Inputs.range(extent, options);
  input.querySelector("input[type=range]")?.setAttribute("aria-label", options.label);
  return input;
}
