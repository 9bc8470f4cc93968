/**
 * The MNIST trainer as one widget (the page, its embed and its module share it):
 * the recipe's controls, and for each recipe a fresh training worker with its
 * data, backend, run controls, live charts, test results and drawing pad.
 * Training runs in the worker, so its start/pause/stop buttons are commands to
 * that worker rather than the kernel's play loop.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {button, element, sideBySide} from "../course/dom.js";
import {formatCount, formatNumber} from "../course/format.js";
import type {Messages} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {LECTURE_TEST_ACCURACY, sameRecipe} from "../mnist/comparisons.js";
import {BACKENDS, type Backend, type BackendChoice, type BackendRequest, type RunState} from "../mnist/protocol.js";
import {MNIST_SCHEMA, recipeOf, withValue, type MnistSettings} from "../mnist/recipe-params.js";
import {LECTURE_RECIPE, parameterCount, type Recipe} from "../mnist/recipe.js";
import {loadReferenceRuns} from "../mnist/reference-files.js";
import type {ReferenceRun} from "../mnist/reference-store.js";
import {backendView, chartsView, controlsView, dataView, drawView, problemNode, resultsView, runViewMessages} from "../mnist/run-view.js";
import {TrainingSession} from "../mnist/session.js";
import {loadManifest, shardUrl} from "../mnist/shard-files.js";
import {wasmPaths, workerUrl} from "../mnist/worker-files.js";
import {backendName, workerMessages} from "../mnist/worker-text.js";
import {chartMessages} from "../charts/training-charts.js";

export const mnistTrainerSchema = MNIST_SCHEMA;

/** Every visible text of the widget, its run views and charts included (the strings hook translates them). */
export const messages = {
  ...runViewMessages,
  ...chartMessages,
  ...workerMessages,
  "section.data": "The data",
  "section.backend": "Backend",
  "section.controls": "Training",
  "section.charts": "Loss and accuracy",
  "section.results": "On the test set",
  "section.draw": "Draw a digit",
  drawIntro: "Your drawing is scaled to fit a 20×20 box and placed in 28×28 with its centre of mass in the middle, the way MNIST's digits were made.",
  hidden1: "Hidden layer 1 (units)",
  hidden2: "Hidden layer 2 (units)",
  noLayer: "none",
  activation: "Activation",
  optimizer: "Optimiser",
  lr: "Learning rate",
  batch: "Batch size",
  epochs: "Epochs",
  backend: "Backend",
  autoBackend: "automatic (fastest here)",
  resetRecipe: "Reset to the lecture's recipe",
  recipe: "784-{hidden}-10 with {activation}, {optimizer} at learning rate {lr}, batch {batch}, {epochs}",
  "epochs.one": "{n} epoch",
  "epochs.other": "{n} epochs",
  summary: "Training {recipe}: {parameters} parameters. {reference}",
  reference: "Reference run: {epochs} epochs at build time.",
  noReferenceRun: "No reference run was trained for this recipe.",
  dataFailed: "The MNIST data could not be loaded."
} satisfies Messages;

/** What the trainer is doing, for cells and host pages (coarser than the worker's run states). */
export type MnistTrainerState = "idle" | "loading" | "training" | "done" | "error";

export interface MnistTrainerValue extends MnistSettings {
  state: MnistTrainerState;
  /** The epoch being trained (0 before training). */
  epoch: number;
  /** Loss and batch accuracy of the last logged training step; null before the first. */
  loss: number | null;
  accuracy: number | null;
  /** Accuracy on the 10,000 test images at the last evaluation; null before one. */
  testAccuracy: number | null;
}

const STATES: Record<RunState, MnistTrainerState> = {
  loading: "loading",
  ready: "idle",
  training: "training",
  paused: "idle",
  stopped: "idle",
  done: "done",
  diverged: "error",
  failed: "error"
};

const LECTURE_SETTINGS: MnistSettings = {
  hidden: LECTURE_RECIPE.hidden.slice(),
  activation: LECTURE_RECIPE.activation,
  optimizer: LECTURE_RECIPE.optimizer,
  lr: LECTURE_RECIPE.learningRate,
  batch: LECTURE_RECIPE.batchSize,
  epochs: LECTURE_RECIPE.epochs,
  backend: "auto"
};

