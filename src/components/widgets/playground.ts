/**
 * The Playground widget: a 2-D neural-network lab after TensorFlow
 * Playground. It wires the pure playground modules (data, features, settings,
 * training session, weights file) to the plane, the network drawing, the loss
 * chart and the controls; training runs in animation frames with a time budget.
 */
import {stateNotice, urlState} from "../course/url-state.js";
import {activationById} from "../nn/activations.js";
import {MAX_LAYERS, playgroundSchema, selectedFeatures, validateConfig, type PlaygroundConfig} from "../playground/config.js";
import {datasetClasses, generateDataset, splitTrainTest, type DatasetId, type LabeledPoint} from "../playground/datasets.js";
import {FEATURE_LABELS} from "../playground/features.js";
import {FRAME_MEASURE, runForBudget} from "../playground/frame-budget.js";
import {samplePlane} from "../playground/grid.js";
import {exportWeights, importWeights} from "../playground/network-io.js";
import {createSession, type Architecture, type Hyperparameters, type Session} from "../playground/training.js";
import {createControls} from "./playground-controls.js";
import {createDataPanel} from "./playground-data.js";
import {button} from "../course/dom.js";
import {download, filePicker, showMessages} from "./playground-dom.js";
import {createLossView} from "./playground-loss.js";
import {createNetworkView, type EdgeRef} from "./playground-network.js";
import {createPlane} from "./playground-plane.js";
import type {WidgetOptions} from "../course/widget.js";

export {playgroundSchema};

/** Grid cells per side of the decision boundary; neuron heatmaps use every second one (20 × 20). */
const RESOLUTION = 40;
/** Milliseconds of work (training + drawing) per animation frame, leaving the rest of 16.7 ms to the browser. */
const FRAME_WORK_MS = 7;
/** How often the loss and accuracy are measured while training. */
const EVALUATE_MS = 100;

const DATA_KEYS = ["dataset", "classes", "noise", "train", "points", "seed"] as const;
const NETWORK_KEYS = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2", "layers", "activation"] as const;
const TRAINING_KEYS = ["loss", "reg", "rate", "lr", "batch", "optimizer"] as const;

function percent(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : "—";
}

function fixed(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : "—";
}

