/**
 * Makes a Plot chart one labelled image for assistive technology: its SVG gets
 * role="img" (its aria-label names the whole chart), and the per-mark
 * aria-labels Plot writes on <g> elements — which axe reports as prohibited
 * ARIA attributes — are removed.
 */
export function asImage<T extends Element>(chart: T): T {
  const svgs = chart instanceof SVGSVGElement ? [chart] : [...chart.querySelectorAll("svg")];
  for (const svg of svgs) {
    if (svg.hasAttribute("aria-label")) svg.setAttribute("role", "img");
    for (const g of svg.querySelectorAll("g[aria-label]")) g.removeAttribute("aria-label");
  }
  return chart;
}