function section(id: string, title: string, ...children: Node[]): HTMLElement {
  const s = element("section", "mnist-section", element("h3", "", title), ...children);
  s.id = id;
  return s;
}

export function createMnistTrainerWidget(options: WidgetOptions = {}): WidgetElement<MnistTrainerValue> {
  const w = createWidget({id: "mnist", className: "mnist-trainer", schema: MNIST_SCHEMA, messages, value: {} as MnistTrainerValue}, options);
  const {t, root} = w;
  const controls = element("div", "mnist-recipe");
  const summary = element("p", "recipe-summary");
  const parts = {
    data: element("div"),
    backend: element("div"),
    run: element("div"),
    charts: element("div"),
    results: element("div"),
    draw: element("div")
  };
  root.append(
    w.notice,
    sideBySide(
      [controls],
      [
        summary,
        section("mnist-data", t("section.data"), parts.data),
        section("mnist-backend", t("section.backend"), parts.backend),
        section("mnist-controls", t("section.controls"), parts.run),
        section("mnist-charts", t("section.charts"), parts.charts),
        section("mnist-results", t("section.results"), parts.results),
        section("mnist-draw", t("section.draw"), element("p", "", t("drawIntro")), parts.draw)
      ]
    )
  );

  let value: MnistTrainerValue = {...w.initial, state: "loading", epoch: 0, loss: null, accuracy: null, testAccuracy: null};
  const publish = (change: Partial<MnistTrainerValue>) => w.publish((value = {...value, ...change}));

  let session: TrainingSession | null = null;
  let generation = 0;
  let resizeCharts = (_width: number) => {};
  w.observeWidth(parts.charts, (width) => resizeCharts(Math.min(640, width)));
  // Backend choices survive recipe changes, so only the first worker times the backends.
  const backendMemo = new Map<BackendRequest, BackendChoice>();
  const references = loadReferenceRuns().catch(() => [] as ReferenceRun[]);
  const files = Promise.all([workerUrl(), wasmPaths(), loadManifest()]).then(async ([script, wasm, manifest]) => {
    const absolute = (u: string) => new URL(u, location.href).href;
    const shardUrls = Object.fromEntries(await Promise.all(manifest.shards.map(async (s) => [s.file, absolute(await shardUrl(s.file))] as const)));
    return {script: absolute(script), wasm, manifest, shardUrls};
  });

  const describe = (r: Recipe) =>
    t("recipe", {
      hidden: r.hidden.join("-"),
      activation: r.activation === "relu" ? "ReLU" : "sigmoid",
      optimizer: r.optimizer === "adam" ? "Adam" : "SGD",
      lr: formatNumber(r.learningRate),
      batch: r.batchSize,
      epochs: t(r.epochs === 1 ? "epochs.one" : "epochs.other", {n: r.epochs})
    });

  /** Follows one session's messages into `.value`. */
  function track(s: TrainingSession): void {
    let previous: RunState = "loading";
    s.subscribe((m) => {
      if (session !== s) return;
      if (m.type === "state") {
        // Training that does not come out of a pause is a new run: its results start afresh.
        const fresh = m.state === "training" && previous !== "paused";
        previous = m.state;
        publish({state: STATES[m.state], ...(fresh ? {epoch: 0, loss: null, accuracy: null, testAccuracy: null} : {})});
      } else if (m.type === "tick" && m.epoch > 0 && m.epoch !== value.epoch) publish({epoch: m.epoch});
      else if (m.type === "log") publish({loss: m.entry.loss, accuracy: m.entry.accuracy});
      else if (m.type === "test") publish({testAccuracy: m.report.accuracy});
    });
  }

  /** Starts a fresh worker for the settings; the previous one and all its tensors are disposed. */
  async function start(settings: MnistSettings): Promise<void> {
    const mine = ++generation;
    session?.dispose();
    session = null;
    w.write(settings);
    publish({...settings, state: "loading", epoch: 0, loss: null, accuracy: null, testAccuracy: null});
    const recipe = recipeOf(settings);
    const runs = await references;
    const reference = runs.find((r) => sameRecipe(r.recipe, recipe))?.log ?? null;
    summary.textContent = t("summary", {
      recipe: describe(recipe),
      parameters: formatCount(parameterCount(recipe)),
      reference: reference ? t("reference", {epochs: reference.recipe.epochs}) : t("noReferenceRun")
    });
    let loaded: Awaited<typeof files>;
    try {
      loaded = await files;
    } catch (error) {
      parts.data.replaceChildren(element("p", "notice error", problemNode(t("dataFailed"), (error as Error).message)));
      publish({state: "error"});
      return;
    }
    if (mine !== generation || w.signal.aborted) return;
    const backend = settings.backend as BackendRequest;
    const s = new TrainingSession(loaded.script, {
      type: "init",
      wasmPaths: loaded.wasm,
      manifest: loaded.manifest,
      shardUrls: loaded.shardUrls,
      backend,
      known: backendMemo.get(backend),
      recipe
    });
    s.subscribe((m) => {
      if (m.type === "backend") backendMemo.set(backend, m.choice);
    });
    session = s;
    track(s);
    const charts = chartsView(s, recipe, loaded.manifest.splits.train.count, reference, LECTURE_TEST_ACCURACY, t);
    resizeCharts = charts.resize;
    if (parts.charts.clientWidth > 0) charts.resize(Math.min(640, parts.charts.clientWidth));
    parts.data.replaceChildren(dataView(s, t));
    parts.backend.replaceChildren(backendView(s, t));
    parts.run.replaceChildren(controlsView(s, recipe, loaded.manifest.splits.train.count, t));
    parts.charts.replaceChildren(charts.element);
    parts.results.replaceChildren(resultsView(s, t));
    parts.draw.replaceChildren(drawView(s, t));
  }

  function buildControls(initial: MnistSettings): void {
    const hidden1 = Inputs.select(withValue([32, 64, 128, 256, 512], initial.hidden[0]), {label: t("hidden1"), value: initial.hidden[0]});
    const hidden2 = Inputs.select(withValue([0, 32, 64, 128, 256, 512], initial.hidden[1] ?? 0), {
      label: t("hidden2"),
      value: initial.hidden[1] ?? 0,
      format: (d: number) => (d === 0 ? t("noLayer") : String(d))
    });
    const activation = Inputs.radio(["relu", "sigmoid"], {label: t("activation"), value: initial.activation, format: (d: string) => (d === "relu" ? "ReLU" : "sigmoid")});
    const optimizer = Inputs.radio(["adam", "sgd"], {label: t("optimizer"), value: initial.optimizer, format: (d: string) => (d === "adam" ? "Adam" : "SGD")});
    const lr = Inputs.select(withValue([0.0001, 0.001, 0.01, 0.1, 1, 10], initial.lr), {label: t("lr"), value: initial.lr});
    const batch = Inputs.select(withValue([16, 32, 64, 128, 256], initial.batch), {label: t("batch"), value: initial.batch});
    const epochs = Inputs.select(withValue([1, 2, 3, 5, 10, 15, 20, 30], initial.epochs), {label: t("epochs"), value: initial.epochs});
    const backend = Inputs.select(["auto", ...BACKENDS], {label: t("backend"), value: initial.backend, format: (d: string) => (d === "auto" ? t("autoBackend") : backendName(t, d as Backend))});
    const read = (): MnistSettings => ({
      hidden: hidden2.value ? [hidden1.value, hidden2.value] : [hidden1.value],
      activation: activation.value,
      optimizer: optimizer.value,
      lr: lr.value,
      batch: batch.value,
      epochs: epochs.value,
      backend: backend.value
    });
    const inputs = [hidden1, hidden2, activation, optimizer, lr, batch, epochs, backend];
    for (const input of inputs) input.addEventListener("input", () => void start(read()));
    const reset = button(t("resetRecipe"), () => {
      buildControls({...LECTURE_SETTINGS, backend: backend.value});
      void start({...LECTURE_SETTINGS, backend: backend.value});
    });
    controls.replaceChildren(element("div", "controls", ...inputs), reset);
  }

  buildControls(w.initial);
  void start(w.initial);
  w.signal.addEventListener("abort", () => {
    ++generation;
    session?.dispose();
  });
  return root;
}
