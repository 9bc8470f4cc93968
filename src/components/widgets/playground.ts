/**
 * The Playground widget: a 2-D neural-network lab after TensorFlow
 * Playground, on the widget kernel. It wires the pure playground modules
 * (data, features, settings, training session, weights file) to the plane,
 * the network drawing, the loss chart and the controls; training runs in the
 * kernel's play loop, one epoch per step, within a frame budget.
 */
import type {ActivationId} from "../nn/activations.js";
import {formatFixed} from "../course/format.js";
import {translator, type Messages, type Translate} from "../course/strings.js";
import {stateNotice, urlMessages} from "../course/url-state.js";
import {button, element, setText, sideBySide, statusLine} from "../course/dom.js";
import {createWidget, loopButtons, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {MAX_LAYERS, playgroundSchema, validateConfig, type PlaygroundConfig} from "../playground/config.js";
import {splitTrainTest, type LabeledPoint} from "../playground/datasets.js";
import {FEATURE_LABELS} from "../playground/features.js";
import {FRAME_MEASURE} from "../playground/frame-budget.js";
import {samplePlane} from "../playground/grid.js";
import {exportWeights, importWeights, weightsMessages} from "../playground/network-io.js";
import {configArchitecture, configData, configHyperparameters, customClasses} from "../playground/experiment.js";
import {createSession, type Architecture, type Hyperparameters, type Session} from "../playground/training.js";
import {createControls} from "./playground-controls.js";
import {createDataPanel} from "./playground-data.js";
import {download, filePicker, showMessages} from "./playground-dom.js";
import {createLossView} from "./playground-loss.js";
import {createNetworkView, type EdgeRef} from "./playground-network.js";
import {activationMessages} from "./perceptron-controls.js";
import {createPlane} from "./playground-plane.js";

export {playgroundSchema};

/** Every visible text of the playground and its panels (the strings hook translates them). */
export const messages = {
  ...activationMessages,
  stepEpoch: "Step (one epoch)",
  status: "Epoch {epoch} · training loss {trainLoss} · test loss {testLoss} · training accuracy {trainAccuracy} · test accuracy {testAccuracy}",
  percent: "{value} %",
  diverged: "Training diverged: the loss or an update stopped being a finite number, so training stopped with the last finite weights. Lower the learning rate (or add regularisation) and press Reset.",
  noPoints: "There are no training points: click the plane to add some, or import a CSV under “Your own points”.",
  noFeatures: "features: none was selected; using x₁ and x₂.",
  customNote: "Your own points are not part of the page link: a link to this page restores every setting but starts with no points. Download them as CSV (below) to keep them.",
  planeLabel: "Decision boundary over the plane from −6 to 6: {classes} classes, {train} training points. {status}",
  planeLabelTest: "Decision boundary over the plane from −6 to 6: {classes} classes, {train} training points and {test} test points (hollow). {status}",
  addLayer: "Add hidden layer",
  removeLayer: "Remove hidden layer",
  "layers.one": "1 hidden layer",
  "layers.other": "{n} hidden layers",
  "editor.weight": "Weight ",
  "editor.value": "value ",
  "editor.set": "Set weight",
  "editor.invalid": "A weight must be a number from −100 to 100.",
  "editor.edge": "{from} → {to}",
  "editor.output": "output",
  "editor.outputN": "output {k}",
  "editor.neuron": "layer {layer} neuron {neuron}",
  "files.saveWeights": "Download weights (JSON)",
  "files.importWeights": "Import weights (JSON)",
  "files.imported": "Weights imported.",
  "files.savePng": "Download boundary (PNG)",
  "network.caption":
    "Network {sizes}: inputs {inputs}; {hidden}; {outputs}; {parameters} parameters ({weights} weights and {biases} biases). Each small square shows what that neuron computes over the plane (vermillion negative, blue positive); edges are blue for positive weights, vermillion for negative, thicker for larger ones. Click or tap an edge to edit its weight.",
  "network.hiddenOne": "1 hidden layer of {sizes} {activation} neurons",
  "network.hiddenMany": "{count} hidden layers of {sizes} {activation} neurons",
  "network.noHidden": "no hidden layer",
  "network.oneOutput": "one sigmoid output",
  "network.outputs": "{count} softmax outputs",
  "network.input": "input {feature}",
  "network.neuron": "hidden layer {layer}, neuron {neuron}",
  "network.addNeuron": "Add a neuron to hidden layer {layer}",
  "network.removeNeuron": "Remove a neuron from hidden layer {layer}",
  "loss.training": "training",
  "loss.test": "test",
  "loss.epoch": "epoch",
  "loss.loss": "loss",
  "loss.label": "Training and test loss by epoch",
  "loss.summary": "Epoch {epoch}: training loss {train}, test loss {test}",
  dataset: "Dataset",
  "dataset.circle": "Circle",
  "dataset.xor": "XOR",
  "dataset.gauss": "Two Gaussians",
  "dataset.spiral": "Spiral",
  "dataset.moons": "Two moons",
  "dataset.blobs": "Gaussian blobs (3–5 classes)",
  "dataset.custom": "Your own points",
  classes: "Blobs (classes)",
  noise: "Noise (%)",
  train: "Training data (%)",
  points: "Points",
  seed: "Seed",
  newSeed: "Regenerate (new seed)",
  features: "Input features",
  activation: "Activation",
  loss: "Loss",
  "loss.mse": "Mean squared error",
  "loss.crossEntropy": "Cross-entropy",
  lr: "Learning rate",
  batch: "Batch size",
  optimizer: "Optimiser",
  "optimizer.sgd": "SGD",
  "optimizer.momentum": "Momentum",
  "optimizer.adam": "Adam",
  reg: "Regularisation",
  "reg.none": "None",
  rate: "Regularisation rate",
  discretize: "Discretise output",
  showTest: "Show test data",
  "group.data": "Data",
  "group.features": "Features",
  "group.training": "Training",
  "group.view": "View",
  "data.summary": "Your own points: click the plane, type a point, or import a CSV",
  "data.note": "Clicking the plane adds a point of the chosen class (the current points become your own data set). Your own points are not part of the page link — download them as CSV to keep or share them.",
  "data.class": "Class of new points",
  "data.classOption": "{k} ({colour})",
  "data.add": "Add point",
  "data.outside": "x₁ and x₂ must be numbers from −{plane} to {plane}.",
  "data.added": "Added ({x1}, {x2}) as class {label}.",
  "data.csv": "CSV (x1,x2,label per line)",
  "data.placeholder": "x1,x2,label\n1.5,-2,0\n-3,2.5,1",
  "data.importText": "Import CSV text",
  "data.upload": "Upload a CSV file",
  "data.tooLarge": "{name} is larger than 2 MB; that is more than the 5,000 rows the playground accepts.",
  "data.download": "Download points (CSV)",
  "data.clear": "Remove all points",
  "data.cleared": "All points removed.",
  "data.nothing": "Nothing was imported.",
  "data.importedOne": "Imported 1 point.",
  "data.imported": "Imported {n} points.",
  "colour.vermillion": "vermillion",
  "colour.blue": "blue",
  "colour.green": "green",
  "colour.pink": "pink",
  "colour.yellow": "yellow"
} satisfies Messages;

export type PlaygroundTranslate = Translate<typeof messages>;

/** The playground as an input: its settings (the URL's) and where training stands. */
export interface PlaygroundValue extends PlaygroundConfig {
  /** Completed epochs. */
  epoch: number;
  /** Mean loss (without regularisation) and accuracy on the training and test points; NaN for an empty set. */
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  diverged: boolean;
  /** The points it trains and tests on (generated, or the learner's own). */
  data: {train: readonly LabeledPoint[]; test: readonly LabeledPoint[]};
}

/** Grid cells per side of the decision boundary; neuron heatmaps use every second one (20 × 20). */
const RESOLUTION = 40;
/** Milliseconds of training per animation frame; drawing takes a few more of the 16.7 ms. */
const TRAIN_MS = 5;
/** How often the loss and accuracy are measured while training. */
const EVALUATE_MS = 100;

const DATA_KEYS = ["dataset", "classes", "noise", "train", "points", "seed"] as const;
const NETWORK_KEYS = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2", "layers", "activation"] as const;
const TRAINING_KEYS = ["loss", "reg", "rate", "lr", "batch", "optimizer"] as const;

export function createPlaygroundWidget(options: WidgetOptions = {}): WidgetElement<PlaygroundValue> {
  const w = createWidget({id: "playground", className: "playground", schema: playgroundSchema, messages, value: {} as PlaygroundValue}, options);
  const {t, root} = w;
  const checked = validateConfig(w.initial);
  let config: PlaygroundConfig = checked.config;
  let customPoints: LabeledPoint[] = [];
  let data: {train: readonly LabeledPoint[]; test: readonly LabeledPoint[]; classes: number} = {train: [], test: [], classes: 2};
  let session: Session;
  let measures = 0;
  let frameStart = -1;

  const alert = element("div");
  alert.setAttribute("role", "alert");
  const status = element("p", "playground-status");
  const announce = statusLine("sr-only");
  const customNote = element("p", "notice", t("customNote"));

  const architecture = (): Architecture => configArchitecture(config, data.classes);
  const hyperparameters = (): Hyperparameters => configHyperparameters(config);
  const allPoints = () => [...data.train, ...data.test];

  function buildData(): void {
    data = config.dataset === "custom" ? {...splitTrainTest(customPoints, config.train / 100, config.seed), classes: customClasses(customPoints)} : configData(config);
  }

  // ----- drawing -----
  const plane = createPlane(
    (x1, x2) => addPoint({x1: +x1.toFixed(3), x2: +x2.toFixed(3), label: dataPanel.clickClass()}),
    () =>
      config.showTest
        ? t("planeLabelTest", {classes: data.classes, train: data.train.length, test: data.test.length, status: status.textContent ?? ""})
        : t("planeLabel", {classes: data.classes, train: data.train.length, status: status.textContent ?? ""})
  );
  const network = createNetworkView(
    t,
    w.lang,
    (layer, delta) => changeConfig({layers: config.layers.map((n, l) => (l === layer ? n + delta : n))}),
    (edge) => editor.choose(edge)
  );
  const lossView = createLossView(t);

  const percent = (x: number) => (Number.isFinite(x) ? t("percent", {value: formatFixed(100 * x, 1)}) : "—");
  let lastEvaluation = -Infinity;
  /** Redraws the plane and the network; losses and accuracy (a pass over all points) at most every EVALUATE_MS unless forced. */
  function render(force: boolean): void {
    const sample = samplePlane(session.net, session.outputAt, RESOLUTION, 2);
    const now = performance.now();
    if (force || now - lastEvaluation > EVALUATE_MS) {
      lastEvaluation = now;
      const {train, test} = session.evaluate();
      setText(status, t("status", {
        epoch: session.epoch,
        trainLoss: formatFixed(train.loss, 4),
        testLoss: formatFixed(test.loss, 4),
        trainAccuracy: percent(train.accuracy),
        testAccuracy: percent(test.accuracy)
      }));
      lossView.record({epoch: session.epoch, train: train.loss, test: test.loss}, force);
      if (force) setText(announce, status.textContent ?? "");
      w.publish({
        ...config,
        epoch: session.epoch,
        trainLoss: train.loss,
        testLoss: test.loss,
        trainAccuracy: train.accuracy,
        testAccuracy: test.accuracy,
        diverged: session.diverged,
        data: {train: data.train, test: data.test}
      });
    }
    plane.draw(sample.outputs, RESOLUTION, data.train, data.test, {discretize: config.discretize, showTest: config.showTest});
    network.update(session.net, sample);
  }

  // ----- training loop: one epoch per step -----
  const loop = w.loop({
    budgetMs: TRAIN_MS,
    step() {
      if (frameStart < 0) frameStart = performance.now();
      if (data.train.length === 0 || session.diverged) return false;
      session.runEpoch();
      return !session.diverged;
    },
    draw() {
      render(!loop.running);
      // The frame's work (training + drawing), read by the benchmark.
      if (frameStart >= 0) {
        if (++measures > 3000) {
          performance.clearMeasures(FRAME_MEASURE);
          measures = 0;
        }
        performance.measure(FRAME_MEASURE, {start: frameStart, end: performance.now()});
        frameStart = -1;
      }
      if (session.diverged) showMessages(alert, [t("diverged")], false);
    }
  });
  const buttons = loopButtons(loop, rebuild, w.lang, {step: t("stepEpoch")});
  buttons.element.classList.add("playground-run");

  function updateAvailability(): void {
    const empty = data.train.length === 0;
    loop.button.disabled = buttons.step.disabled = empty;
    customNote.hidden = config.dataset !== "custom";
    if (empty) showMessages(alert, [t("noPoints")], false);
    else alert.replaceChildren(), (alert.className = "");
    addLayer.disabled = config.layers.length >= MAX_LAYERS;
    removeLayer.disabled = config.layers.length === 0;
    layerCount.textContent = config.layers.length === 1 ? t("layers.one") : t("layers.other", {n: config.layers.length});
  }

  /** The network drawing's layers, inputs and activation: new data alone (a noise slider) keeps the drawing. */
  let drawnStructure = "";

  /** A new network (same seed: same starting weights) on freshly built data. */
  function rebuild(): void {
    buildData();
    session = createSession(architecture(), hyperparameters(), data);
    const inputs = architecture().features.map((id) => FEATURE_LABELS[id]);
    const activationName = t(`act.${config.activation as ActivationId}`);
    const structure = JSON.stringify([session.net.sizes, inputs, activationName]);
    if (structure !== drawnStructure) {
      drawnStructure = structure;
      network.setStructure(session.net.sizes, inputs, activationName);
      editor.refresh();
    } else editor.show();
    updateAvailability();
    lossView.clear();
    render(true);
  }

  // ----- settings -----
  function changeConfig(patch: Partial<PlaygroundConfig>): void {
    const previous = config;
    const next = validateConfig({...config, ...patch});
    config = next.config;
    if (next.notices.length) controls.set(config);
    w.write(config);
    const changed = (keys: readonly (keyof PlaygroundConfig)[]) => keys.some((k) => JSON.stringify(previous[k]) !== JSON.stringify(config[k]));
    if (changed(DATA_KEYS) || changed(NETWORK_KEYS)) {
      const wasRunning = loop.running;
      loop.pause();
      rebuild();
      if (wasRunning) loop.start();
    } else {
      // Mid-run: the trainer keeps the weights and the optimiser's state.
      if (changed(TRAINING_KEYS)) session.setHyperparameters(hyperparameters());
      render(true);
    }
  }

  const controls = createControls(t, config, changeConfig, () => {
    const seed = Math.floor(Math.random() * 1_000_000);
    controls.set({seed});
    changeConfig({seed});
  });

  // ----- the learner's own points -----
  function useCustom(points: LabeledPoint[]): void {
    customPoints = points;
    const classes = Math.max(2, ...points.map((p) => p.label + 1));
    if (config.dataset === "custom" && classes === data.classes) {
      data = {...splitTrainTest(points, config.train / 100, config.seed), classes};
      session.setData(data);
      updateAvailability();
      render(true);
      return;
    }
    controls.set({dataset: "custom"});
    changeConfig({dataset: "custom"});
    if (config.dataset === "custom") rebuild();
  }

  function addPoint(point: LabeledPoint): void {
    const base = config.dataset === "custom" ? customPoints : allPoints();
    useCustom([...base, point]);
  }

  const dataPanel = createDataPanel(t, w.lang, {add: addPoint, replace: useCustom, points: allPoints});

  // ----- network editing -----
  const layerCount = element("span");
  const addLayer = button(t("addLayer"), () => changeConfig({layers: [...config.layers, 2]}));
  const removeLayer = button(t("removeLayer"), () => changeConfig({layers: config.layers.slice(0, -1)}));

  const editor = (() => {
    const id = `playground-weight-${Math.random().toString(36).slice(2)}`;
    const select = element("select");
    const value = element("input");
    value.type = "number";
    value.step = "0.1";
    value.id = id;
    const valueLabel = element("label", "", t("editor.value"));
    valueLabel.htmlFor = id;
    const message = element("div");
    message.setAttribute("role", "status");
    let edges: EdgeRef[] = [];
    const current = () => edges[select.selectedIndex] as EdgeRef | undefined;
    const weightIndex = (edge: EdgeRef) => edge.j * session.net.sizes[edge.layer] + edge.i;
    const set = button(t("editor.set"), () => {
      const edge = current();
      const x = Number(value.value);
      if (!edge) return;
      if (value.value.trim() === "" || !Number.isFinite(x) || Math.abs(x) > 100) {
        showMessages(message, [t("editor.invalid")], false);
        return;
      }
      // The trainer holds the same arrays: the next step trains from this weight.
      session.net.weights[edge.layer][weightIndex(edge)] = x;
      message.replaceChildren();
      message.className = "";
      render(true);
    });
    const show = () => {
      const edge = current();
      network.select(edge ?? null);
      if (edge) value.value = String(+session.net.weights[edge.layer][weightIndex(edge)].toFixed(4));
    };
    select.addEventListener("change", show);
    return {
      element: element("div", "controls weight-editor", element("label", "", t("editor.weight"), select), valueLabel, value, set, message),
      /** Shows the chosen edge's weight in the new network (same edges). */
      show,
      refresh() {
        const sizes = session.net.sizes;
        const names = sizes.map((n, l) =>
          Array.from({length: n}, (_, k) =>
            l === 0
              ? FEATURE_LABELS[architecture().features[k]]
              : l === sizes.length - 1
                ? n === 1
                  ? t("editor.output")
                  : t("editor.outputN", {k})
                : t("editor.neuron", {layer: l, neuron: k + 1})
          )
        );
        edges = [];
        const items: HTMLOptionElement[] = [];
        for (let l = 0; l + 1 < sizes.length; ++l) {
          for (let j = 0; j < sizes[l + 1]; ++j) {
            for (let i = 0; i < sizes[l]; ++i) {
              edges.push({layer: l, j, i});
              items.push(new Option(t("editor.edge", {from: names[l][i], to: names[l + 1][j]})));
            }
          }
        }
        select.replaceChildren(...items);
        show();
      },
      choose(edge: EdgeRef) {
        select.selectedIndex = edges.findIndex((e) => e.layer === edge.layer && e.j === edge.j && e.i === edge.i);
        show();
        value.focus();
      }
    };
  })();

  // ----- files -----
  const fileMessage = element("div");
  fileMessage.setAttribute("role", "status");
  const saveWeights = button(t("files.saveWeights"), () => {
    const file = exportWeights(session.net, architecture().features, config.activation);
    download(new Blob([JSON.stringify(file, null, 1)], {type: "application/json"}), "playground-weights.json");
  });
  const weightsLabel = filePicker(t("files.importWeights"), ".json,application/json", async (chosen) => {
    const result = importWeights(await chosen.text(), session.net.sizes, architecture().features, config.activation, translator("playground-weights", weightsMessages, w.lang));
    if (!result.ok) {
      showMessages(fileMessage, [result.message], false);
      return;
    }
    loop.pause();
    session.load(result.weights, result.biases);
    showMessages(fileMessage, [t("files.imported"), ...result.notes], true);
    render(true);
  });
  const savePng = button(t("files.savePng"), async () => {
    const blob = await plane.png();
    if (blob) download(blob, "playground-boundary.png");
  });

  // ----- layout -----
  // validateConfig's one correction (no input feature), in the widget's language.
  // Its own correction in the kernel's URL-notice box, titled in the widget's language like every other.
  const notice = checked.notices.length ? stateNotice([t("noFeatures")], translator("url-state", urlMessages, w.lang)) : w.notice;
  if (checked.notices.length && w.notice.querySelector("ul")) {
    notice.querySelector("ul")!.prepend(...w.notice.querySelectorAll("li"));
  }
  const left = element("div", "playground-left", plane.element, lossView.element);
  const right = element("div", "playground-right", element("div", "controls playground-layers", addLayer, removeLayer, layerCount), network.element, editor.element);
  root.append(
    notice,
    sideBySide([buttons.element, controls.element], [status, alert, element("div", "row", left, right)]),
    customNote,
    dataPanel.element,
    element("div", "controls playground-files", saveWeights, weightsLabel, savePng),
    fileMessage,
    announce
  );
  rebuild();
  if (config.dataset === "custom") (dataPanel.element as HTMLDetailsElement).open = true;
  w.observeWidth(left, (width) => {
    plane.setSize(width);
    lossView.setWidth(width);
    render(true);
  });
  w.observeWidth(right, (width) => {
    network.setWidth(width);
    render(false);
  });
  return root;
}