export function createPlaygroundWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(playgroundSchema, options.search, options.signal);
  const checked = validateConfig(state.initial);
  let config: PlaygroundConfig = checked.config;
  let customPoints: LabeledPoint[] = [];
  let data: {train: LabeledPoint[]; test: LabeledPoint[]; classes: number} = {train: [], test: [], classes: 2};
  let session: Session;
  let running = false;
  let frame = 0;
  let drawMs = 4;
  let measures = 0;

  const root = document.createElement("div");
  root.className = "widget playground";
  const alert = document.createElement("div");
  alert.setAttribute("role", "alert");
  const status = document.createElement("p");
  status.className = "playground-status";
  const announce = document.createElement("div");
  announce.className = "sr-only";
  announce.setAttribute("role", "status");
  const customNote = document.createElement("p");
  customNote.className = "notice";
  customNote.textContent = "Your own points are not part of the page link: a link to this page restores every setting but starts with no points. Download them as CSV (below) to keep them.";

  const architecture = (): Architecture => ({
    features: selectedFeatures(config),
    layers: config.layers.slice(),
    activation: activationById(config.activation).id,
    classes: data.classes,
    seed: config.seed
  });
  const hyperparameters = (): Hyperparameters => ({
    loss: config.loss as Hyperparameters["loss"],
    learningRate: config.lr,
    batchSize: config.batch,
    optimizer: config.optimizer as Hyperparameters["optimizer"],
    l1: config.reg === "l1" ? config.rate : 0,
    l2: config.reg === "l2" ? config.rate : 0
  });
  const allPoints = () => [...data.train, ...data.test];

  function buildData(): void {
    const points =
      config.dataset === "custom"
        ? customPoints
        : generateDataset(config.dataset as DatasetId, {count: config.points, noise: config.noise / 100, seed: config.seed, classes: config.classes});
    const classes = config.dataset === "custom" ? Math.max(2, ...points.map((p) => p.label + 1)) : datasetClasses(config.dataset as DatasetId, config.classes);
    data = {...splitTrainTest(points, config.train / 100, config.seed), classes};
  }

  // ----- drawing -----
  const plane = createPlane(
    (x1, x2) => addPoint({x1: +x1.toFixed(3), x2: +x2.toFixed(3), label: dataPanel.clickClass()}),
    () =>
      `Decision boundary over the plane from −6 to 6: ${data.classes} classes, ${data.train.length} training points` +
      (config.showTest ? ` and ${data.test.length} test points (hollow)` : "") +
      `. ${status.textContent}`
  );
  const network = createNetworkView(
    (layer, delta) => changeConfig({layers: config.layers.map((n, l) => (l === layer ? n + delta : n))}),
    (edge) => editor.choose(edge)
  );
  const lossView = createLossView();

  let lastEvaluation = -Infinity;
  /** Redraws the plane and the network; losses and accuracy (a pass over all points) at most every EVALUATE_MS unless forced. */
  function render(force: boolean): void {
    const sample = samplePlane(session.net, session.outputAt, RESOLUTION, 2);
    const now = performance.now();
    if (force || now - lastEvaluation > EVALUATE_MS) {
      lastEvaluation = now;
      const {train, test} = session.evaluate();
      status.textContent =
        `Epoch ${session.epoch} · training loss ${fixed(train.loss)} · test loss ${fixed(test.loss)} · ` +
        `training accuracy ${percent(train.accuracy)} · test accuracy ${percent(test.accuracy)}`;
      lossView.record({epoch: session.epoch, train: train.loss, test: test.loss}, force);
      if (force) announce.textContent = status.textContent;
    }
    plane.draw(sample.outputs, RESOLUTION, data.train, data.test, {discretize: config.discretize, showTest: config.showTest});
    network.update(session.net, sample);
  }

  // ----- training loop -----
  function tick(): void {
    frame = 0;
    if (!running) return;
    const start = performance.now();
    runForBudget(
      () => {
        session.step();
        return !session.diverged;
      },
      Math.max(1, FRAME_WORK_MS - drawMs),
      () => performance.now()
    );
    const drawStart = performance.now();
    render(false);
    const end = performance.now();
    drawMs = end - drawStart;
    if (++measures > 3000) {
      performance.clearMeasures(FRAME_MEASURE);
      measures = 0;
    }
    performance.measure(FRAME_MEASURE, {start, end});
    if (session.diverged) {
      pause();
      showMessages(alert, ["Training diverged: the loss or a weight is no longer a finite number. Lower the learning rate (or add regularisation) and press Reset."], false);
    } else frame = requestAnimationFrame(tick);
  }

  const play = button("Play", () => (running ? pause() : start()));
  play.setAttribute("aria-pressed", "false");
  const stepButton = button("Step (one epoch)", () => {
    pause();
    session.runEpoch();
    render(true);
  });
  const reset = button("Reset", () => {
    pause();
    rebuild();
  });

  function start(): void {
    if (data.train.length === 0 || session.diverged) return;
    running = true;
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    frame = requestAnimationFrame(tick);
  }

  function pause(): void {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    const was = running;
    running = false;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
    if (was) render(true);
  }

  function updateAvailability(): void {
    const empty = data.train.length === 0;
    play.disabled = stepButton.disabled = empty;
    customNote.hidden = config.dataset !== "custom";
    if (empty) showMessages(alert, ["There are no training points: click the plane to add some, or import a CSV under “Your own points”."], false);
    else alert.replaceChildren(), (alert.className = "");
    addLayer.disabled = config.layers.length >= MAX_LAYERS;
    removeLayer.disabled = config.layers.length === 0;
    layerCount.textContent = `${config.layers.length} hidden layer${config.layers.length === 1 ? "" : "s"}`;
  }

  /** A new network (same seed: same starting weights) on freshly built data. */
  function rebuild(): void {
    buildData();
    session = createSession(architecture(), hyperparameters(), data);
    network.setStructure(session.net.sizes, architecture().features.map((id) => FEATURE_LABELS[id]), activationById(config.activation).name);
    editor.refresh();
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
    if (options.syncUrl !== false) state.write(config);
    const changed = (keys: readonly (keyof PlaygroundConfig)[]) => keys.some((k) => JSON.stringify(previous[k]) !== JSON.stringify(config[k]));
    if (changed(DATA_KEYS) || changed(NETWORK_KEYS)) {
      const wasRunning = running;
      pause();
      rebuild();
      if (wasRunning) start();
    } else {
      if (changed(TRAINING_KEYS)) session.setHyperparameters(hyperparameters());
      render(true);
    }
  }

  const controls = createControls(config, changeConfig, () => {
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

  const dataPanel = createDataPanel({add: addPoint, replace: useCustom, points: allPoints});

  // ----- network editing -----
  const layerCount = document.createElement("span");
  const addLayer = button("Add hidden layer", () => changeConfig({layers: [...config.layers, 2]}));
  const removeLayer = button("Remove hidden layer", () => changeConfig({layers: config.layers.slice(0, -1)}));

  const editor = (() => {
    const element = document.createElement("div");
    element.className = "controls weight-editor";
    const id = `playground-weight-${Math.random().toString(36).slice(2)}`;
    const selectLabel = document.createElement("label");
    selectLabel.textContent = "Weight ";
    const select = document.createElement("select");
    selectLabel.append(select);
    const valueLabel = document.createElement("label");
    valueLabel.htmlFor = id;
    valueLabel.textContent = "value ";
    const value = document.createElement("input");
    value.type = "number";
    value.step = "0.1";
    value.id = id;
    const set = button("Set weight", () => {
      const edge = current();
      const w = Number(value.value);
      if (!edge) return;
      if (value.value.trim() === "" || !Number.isFinite(w) || Math.abs(w) > 100) {
        showMessages(message, ["A weight must be a number from −100 to 100."], false);
        return;
      }
      session.net.weights[edge.l][edge.j * session.net.sizes[edge.l] + edge.i] = w;
      message.replaceChildren();
      message.className = "";
      render(true);
    });
    const message = document.createElement("div");
    message.setAttribute("role", "status");
    element.append(selectLabel, valueLabel, value, set, message);
    let edges: EdgeRef[] = [];
    const current = () => edges[select.selectedIndex] as EdgeRef | undefined;
    const show = () => {
      const edge = current();
      network.select(edge ?? null);
      if (edge) value.value = String(+session.net.weights[edge.l][edge.j * session.net.sizes[edge.l] + edge.i].toFixed(4));
    };
    select.addEventListener("change", show);
    return {
      element,
      refresh() {
        const sizes = session.net.sizes;
        const names = sizes.map((n, l) =>
          Array.from({length: n}, (_, k) =>
            l === 0 ? FEATURE_LABELS[architecture().features[k]] : l === sizes.length - 1 ? (n === 1 ? "output" : `output ${k}`) : `layer ${l} neuron ${k + 1}`
          )
        );
        edges = [];
        const items: HTMLOptionElement[] = [];
        for (let l = 0; l + 1 < sizes.length; ++l) {
          for (let j = 0; j < sizes[l + 1]; ++j) {
            for (let i = 0; i < sizes[l]; ++i) {
              edges.push({l, j, i});
              items.push(new Option(`${names[l][i]} → ${names[l + 1][j]}`));
            }
          }
        }
        select.replaceChildren(...items);
        show();
      },
      choose(edge: EdgeRef) {
        select.selectedIndex = edges.findIndex((e) => e.l === edge.l && e.j === edge.j && e.i === edge.i);
        show();
        value.focus();
      }
    };
  })();

  // ----- files -----
  const fileMessage = document.createElement("div");
  fileMessage.setAttribute("role", "status");
  const saveWeights = button("Download weights (JSON)", () => {
    const file = exportWeights(session.net, architecture().features, config.activation);
    download(new Blob([JSON.stringify(file, null, 1)], {type: "application/json"}), "playground-weights.json");
  });
  const weightsLabel = filePicker("Import weights (JSON)", ".json,application/json", async (chosen) => {
    const result = importWeights(await chosen.text(), session.net.sizes, architecture().features, config.activation);
    if (!result.ok) {
      showMessages(fileMessage, [result.message], false);
      return;
    }
    pause();
    session.load(result.weights, result.biases);
    showMessages(fileMessage, ["Weights imported.", ...result.notes], true);
    render(true);
  });
  const savePng = button("Download boundary (PNG)", async () => {
    const blob = await plane.png();
    if (blob) download(blob, "playground-boundary.png");
  });

  // ----- layout -----
  const row = (className: string, ...children: HTMLElement[]) => {
    const div = document.createElement("div");
    div.className = className;
    div.append(...children);
    return div;
  };
  const notices = [...state.notices, ...checked.notices];
  root.append(
    stateNotice(notices),
    row("controls playground-run", play, stepButton, reset),
    status,
    alert,
    row(
      "row",
      row("playground-left", plane.element, lossView.element),
      row("playground-right", row("controls playground-layers", addLayer, removeLayer, layerCount), network.element, editor.element)
    ),
    customNote,
    controls.element,
    dataPanel.element,
    row("controls playground-files", saveWeights, weightsLabel, savePng),
    fileMessage,
    announce
  );
  rebuild();
  if (config.dataset === "custom") (dataPanel.element as HTMLDetailsElement).open = true;
  options.signal?.addEventListener("abort", pause, {once: true});
  return root;
}
