/**
 * The one drawing of a small dense network, for the XOR, backpropagation and
 * playground pages: nodes with their values (or a small image such as a
 * neuron's heatmap), edges whose thickness and colour show the weights
 * (PALETTE: blue positive, vermillion negative), bias nodes, optional labels of
 * the MLP's components, a highlight for the node or edge a widget is talking
 * about, clickable edges and HTML controls above the columns. Any layer sizes;
 * weights in the engine's layout (weights[l][j·n_in + i] connects unit i of
 * layer l to unit j of layer l+1). Drawing only: the caller passes numbers,
 * this draws them; `update` restyles the edges and rewrites the node values in
 * place for a running network (or a new one of the same sizes).
 */
import * as Plot from "npm:@observablehq/plot";
import {setText} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import {fill, translator, type Lang, type Messages, type Params} from "../course/strings.js";
import {asImage} from "./chart-role.js";
import {PALETTE} from "./palette.js";

/** The drawing's texts (namespace "network-diagram"), in the language of `lang`; a widget may override some as `labels`. */
export const networkDiagramMessages = {
  biasEdge: "bias 1 → {to}",
  edge: "{from} → {to}",
  weightValue: "{edge}: weight {value}",
  biasValue: "{edge}: bias {value}",
  biasNode: "bias node of layer {layer} (always 1)",
  nodeValue: "{name} = {value}",
  inputLayer: "input layer",
  outputLayer: "output layer",
  hiddenLayer: "hidden layer",
  hiddenLayerN: "hidden layer {layer}",
  bias: "bias",
  weights: "weights",
  activation: "activation",
  activationNamed: "activation ({name})",
  shape: "A {sizes} network drawing",
  plain: "{shape}: nodes and weighted edges.",
  described: "{shape}: inputs {inputs}; outputs {outputs}."
} satisfies Messages;

export type NetworkDiagramLabels = typeof networkDiagramMessages;

/** An edge: weight from unit i of layer `layer` into unit j of layer + 1 (i = −1 for the bias). */
export interface NetworkEdgeRef {
  layer: number;
  j: number;
  i: number;
}

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
  /** Language of the drawing's texts; the page's `<html lang>` by default. */
  lang?: Lang;
  /** Texts the caller words itself, in place of the drawing's own. */
  labels?: Partial<NetworkDiagramLabels>;
  /** An image drawn inside a node instead of its value (e.g. what a neuron computes over the plane); null for a plain node. */
  nodeImage?: (layer: number, index: number) => HTMLCanvasElement | null;
  /** Fill of a plain node (white by default). */
  nodeFill?: (layer: number, index: number) => string;
  /** Node names beside their node ("left", e.g. input features) instead of above it. */
  namesLeft?: boolean;
  /** HTML placed above a layer's column (e.g. +/− neuron buttons); null for none. */
  columnHeader?: (layer: number) => Node | null;
  /** Makes the weight edges clickable and tappable (pointer events). */
  onEdge?: (edge: NetworkEdgeRef) => void;
  /** Stroke width of an edge for its weight; by default relative to the largest weight drawn. */
  edgeWidth?: (w: number) => number;
  /** Pixels between two units of a layer (70 by default) and the node radius (17). */
  rowHeight?: number;
  nodeRadius?: number;
}

/** What `update` redraws besides the weights; each is left as drawn when absent. */
export interface NetworkUpdate {
  /** New biases (a drawing made with biases). */
  biases?: readonly ArrayLike<number>[];
  /** New node values (a drawing made with values). */
  values?: readonly ArrayLike<number>[];
  ariaLabel?: string;
}

export interface NetworkDrawing {
  element: HTMLElement;
  /**
   * Restyles the edges (colour, width, title) and rewrites the node values for new
   * numbers of the same sizes, without a redraw: the result looks as a new drawing
   * with these numbers would (highlights and edge labels stay as drawn).
   */
  update(weights: readonly ArrayLike<number>[], more?: NetworkUpdate): void;
  /** Marks one weight edge as selected (class "selected"), or none. */
  select(edge: NetworkEdgeRef | null): void;
}

export interface LayoutNode {
  layer: number;
  index: number;
  x: number;
  y: number;
  bias: boolean;
}

const HIGHLIGHT = PALETTE.highlight;
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

/** Colour of a weight: PALETTE's positive blue, negative vermillion, grey when unknown or not finite. */
export function weightColour(w: number | null): string {
  return w === null || !Number.isFinite(w) ? PALETTE.undefined : w >= 0 ? PALETTE.positive : PALETTE.negative;
}

