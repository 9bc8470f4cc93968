/**
 * The MNIST trainer as one widget (the page, its embed and its module share it):
 * the recipe's controls, and for each recipe a fresh training worker with its
 * data, backend, run controls, live charts, test results and drawing pad.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {button, element} from "../course/dom.js";
import {urlState} from "../course/url-state.js";
import type {WidgetOptions} from "../course/widget.js";
import {LECTURE_TEST_ACCURACY, sameRecipe} from "../mnist/comparisons.js";
import {BACKENDS, type BackendChoice, type BackendRequest} from "../mnist/protocol.js";
import {MNIST_SCHEMA, describeRecipe, recipeOf, withValue, type MnistSettings} from "../mnist/recipe-params.js";
import {LECTURE_RECIPE, parameterCount} from "../mnist/recipe.js";
import {loadReferenceRuns} from "../mnist/reference-files.js";
import type {ReferenceRun} from "../mnist/reference-store.js";
import {backendView, chartsView, controlsView, dataView, drawView, resultsView} from "../mnist/run-view.js";
import {TrainingSession} from "../mnist/session.js";
import {loadManifest, shardUrl} from "../mnist/shard-files.js";
import {wasmPaths, workerUrl} from "../mnist/worker-files.js";

export const mnistTrainerSchema = MNIST_SCHEMA;

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

export function createMnistTrainerWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(MNIST_SCHEMA, options.search, options.signal);
  const root = element("div", "widget mnist-trainer");
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
    state.notice(),
    controls,
    summary,
    section("mnist-data", "The data", parts.data),
    section("mnist-backend", "Backend", parts.backend),
    section("mnist-controls", "Training", parts.run),
    section("mnist-charts", "Loss and accuracy", parts.charts),
    section("mnist-results", "On the test set", parts.results),
    section("mnist-draw", "Draw a digit", element("p", "", "Your drawing is scaled to fit a 20×20 box and placed in 28×28 with its centre of mass in the middle, the way MNIST's digits were made."), parts.draw)
  );

  let session: TrainingSession | null = null;
  let generation = 0;
  // Backend choices survive recipe changes, so only the first worker times the backends.
  const backendMemo = new Map<BackendRequest, BackendChoice>();
  const references = loadReferenceRuns().catch(() => [] as ReferenceRun[]);
  const files = Promise.all([workerUrl(), wasmPaths(), loadManifest()]).then(async ([script, wasm, manifest]) => {
    const absolute = (u: string) => new URL(u, location.href).href;
    const shardUrls = Object.fromEntries(await Promise.all(manifest.shards.map(async (s) => [s.file, absolute(await shardUrl(s.file))] as const)));
    return {script: absolute(script), wasm, manifest, shardUrls};
  });

  /** Starts a fresh worker for the settings; the previous one and all its tensors are disposed. */
  async function start(settings: MnistSettings): Promise<void> {
    const mine = ++generation;
    session?.dispose();
    session = null;
    state.write(settings);
    const recipe = recipeOf(settings);
    const runs = await references;
    const reference = runs.find((r) => sameRecipe(r.recipe, recipe))?.log ?? null;
    summary.textContent = `Training ${describeRecipe(recipe)}: ${parameterCount(recipe).toLocaleString("en-US")} parameters. ${
      reference ? `Reference run: ${reference.recipe.epochs} epochs at build time.` : "No reference run was trained for this recipe."
    }`;
    let loaded: Awaited<typeof files>;
    try {
      loaded = await files;
    } catch (error) {
      parts.data.replaceChildren(element("p", "notice error", `The MNIST data could not be loaded: ${(error as Error).message}`));
      return;
    }
    if (mine !== generation || options.signal?.aborted) return;
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
    parts.data.replaceChildren(dataView(s));
    parts.backend.replaceChildren(backendView(s));
    parts.run.replaceChildren(controlsView(s, recipe, loaded.manifest.splits.train.count));
    parts.charts.replaceChildren(chartsView(s, recipe, reference, LECTURE_TEST_ACCURACY));
    parts.results.replaceChildren(resultsView(s));
    parts.draw.replaceChildren(drawView(s));
  }

  function buildControls(initial: MnistSettings): void {
    const hidden1 = Inputs.select(withValue([32, 64, 128, 256, 512], initial.hidden[0]), {label: "Hidden layer 1 (units)", value: initial.hidden[0]});
    const hidden2 = Inputs.select(withValue([0, 32, 64, 128, 256, 512], initial.hidden[1] ?? 0), {
      label: "Hidden layer 2 (units)",
      value: initial.hidden[1] ?? 0,
      format: (d: number) => (d === 0 ? "none" : String(d))
    });
    const activation = Inputs.radio(["relu", "sigmoid"], {label: "Activation", value: initial.activation, format: (d: string) => (d === "relu" ? "ReLU" : "sigmoid")});
    const optimizer = Inputs.radio(["adam", "sgd"], {label: "Optimiser", value: initial.optimizer, format: (d: string) => (d === "adam" ? "Adam" : "SGD")});
    const lr = Inputs.select(withValue([0.0001, 0.001, 0.01, 0.1, 1, 10], initial.lr), {label: "Learning rate", value: initial.lr});
    const batch = Inputs.select(withValue([16, 32, 64, 128, 256], initial.batch), {label: "Batch size", value: initial.batch});
    const epochs = Inputs.select(withValue([1, 2, 3, 5, 10, 15, 20, 30], initial.epochs), {label: "Epochs", value: initial.epochs});
    const backend = Inputs.select(["auto", ...BACKENDS], {label: "Backend", value: initial.backend, format: (d: string) => (d === "auto" ? "automatic (fastest here)" : d)});
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
    const reset = button("Reset to the lecture's recipe", () => {
      buildControls({...LECTURE_SETTINGS, backend: backend.value});
      void start({...LECTURE_SETTINGS, backend: backend.value});
    });
    controls.replaceChildren(element("div", "controls", ...inputs), reset);
  }

  buildControls(state.initial);
  void start(state.initial);
  options.signal?.addEventListener("abort", () => {
    ++generation;
    session?.dispose();
  });
  return root;
}
