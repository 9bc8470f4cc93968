/**
 * A live drawing of a small dense network: nodes with their values, edges whose
 * thickness and colour show the weights (blue positive, orange negative), bias
 * nodes, optional labels of the MLP's components, and a highlight for the node
 * or edge a widget is talking about. Any layer sizes; weights in the engine's
 * layout (weights[l][j·n_in + i] connects unit i of layer l to unit j of layer l+1).
 * Drawing only: the caller passes numbers, this draws them.
 */
import * as Plot from "npm:@observablehq/plot";
import {asImage} from "./chart-role.js";

/** What to emphasise: nodes [layer, index], edges [layer, j, i] (into unit j of layer+1), bias edges [layer, j]. */
export interface NetworkHighlight {
  nodes?: readonly (readonly [number, number])[];
  edges?: readonly (readonly [number, number, number])[];
  biases?: readonly (readonly [number, number])[];
}

export interface NetworkDiagramOptions {
  /** Layer sizes including input and output, e.g. [2, 2, 1]. */
  sizes: readonly number[];
  /** Weights per layer (engine layout); edges are drawn thin and grey without them. */
  weights?: readonly ArrayLike<number>[];
  /** Biases per layer; when given, each layer but the last gets a bias node "1". */
  biases?: readonly ArrayLike<number>[];
  /** Node values per layer, index 0 the inputs (e.g. the engine's `a`), printed in the nodes. */
  values?: readonly ArrayLike<number>[];
  /** Name of each node (drawn beside it); defaults to x₁…, a₁…, y. */
  nodeName?: (layer: number, index: number) => string;
  /** Print each weight on its edge. */
  edgeLabels?: boolean;
  /** Label the components: input layer, bias, hidden layer, weights, activation, output layer. */
  components?: boolean;
  /** Activation name used in the component labels, one per layer after the input (e.g. "sigmoid"). */
  activationNames?: readonly string[];
  highlight?: NetworkHighlight;
  width?: number;
  height?: number;
  /** Decimals of the weights printed on edges. */
  digits?: number;
  /** Decimals of the node values (defaults to `digits`). */
  valueDigits?: number;
  ariaLabel?: string;
}

export interface LayoutNode {
  layer: number;
  index: number;
  x: number;
  y: number;
  bias: boolean;
}

const POSITIVE = "#2b6cb0";
const NEGATIVE = "#dd6b20";
const HIGHLIGHT = "#c2185b";
const SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉";
const SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

export function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUBSCRIPTS[+d]);
}

function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPTS[+d]);
}

/** Default node names: x₁… for inputs, a₁… for one hidden layer (a¹₁… for several), y (y₁… for several outputs). */
export function defaultNodeName(sizes: readonly number[], layer: number, index: number): string {
  const last = sizes.length - 1;
  if (layer === 0) return `x${subscript(index + 1)}`;
  if (layer === last) return sizes[last] === 1 ? "y" : `y${subscript(index + 1)}`;
  return last === 2 ? `a${subscript(index + 1)}` : `a${superscript(layer)}${subscript(index + 1)}`;
}

/**
 * Node positions: layer l at x = l, units spread evenly around y = 0 (unit 0 on top),
 * a bias node under every layer but the last.
 */
export function networkLayout(sizes: readonly number[], withBias: boolean): LayoutNode[] {
  const nodes: LayoutNode[] = [];
  const tallest = Math.max(...sizes);
  sizes.forEach((n, layer) => {
    for (let index = 0; index < n; ++index) nodes.push({layer, index, x: layer, y: (n - 1) / 2 - index, bias: false});
    if (withBias && layer < sizes.length - 1) nodes.push({layer, index: -1, x: layer + 0.35, y: -(tallest - 1) / 2 - 1, bias: true});
  });
  return nodes;
}

interface Edge {
  layer: number;
  j: number;
  i: number;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  w: number | null;
  bias: boolean;
}

function format(x: number, digits: number): string {
  if (!Number.isFinite(x)) return "—";
  const s = x.toFixed(digits);
  return (s.startsWith("-") ? `−${s.slice(1)}` : s).replace(/^−(0\.0*)$/, "$1");
}