/** A static drawing (the XOR and backpropagation pages). */
export function networkDiagram(options: NetworkDiagramOptions): HTMLElement {
  return createNetworkDiagram(options).element;
}

export function createNetworkDiagram(options: NetworkDiagramOptions): NetworkDrawing {
  const {sizes, weights, biases, values, edgeLabels = false, components = false, highlight = {}, digits = 2, rowHeight = 70, nodeRadius = 17} = options;
  const own = translator("network-diagram", networkDiagramMessages, options.lang);
  const t = (key: keyof NetworkDiagramLabels, params?: Params) => {
    const label = options.labels?.[key];
    return label === undefined ? own(key, params) : fill(label, params);
  };
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
  // Relative widths are to the largest weight drawn; `update` measures it again.
  const largestOf = () => Math.max(1e-9, ...edges.map((e) => Math.abs(e.w ?? 0)).filter(Number.isFinite));
  let largest = largestOf();
  const widthFor = (w: number | null) =>
    w === null || !Number.isFinite(w) ? 1 : options.edgeWidth ? options.edgeWidth(w) : 0.75 + 5 * Math.min(1, Math.abs(w) / largest);
  const widthOf = (e: Edge) => widthFor(e.w);
  const colourOf = (e: Edge) => weightColour(e.w);
  const edgeName = (e: Edge) => (e.bias ? t("biasEdge", {to: nodeName(e.layer + 1, e.j)}) : t("edge", {from: nodeName(e.layer, e.i), to: nodeName(e.layer + 1, e.j)}));
  const edgeTitle = (e: Edge) => (e.w === null ? edgeName(e) : t(e.bias ? "biasValue" : "weightValue", {edge: edgeName(e), value: formatFixed(e.w, 4)}));

  const isHighlightedEdge = (e: Edge) =>
    e.bias ? (highlight.biases ?? []).some(([l, j]) => l === e.layer && j === e.j) : (highlight.edges ?? []).some(([l, j, i]) => l === e.layer && j === e.j && i === e.i);
  const isHighlightedNode = (n: LayoutNode) => (highlight.nodes ?? []).some(([l, i]) => l === n.layer && i === n.index);

  const images = layout.map((n) => (n.bias ? null : options.nodeImage?.(n.layer, n.index) ?? null));
  const valueOf = (n: LayoutNode) => (n.bias ? "1" : values ? formatFixed(values[n.layer][n.index], valueDigits) : "");
  const nameOf = (n: LayoutNode) => (n.bias ? "" : nodeName(n.layer, n.index));
  const headers = sizes.map((_, layer) => options.columnHeader?.(layer) ?? null);

  const tallest = Math.max(...sizes);
  const pad = (nodeRadius + 7) / rowHeight;
  const top = (tallest - 1) / 2 + (components ? 1.3 : options.namesLeft ? pad : 0.7) + (headers.some(Boolean) ? 32 / rowHeight : 0);
  const bottom = -(tallest - 1) / 2 - (withBias ? 1.6 : options.namesLeft ? pad : 0.7);
  const width = options.width ?? Math.max(320, 180 * sizes.length);
  const height = options.height ?? Math.round(rowHeight * (top - bottom) + 20);
  // Edge labels sit near the target unit, where edges into it fan out, so crossing edges do not overlap.
  const labelAt = (e: Edge, t: number) => ({x: e.x1 + t * (e.x2 - e.x1), y: e.y1 + t * (e.y2 - e.y1)});

  const marks: Plot.Markish[] = [
    Plot.link(
      edges.filter((e) => !e.bias),
      {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: colourOf, strokeWidth: widthOf, strokeOpacity: 0.8, title: edgeTitle, className: "edges"} as Plot.LinkOptions
    ),
    Plot.link(
      edges.filter((e) => e.bias),
      {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: colourOf, strokeWidth: widthOf, strokeOpacity: 0.6, strokeDasharray: "4,3", title: edgeTitle, className: "bias-edges"} as Plot.LinkOptions
    ),
    Plot.link(edges.filter(isHighlightedEdge), {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: HIGHLIGHT, strokeWidth: (e: Edge) => widthOf(e) + 3, title: edgeTitle} as Plot.LinkOptions)
  ];
  const weightEdges = edges.filter((e) => !e.bias);
  const biasEdges = edges.filter((e) => e.bias);
  if (options.onEdge) {
    // An invisible wide stroke over each edge: easy to hit with a finger.
    marks.push(Plot.link(weightEdges, {x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "transparent", strokeWidth: 12, className: "edge-hits"} as Plot.LinkOptions));
  }
  if (edgeLabels && weights) {
    const labelled = edges.map((e) => ({...labelAt(e, e.bias ? 0.35 : 0.62), text: formatFixed(e.w ?? NaN, digits), hot: isHighlightedEdge(e)}));
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
          className: bias ? "bias-nodes" : "nodes",
          r: bias ? 11 : nodeRadius,
          fill: bias ? "white" : (n: LayoutNode) => options.nodeFill?.(n.layer, n.index) ?? "white",
          stroke: (n: LayoutNode) => (isHighlightedNode(n) ? HIGHLIGHT : PALETTE.ink),
          strokeWidth: (n: LayoutNode) => (isHighlightedNode(n) ? 4 : 1.5),
          title: (n: LayoutNode) =>
            n.bias ? t("biasNode", {layer: n.layer}) : values ? t("nodeValue", {name: nameOf(n), value: formatFixed(values[n.layer][n.index], 4)}) : nameOf(n)
        } as Plot.DotOptions
      )
    ),
    Plot.text(layout, {x: "x", y: "y", text: valueOf, fontSize: 11, fontWeight: "bold", className: "node-values"} as Plot.TextOptions),
    Plot.text(layout.filter((n) => !n.bias), {
      x: "x",
      y: "y",
      text: nameOf,
      ...(options.namesLeft ? {dx: -nodeRadius - 4, textAnchor: "end"} : {dy: -nodeRadius - 7}),
      fontSize: 12,
      fill: (n: LayoutNode) => (isHighlightedNode(n) ? HIGHLIGHT : "currentColor")
    } as Plot.TextOptions)
  );
  if (components) marks.push(...componentLabels(sizes, layout, edges, options.activationNames, top, withBias, t));

  const plot = Plot.plot({
    width,
    height,
    marginLeft: options.namesLeft ? 44 : 30,
    marginRight: 30,
    marginTop: 10,
    marginBottom: 10,
    x: {domain: [-0.3, last + 0.3], axis: null},
    y: {domain: [bottom, top], axis: null},
    color: {type: "identity"},
    ariaLabel: options.ariaLabel ?? describe(sizes, values, nodeName, t),
    marks
  });
  const figure = document.createElement("figure");
  figure.className = "network-diagram";
  figure.style.margin = "0";
  figure.style.position = "relative";
  figure.append(asImage(plot));

  // HTML over the SVG, placed with the chart's own scales.
  const x = plot.scale("x")!;
  const y = plot.scale("y")!;
  const place = (node: HTMLElement, left: number, topPx: number) => {
    node.style.position = "absolute";
    node.style.left = `${left}px`;
    node.style.top = `${topPx}px`;
    figure.append(node);
  };
  layout.forEach((n, k) => {
    const image = images[k];
    if (!image) return;
    image.classList.add("node");
    image.style.width = image.style.height = `${2 * nodeRadius}px`;
    place(image, x.apply(n.x) - nodeRadius, y.apply(n.y) - nodeRadius);
  });
  headers.forEach((header, layer) => {
    if (!header) return;
    const box = document.createElement("div");
    box.className = "column-header";
    box.style.transform = "translateX(-50%)";
    box.append(header);
    place(box, x.apply(layer), 2);
  });

  const paths = [...plot.querySelectorAll<SVGPathElement>(".edges path")];
  paths.forEach((path) => path.classList.add("edge"));
  const biasPaths = [...plot.querySelectorAll<SVGPathElement>(".bias-edges path")];
  const plainNodes = layout.filter((n) => !n.bias);
  const nodeTitles = [...plot.querySelectorAll<SVGTitleElement>(".nodes circle > title")];
  // Plot draws no text for a node without one (no values): then there are fewer texts than nodes and `update` leaves them.
  const valueTexts = [...plot.querySelectorAll(".node-values text")];
  const svg = plot instanceof SVGSVGElement ? plot : plot.querySelector("svg");
  const hits = [...plot.querySelectorAll<SVGPathElement>(".edge-hits path")];
  hits.forEach((hit, k) => {
    hit.classList.add("edge-hit");
    hit.style.cursor = "pointer";
    hit.style.pointerEvents = "stroke";
    const {layer, j, i} = weightEdges[k];
    hit.addEventListener("pointerup", (event) => {
      if (event.isPrimary) options.onEdge?.({layer, j, i});
    });
  });
  let selected: SVGPathElement | null = null;
  return {
    element: figure,
    update(next, more = {}) {
      for (const e of weightEdges) e.w = next[e.layer][e.j * sizes[e.layer] + e.i];
      if (more.biases) for (const e of biasEdges) e.w = more.biases[e.layer][e.j];
      largest = largestOf();
      const restyle = (path: SVGPathElement | undefined, e: Edge) => {
        if (!path) return;
        setAttributes(path, {stroke: colourOf(e), "stroke-width": String(Math.round(100 * widthOf(e)) / 100)});
        // Worded only when the value it shows changed (a new run of the same seed has the same weights).
        const title = path.querySelector("title");
        const shown = formatFixed(e.w ?? NaN, 4);
        if (title && title.dataset.value !== shown) {
          title.dataset.value = shown;
          title.textContent = edgeTitle(e);
        }
      };
      weightEdges.forEach((e, k) => restyle(paths[k], e));
      if (more.biases) biasEdges.forEach((e, k) => restyle(biasPaths[k], e));
      const values = more.values;
      if (values) {
        plainNodes.forEach((n, k) => {
          const title = nodeTitles[k];
          const shown = formatFixed(values[n.layer][n.index], 4);
          if (title && title.dataset.value !== shown) {
            title.dataset.value = shown;
            title.textContent = t("nodeValue", {name: nameOf(n), value: shown});
          }
        });
        if (valueTexts.length === layout.length) {
          layout.forEach((n, k) => {
            if (!n.bias) setText(valueTexts[k], formatFixed(values[n.layer][n.index], valueDigits));
          });
        }
      }
      if (more.ariaLabel !== undefined) svg?.setAttribute("aria-label", more.ariaLabel);
    },
    select(edge) {
      selected?.classList.remove("selected");
      const k = edge ? weightEdges.findIndex((e) => e.layer === edge.layer && e.j === edge.j && e.i === edge.i) : -1;
      selected = paths[k] ?? null;
      selected?.classList.add("selected");
    }
  };
}

