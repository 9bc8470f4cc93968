/**
 * The playground's network: the shared network drawing (charts/network-diagram.ts)
 * with a small heatmap in every input and hidden node showing what it computes
 * over the plane, clickable edges for the weight editor, and +/− buttons above
 * each hidden layer. It only draws and reports clicks.
 */
import {createNetworkDiagram, type NetworkDrawing, type NetworkEdgeRef} from "../charts/network-diagram.js";
import {PALETTE} from "../charts/palette.js";
import {button, element} from "../course/dom.js";
import type {Lang} from "../course/strings.js";
import {countParameters, type Mlp} from "../nn/mlp.js";
import {MAX_NEURONS} from "../playground/config.js";
import type {PlaneSample} from "../playground/grid.js";
import {shadeNeuron} from "./playground-colors.js";
import type {PlaygroundTranslate} from "./playground.js";

export type EdgeRef = NetworkEdgeRef;

/** Widest the drawing gets, and the spacing it is drawn with when there is room. */
const MAX_WIDTH = 560;
const COLUMN = 112;
const ROW = 46;

export interface NetworkView {
  element: HTMLElement;
  /** Rebuilds the drawing for new layer sizes; `inputs` names the input features. */
  setStructure(sizes: readonly number[], inputs: readonly string[], hiddenActivation: string): void;
  /** Redraws at a new width (the space the page gives it). */
  setWidth(width: number): void;
  /** Redraws heatmaps and edges from the network's weights and the latest plane sample. */
  update(net: Mlp, sample: PlaneSample): void;
  select(edge: EdgeRef | null): void;
}

export function createNetworkView(t: PlaygroundTranslate, lang: Lang, onNeurons: (layer: number, delta: 1 | -1) => void, onEdge: (edge: EdgeRef) => void): NetworkView {
  const stage = element("div", "stage");
  const caption = element("figcaption");
  const figure = element("figure", "playground-network", stage, caption);
  let sizes: readonly number[] = [1, 1];
  let inputs: readonly string[] = [];
  let available = MAX_WIDTH;
  let drawing: NetworkDrawing | null = null;
  let heatmaps: {layer: number; unit: number; canvas: HTMLCanvasElement; image: ImageData | null}[] = [];
  let selected: EdgeRef | null = null;

  const draw = () => {
    const natural = 100 + (sizes.length - 1) * COLUMN;
    const width = Math.max(160, Math.min(available, natural, MAX_WIDTH));
    // Nodes shrink when the columns come closer than on a wide screen (a phone).
    const radius = Math.max(9, Math.min(17, Math.floor(((width - 100) / Math.max(1, sizes.length - 1)) / 3.3)));
    const last = sizes.length - 1;
    heatmaps = [];
    drawing = createNetworkDiagram({
      sizes,
      width,
      rowHeight: Math.round((ROW * radius) / 17),
      nodeRadius: radius,
      namesLeft: true,
      edgeWidth: (w) => Math.min(8, 0.4 + Math.abs(w) * 1.5),
      nodeName: (layer, index) => (layer === 0 ? inputs[index] : ""),
      nodeImage(layer, unit) {
        if (layer === last) return null;
        const canvas = element("canvas");
        canvas.setAttribute("aria-hidden", "true");
        canvas.title = layer === 0 ? t("network.input", {feature: inputs[unit]}) : t("network.neuron", {layer, neuron: unit + 1});
        heatmaps.push({layer, unit, canvas, image: null});
        return canvas;
      },
      nodeFill: (layer, unit) => (layer === last && sizes[last] > 1 ? PALETTE.classes[unit % PALETTE.classes.length] : "white"),
      columnHeader(layer) {
        if (layer === 0 || layer === last) return null;
        const count = sizes[layer];
        const add = button("+", () => onNeurons(layer - 1, 1), {"aria-label": t("network.addNeuron", {layer})});
        const remove = button("−", () => onNeurons(layer - 1, -1), {"aria-label": t("network.removeNeuron", {layer})});
        add.disabled = count >= MAX_NEURONS;
        remove.disabled = count <= 1;
        return element("div", "layer-controls", add, remove);
      },
      onEdge,
      lang,
      ariaLabel: caption.textContent ?? ""
    });
    stage.replaceChildren(drawing.element);
    drawing.select(selected);
  };

  return {
    element: figure,
    setStructure(nextSizes, nextInputs, hiddenActivation) {
      sizes = nextSizes;
      inputs = nextInputs;
      selected = null;
      const hidden = sizes.slice(1, -1);
      // Weights and biases both, counted as the MNIST page counts its 269,322.
      const {weights, biases} = countParameters(sizes);
      const out = sizes[sizes.length - 1];
      caption.textContent = t("network.caption", {
        sizes: sizes.join("-"),
        inputs: inputs.join(", "),
        hidden: hidden.length ? t(hidden.length > 1 ? "network.hiddenMany" : "network.hiddenOne", {count: hidden.length, sizes: hidden.join(", "), activation: hiddenActivation}) : t("network.noHidden"),
        outputs: out === 1 ? t("network.oneOutput") : t("network.outputs", {count: out}),
        parameters: weights + biases,
        weights,
        biases
      });
      draw();
    },
    setWidth(width) {
      available = width;
      draw();
    },
    update(net, sample) {
      drawing?.update(net.weights);
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
      selected = edge;
      drawing?.select(edge);
    }
  };
}