export function networkDiagram(options: NetworkDiagramOptions): HTMLElement {
  const {sizes, weights, biases, values, edgeLabels = false, components = false, highlight = {}, digits = 2} = options;
  const valueDigits = options.valueDigits ?? digits;
  const last = sizes.length - 1;
  const nodeName = options.nodeName ?? ((layer: number, index: number) => defaultNodeName(sizes, layer, index));
  const withBias = biases !== undefined;
  const layout = networkLayout(sizes, withBias);
  const at = (layer: number, index: number) => layout.find((n) => n.layer === layer && n.index === index)!;

  const edges: Edge[] = [];
  for (let layer = 0; layer < last; ++layer) {
    const nIn = sizes[layer];
    for (let j = 0; j < sizes[layer + 1]; ++j) {
      const to = at(layer + 1, j);
      for (let i = 0; i < nIn; ++i) {
        const from = at(layer, i);
        edges.push({layer, j, i, x1: from.x, y1: from.y, x2: to.x, y2: to.y, w: weights ? weights[layer][j * nIn + i] : null, bias: false});
      }
      if (withBias) {
        const from = at(layer, -1);
        edges.push({layer, j, i: -1, x1: from.x, y1: from.y, x2: to.x, y2: to.y, w: biases[layer][j], bias: true});
      }
    }
  }
  const finite = edges.map((e) => Math.abs(e.w ?? 0)).filter(Number.isFinite);
  const largest = Math.max(1e-9, ...finite);
  const widthOf = (e: Edge) => (e.w === null || !Number.isFinite(e.w) ? 1 : 0.75 + 5 * Math.min(1, Math.abs(e.w) / largest));
  const colourOf = (e: Edge) => (e.w === null || !Number.isFinite(e.w) ? "#999" : e.w >= 0 ? POSITIVE : NEGATIVE);
  const edgeName = (e: Edge) => (e.bias ? `bias 1 → ${nodeName(e.layer + 1, e.j)}` : `${nodeName(e.layer, e.i)} → ${nodeName(e.layer + 1, e.j)}`);
  const edgeTitle = (e: Edge) => `${edgeName(e)}${e.w === null ? "" : `: ${e.bias ? "bias" : "weight"} ${format(e.w, 4)}`}`;

  const isHighlightedEdge = (e: Edge) =>
    e.bias ? (highlight.biases ?? []).some(([l, j]) => l === e.layer && j === e.j) : (highlight.edges ?? []).some(([l, j, i]) => l === e.layer && j === e.j && i === e.i);
  const isHighlightedNode = (n: LayoutNode) => (highlight.nodes ?? []).some(([l, i]) => l === n.layer && i === n.index);

  const valueOf = (n: LayoutNode) => (n.bias ? "1" : values ? format(values[n.layer][n.index], valueDigits) : "");
  const nameOf = (n: LayoutNode) => (n.bias ? "" : nodeName(n.layer, n.index));

  const tallest = Math.max(...sizes);
  const top = (tallest - 1) / 2 + (components ? 1.3 : 0.7);
  const bottom = -(tallest - 1) / 2 - (withBias ? 1.6 : 0.7);
  const width = options.width ?? Math.max(320, 180 * sizes.length);
  const height = options.height ?? Math.round(70 * (top - bottom) + 20);
  // Edge labels sit near the target unit, where edges into it fan out, so crossing edges do not overlap.
  const labelAt = (e: Edge, t: number) => ({x: e.x1 + t * (e.x2 - e.x1), y: e.y1 + t * (e.y2 - e.y1)});

  const marks: Plot.Markish[] = [
    Plot.link(
      edges.filter((e) => !e.bias),
      {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: colourOf, strokeWidth: widthOf, strokeOpacity: 0.8, title: edgeTitle} as Plot.LinkOptions
    ),
    Plot.link(
      edges.filter((e) => e.bias),
      {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: colourOf, strokeWidth: widthOf, strokeOpacity: 0.6, strokeDasharray: "4,3", title: edgeTitle} as Plot.LinkOptions
    ),
    Plot.link(edges.filter(isHighlightedEdge), {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: HIGHLIGHT, strokeWidth: (e: Edge) => widthOf(e) + 3, title: edgeTitle} as Plot.LinkOptions)
  ];
  if (edgeLabels && weights) {
    const labelled = edges.map((e) => ({...labelAt(e, e.bias ? 0.35 : 0.62), text: format(e.w ?? NaN, digits), hot: isHighlightedEdge(e)}));
    marks.push(
      Plot.text(labelled, {
        x: "x",
        y: "y",
        text: "text",
        fill: (d: {hot: boolean}) => (d.hot ? HIGHLIGHT : "currentColor"),
        stroke: "white",
        strokeWidth: 4,
        paintOrder: "stroke",
        fontSize: 11
      } as Plot.TextOptions)
    );
  }
  marks.push(
    ...[true, false].map((bias) =>
      Plot.dot(
        layout.filter((n) => n.bias === bias),
        {
          x: "x",
          y: "y",
          r: bias ? 11 : 17,
          fill: bias ? "#eee" : "white",
          stroke: (n: LayoutNode) => (isHighlightedNode(n) ? HIGHLIGHT : "#444"),
          strokeWidth: (n: LayoutNode) => (isHighlightedNode(n) ? 4 : 1.5),
          title: (n: LayoutNode) => (n.bias ? `bias node of layer ${n.layer} (always 1)` : `${nameOf(n)}${values ? ` = ${format(values[n.layer][n.index], 4)}` : ""}`)
        } as Plot.DotOptions
      )
    ),
    Plot.text(layout, {x: "x", y: "y", text: valueOf, fontSize: 11, fontWeight: "bold"} as Plot.TextOptions),
    Plot.text(
      layout.filter((n) => !n.bias),
      {x: "x", y: "y", text: nameOf, dy: -24, fontSize: 12, fill: (n: LayoutNode) => (isHighlightedNode(n) ? HIGHLIGHT : "currentColor")} as Plot.TextOptions
    )
  );
  if (components) marks.push(...componentLabels(sizes, layout, edges, options.activationNames, top, withBias));

  const plot = Plot.plot({
    width,
    height,
    marginLeft: 30,
    marginRight: 30,
    marginTop: 10,
    marginBottom: 10,
    x: {domain: [-0.3, last + 0.3], axis: null},
    y: {domain: [bottom, top], axis: null},
    color: {type: "identity"},
    ariaLabel: options.ariaLabel ?? describe(sizes, values, nodeName),
    marks
  });
  const figure = document.createElement("figure");
  figure.className = "network-diagram";
  figure.style.margin = "0";
  figure.append(asImage(plot));
  return figure;
}