/** Sets the attributes that differ: an equal value still restyles the element. */
function setAttributes(node: Element, attributes: Record<string, string>): void {
  for (const [name, value] of Object.entries(attributes)) if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** The lecture's list of MLP components, placed on the drawing. */
function componentLabels(
  sizes: readonly number[],
  layout: LayoutNode[],
  edges: Edge[],
  activationNames: readonly string[] | undefined,
  top: number,
  withBias: boolean,
  t: (key: keyof NetworkDiagramLabels, params?: Params) => string
): Plot.Markish[] {
  const last = sizes.length - 1;
  const labels: {x: number; y: number; text: string; start?: boolean}[] = [];
  sizes.forEach((_, layer) => labels.push({x: layer, y: top - 0.25, text: layer === 0 ? t("inputLayer") : layer === last ? t("outputLayer") : last > 2 ? t("hiddenLayerN", {layer}) : t("hiddenLayer")}));
  if (withBias) {
    const bias = layout.find((n) => n.bias)!;
    labels.push({x: bias.x + 0.12, y: bias.y, text: t("bias"), start: true});
  }
  const firstEdge = edges.find((e) => !e.bias && e.layer === 0 && e.j === 0 && e.i === 0);
  if (firstEdge) labels.push({x: (firstEdge.x1 + firstEdge.x2) / 2, y: (firstEdge.y1 + firstEdge.y2) / 2 + 0.32, text: t("weights")});
  if (last >= 1) {
    const unit = layout.find((n) => n.layer === 1 && n.index === sizes[1] - 1)!;
    const name = activationNames?.[0];
    labels.push({x: unit.x, y: unit.y - 0.55, text: name ? t("activationNamed", {name}) : t("activation")});
  }
  const style = {x: "x", y: "y", text: "text", fill: PALETTE.ink, fontStyle: "italic", fontSize: 12, stroke: "white", strokeWidth: 4, paintOrder: "stroke"} as const;
  return [
    Plot.text(labels.filter((d) => !d.start), {...style, textAnchor: "middle"} as Plot.TextOptions),
    Plot.text(labels.filter((d) => d.start), {...style, textAnchor: "start"} as Plot.TextOptions)
  ];
}

function describe(
  sizes: readonly number[],
  values: readonly ArrayLike<number>[] | undefined,
  nodeName: (l: number, i: number) => string,
  t: (key: keyof NetworkDiagramLabels, params?: Params) => string
): string {
  const shape = t("shape", {sizes: sizes.join("-")});
  if (!values) return t("plain", {shape});
  const node = (l: number, i: number) => t("nodeValue", {name: nodeName(l, i), value: formatFixed(values[l][i], 2)});
  const last = sizes.length - 1;
  const inputs = Array.from({length: sizes[0]}, (_, i) => node(0, i)).join(", ");
  const outputs = Array.from({length: sizes[last]}, (_, i) => node(last, i)).join(", ");
  return t("described", {shape, inputs, outputs});
}
