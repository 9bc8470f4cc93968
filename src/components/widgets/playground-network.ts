/**
 * The playground's network drawing: a column per layer, a small heatmap per
 * input feature and hidden neuron showing what it computes over the plane,
 * edges whose thickness and colour follow their weight (click one to edit
 * it), and +/− buttons that change the number of neurons in a hidden layer.
 * Playground-specific on purpose; it only draws and reports clicks.
 */
import {countParameters, type Mlp} from "../nn/mlp.js";
import {MAX_NEURONS} from "../playground/config.js";
import type {PlaneSample} from "../playground/grid.js";
import {CLASS_COLORS, shadeNeuron} from "./playground-colors.js";

const SVG = "http://www.w3.org/2000/svg";
const NODE = 34;
const ROW = 46;
const COLUMN = 112;
const HEADER = 40;
const LEFT = 56;

/** An edge of the drawing: layer l's weight from input i to unit j. */
export interface EdgeRef {
  l: number;
  j: number;
  i: number;
}

export interface NetworkView {
  element: HTMLElement;
  /** Rebuilds the drawing for new layer sizes; `inputs` names the input features. */
  setStructure(sizes: readonly number[], inputs: readonly string[], hiddenActivation: string): void;
  /** Redraws heatmaps and edges from the network's weights and the latest plane sample. */
  update(net: Mlp, sample: PlaneSample): void;
  select(edge: EdgeRef | null): void;
}