/** The lecture's list of MLP components, placed on the drawing. */
function componentLabels(sizes: readonly number[], layout: LayoutNode[], edges: Edge[], activationNames: readonly string[] | undefined, top: number, withBias: boolean): Plot.Markish[] {
  const last = sizes.length - 1;
  const labels: {x: number; y: number; text: string; start?: boolean}[] = [];
  sizes.forEach((_, layer) => labels.push({x: layer, y: top - 0.25, text: layer === 0 ? "input layer" : layer === last ? "output layer" : last > 2 ? `hidden layer ${layer}` : "hidden layer"}));
  if (withBias) {
    const bias = layout.find((n) => n.bias)!;
    labels.push({x: bias.x + 0.12, y: bias.y, text: "bias", start: true});
  }
  const firstEdge = edges.find((e) => !e.bias && e.layer === 0 && e.j === 0 && e.i === 0);
  if (firstEdge) labels.push({x: (firstEdge.x1 + firstEdge.x2) / 2, y: (firstEdge.y1 + firstEdge.y2) / 2 + 0.32, text: "weights"});
  if (last >= 1) {
    const unit = layout.find((n) => n.layer === 1 && n.index === sizes[1] - 1)!;
    const name = activationNames?.[0];
    labels.push({x: unit.x, y: unit.y - 0.55, text: `activation${name ? ` (${name})` : ""}`});
  }
  const style = {x: "x", y: "y", text: "text", fill: "#5b3a8c", fontStyle: "italic", fontSize: 12, stroke: "white", strokeWidth: 4, paintOrder: "stroke"} as const;
  return [
    Plot.text(labels.filter((d) => !d.start), {...style, textAnchor: "middle"} as Plot.TextOptions),
    Plot.text(labels.filter((d) => d.start), {...style, textAnchor: "start"} as Plot.TextOptions)
  ];
}

function describe(sizes: readonly number[], values: readonly ArrayLike<number>[] | undefined, nodeName: (l: number, i: number) => string): string {
  const shape = `A ${sizes.join("-")} network drawing`;
  if (!values) return `${shape}: nodes and weighted edges.`;
  const inputs = Array.from({length: sizes[0]}, (_, i) => `${nodeName(0, i)} = ${format(values[0][i], 2)}`).join(", ");
  const last = sizes.length - 1;
  const outputs = Array.from({length: sizes[last]}, (_, i) => `${nodeName(last, i)} = ${format(values[last][i], 2)}`).join(", ");
  return `${shape}: inputs ${inputs}; outputs ${outputs}.`;
}