export function createNetworkView(onNeurons: (layer: number, delta: 1 | -1) => void, onEdge: (edge: EdgeRef) => void): NetworkView {
  const figure = document.createElement("figure");
  figure.className = "playground-network";
  const stage = document.createElement("div");
  stage.className = "stage";
  const caption = document.createElement("figcaption");
  figure.append(stage, caption);
  let edges: {ref: EdgeRef; line: SVGPathElement}[] = [];
  let heatmaps: {layer: number; unit: number; canvas: HTMLCanvasElement; image: ImageData | null}[] = [];
  let selected: SVGPathElement | null = null;

  const nodeY = (unit: number, count: number, tallest: number) => HEADER + ((tallest - count) * ROW) / 2 + unit * ROW + NODE / 2;

  const setStructure: NetworkView["setStructure"] = (sizes, inputs, hiddenActivation) => {
    stage.replaceChildren();
    edges = [];
    heatmaps = [];
    selected = null;
    const tallest = Math.max(...sizes);
    const width = LEFT + (sizes.length - 1) * COLUMN + NODE + 60;
    const height = HEADER + tallest * ROW;
    stage.style.width = `${width}px`;
    stage.style.height = `${height}px`;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("aria-hidden", "true");
    stage.append(svg);
    const x = (l: number) => LEFT + l * COLUMN;
    for (let l = 0; l + 1 < sizes.length; ++l) {
      for (let j = 0; j < sizes[l + 1]; ++j) {
        for (let i = 0; i < sizes[l]; ++i) {
          const x0 = x(l) + NODE;
          const y0 = nodeY(i, sizes[l], tallest);
          const x1 = x(l + 1);
          const y1 = nodeY(j, sizes[l + 1], tallest);
          const xm = (x0 + x1) / 2;
          const d = `M${x0},${y0}C${xm},${y0} ${xm},${y1} ${x1},${y1}`;
          const line = document.createElementNS(SVG, "path");
          line.setAttribute("d", d);
          line.setAttribute("class", "edge");
          const hit = document.createElementNS(SVG, "path");
          hit.setAttribute("d", d);
          hit.setAttribute("class", "edge-hit");
          const ref = {l, j, i};
          hit.addEventListener("click", () => onEdge(ref));
          svg.append(line, hit);
          edges.push({ref, line});
        }
      }
    }
    sizes.forEach((count, l) => {
      const output = l === sizes.length - 1;
      for (let unit = 0; unit < count; ++unit) {
        const top = nodeY(unit, count, tallest) - NODE / 2;
        if (output) {
          const dot = document.createElement("div");
          dot.className = "node output";
          dot.style.left = `${x(l)}px`;
          dot.style.top = `${top}px`;
          dot.style.background = count === 1 ? `linear-gradient(135deg, ${CLASS_COLORS[0]} 50%, ${CLASS_COLORS[1]} 50%)` : CLASS_COLORS[unit % CLASS_COLORS.length];
          dot.title = count === 1 ? "output: probability of the purple class" : `output: probability of class ${unit}`;
          stage.append(dot);
          continue;
        }
        const canvas = document.createElement("canvas");
        canvas.className = "node";
        canvas.style.left = `${x(l)}px`;
        canvas.style.top = `${top}px`;
        canvas.setAttribute("aria-hidden", "true");
        canvas.title = l === 0 ? `input ${inputs[unit]}` : `hidden layer ${l}, neuron ${unit + 1}`;
        stage.append(canvas);
        heatmaps.push({layer: l, unit, canvas, image: null});
        if (l === 0) {
          const label = document.createElement("span");
          label.className = "input-label";
          label.textContent = inputs[unit];
          label.style.top = `${top + NODE / 2 - 9}px`;
          stage.append(label);
        }
      }
      if (l === 0 || output) return;
      const controls = document.createElement("div");
      controls.className = "layer-controls";
      controls.style.left = `${x(l) - 20}px`;
      for (const [delta, text, name] of [[1, "+", "Add a neuron to"], [-1, "−", "Remove a neuron from"]] as const) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = text;
        button.setAttribute("aria-label", `${name} hidden layer ${l}`);
        button.disabled = delta > 0 ? count >= MAX_NEURONS : count <= 1;
        button.addEventListener("click", () => onNeurons(l - 1, delta));
        controls.append(button);
      }
      stage.append(controls);
    });
    const hidden = sizes.slice(1, -1);
    // Weights and biases both, counted as the MNIST page counts its 269,322.
    const {weights, biases} = countParameters(sizes);
    const out = sizes[sizes.length - 1];
    caption.textContent =
      `Network ${sizes.join("-")}: inputs ${inputs.join(", ")}; ` +
      (hidden.length ? `${hidden.length} hidden layer${hidden.length > 1 ? "s" : ""} of ${hidden.join(", ")} ${hiddenActivation} neurons; ` : "no hidden layer; ") +
      `${out === 1 ? "one sigmoid output" : `${out} softmax outputs`}; ${weights + biases} parameters (${weights} weights and ${biases} biases). ` +
      "Each small square shows what that neuron computes over the plane (orange negative, purple positive); edges are purple for positive weights, orange for negative, thicker for larger ones. Click an edge to edit its weight.";
  };

  return {
    element: figure,
    setStructure,
    update(net, sample) {
      for (const {ref, line} of edges) {
        const w = net.weights[ref.l][ref.j * net.sizes[ref.l] + ref.i];
        const finite = Number.isFinite(w);
        line.setAttribute("stroke", !finite ? "#999" : w >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0]);
        line.setAttribute("stroke-width", finite ? Math.min(8, 0.4 + Math.abs(w) * 1.5).toFixed(2) : "1");
      }
      const n = sample.neuronResolution;
      for (const map of heatmaps) {
        if (!map.image || map.image.width !== n) {
          map.canvas.width = map.canvas.height = n;
          map.image = map.canvas.getContext("2d")!.createImageData(n, n);
        }
        shadeNeuron(sample.neurons[map.layer][map.unit], map.image.data);
        map.canvas.getContext("2d")!.putImageData(map.image, 0, 0);
      }
    },
    select(edge) {
      selected?.classList.remove("selected");
      selected = edge ? edges.find(({ref}) => ref.l === edge.l && ref.j === edge.j && ref.i === edge.i)?.line ?? null : null;
      selected?.classList.add("selected");
    }
  };
}
