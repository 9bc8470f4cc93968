/**
 * The MNIST page's views of one training session: data loading, the backend
 * in use, run controls and status, live charts and the log, test results,
 * and the drawing pad. Each view subscribes to the session's messages; the
 * session's disposal ends them all. Every text comes through the widget's
 * translator (`runViewMessages`, the charts' and the worker reports' messages).
 */
import {digitGrid, digitImage} from "../charts/digits.js";
import {drawPad} from "../charts/draw-pad.js";
import {confusionChart, curveChart, probabilityChart, testAccuracyChart, type chartMessages, type CurvePoint, type EpochPoint} from "../charts/training-charts.js";
import {button, element} from "../course/dom.js";
import {formatCount as count, formatFixed, formatPercent} from "../course/format.js";
import {frameTask} from "../course/widget.js";
import {progressView} from "../course/progress.js";
import type {Messages, Translate} from "../course/strings.js";
import {prepareDrawnDigit} from "./preprocess.js";
import type {FromWorker, RunState} from "./protocol.js";
import type {Recipe} from "./recipe.js";
import type {ReferenceLog} from "./reference-log.js";
import type {TrainingSession} from "./session.js";
import {backendName, backendReason, problemText, type Problem, type workerMessages} from "./worker-text.js";

/** The views' own texts; the trainer's messages put them beside the charts' and the worker reports' (one namespace). */
export const runViewMessages = {
  loading: "Loading MNIST (60,000 training and 10,000 test images)",
  loaded: "All {images} images loaded and verified.",
  loadingProgress: "{loaded} of {total} MB, {images} of {totalImages} images ({file})",
  loadingFailed: "Loading failed.",
  samples: "The first training digits, as the worker decoded them (training can start now):",
  digitLabel: "Handwritten digit, labelled {label}",
  choosingBackend: "Choosing a TensorFlow.js backend…",
  backendRuns: "Training runs on {backend}.",
  noGpu: "No GPU through WebGPU here, so training uses the CPU; expect about half a minute per epoch on a laptop.",
  start: "Start training",
  startAgain: "Start again",
  pause: "Pause",
  resume: "Resume",
  stop: "Stop",
  "state.loading": "Waiting for the first shard…",
  "state.ready": "Ready to train.",
  "state.training": "Training",
  "state.paused": "Paused",
  "state.stopped": "Stopped.",
  "state.done": "Finished all epochs.",
  "state.diverged": "Paused: the loss is NaN.",
  "state.failed": "Stopped by an error.",
  progress: "{state}: epoch {epoch} of {epochs}, iteration {iteration} of {batches} (step {step} of {total}), {speed} iterations/s, about {left} left · {tensors} tensors in memory",
  minutes: "{m} min {s} s",
  seconds: "{s} s",
  logLabel: "Training log in the lecture's format",
  logTrain: "TRAIN-Iteration: {iteration}, Loss: {loss}, Accuracy: {accuracy}",
  logTest: "TEST-Accuracy: {mean} (epoch {epoch}; {accuracy} % of the 10,000 test images)",
  referenceNote: "grey: the reference run trained at build time ({epochs} epochs, {backend} in Node)",
  noReference: "no reference run matches this recipe",
  lossCaption: "Training loss every 128 iterations; {reference}.",
  accuracyCaption: "Accuracy of the current batch of 64 every 128 iterations, as the lecture prints it.",
  testCaption: "Test accuracy after each epoch; dashed: the lecture's {accuracy} %.",
  resultsEmpty: "Train (or stop a run) to see how the network does on the 10,000 test images.",
  testSummary: "After {steps} training steps (epoch {epoch}): test accuracy {accuracy} %, test loss {loss}.",
  confusionCaption: "Confusion matrix: rows are the true digits, columns the network's answers; the diagonal is right.",
  misclassified: "Misclassified test digits",
  misclassifiedLegend: "true → predicted (probability of the prediction)",
  misclassifiedCaption: "{label} → {predicted} ({p} %)",
  misclassifiedLabel: "Test digit {index}: true {label}, predicted {predicted} with probability {p} %, the true label got {pt} %",
  drawPrompt: "Draw a digit on the black square.",
  padArea: "Drawing area: draw a digit with the mouse, a pen or a finger",
  padClear: "Clear the drawing",
  seenLabel: "Your digit scaled to 20×20 and centred by its centre of mass in 28×28, as MNIST digits are",
  seenCaption: "28×28, as the network sees it",
  trainFirst: "Train the network first (a few hundred steps are enough to start) and draw again.",
  prediction: "The network says {digit} ({p} %)."
} satisfies Messages;

type T = Translate<typeof runViewMessages & typeof chartMessages & typeof workerMessages>;


/** A problem in the page's words, the platform's own (English) words after it, marked as English. */
export function problemNode(text: string, detail?: string): HTMLElement {
  const node = element("span", "", text);
  if (detail) {
    const own = element("span", "problem-detail", detail);
    own.lang = "en";
    node.append(" (", own, ")");
  }
  return node;
}

const problemView = (t: T, problem: Problem) => problemNode(problemText(t, problem), problem.detail);

/** Shard download progress, then the first training digits. */
export function dataView(session: TrainingSession, t: T): HTMLElement {
  const progress = progressView(t("loading"));
  const samples = element("div", "samples");
  const root = element("div", "mnist-data", progress.element, samples);
  session.subscribe((m) => {
    if (m.type === "data") {
      const p = m.progress;
      if (p.file === null) progress.update(1, 1, t("loaded", {images: count(p.loadedImages)}));
      else progress.update(p.loadedBytes, p.totalBytes, t("loadingProgress", {loaded: formatFixed(p.loadedBytes / 1e6, 1), total: formatFixed(p.totalBytes / 1e6, 1), images: count(p.loadedImages), totalImages: count(p.totalImages), file: p.file}));
    } else if (m.type === "samples") {
      samples.replaceChildren(
        element("p", "", t("samples")),
        digitGrid(Array.from(m.labels, (label, i) => ({pixels: m.pixels.subarray(i * 784, (i + 1) * 784), caption: String(label), label: t("digitLabel", {label})})))
      );
    } else if (m.type === "state" && m.state === "failed") {
      progress.fail(m.problem ? problemView(t, m.problem) : t("loadingFailed"));
    }
  });
  return root;
}

/** Which backend runs and why; a plain notice when there is no usable WebGPU. */
export function backendView(session: TrainingSession, t: T): HTMLElement {
  const root = element("div", "notice", t("choosingBackend"));
  root.setAttribute("role", "status");
  root.setAttribute("aria-live", "polite");
  session.subscribe((m) => {
    if (m.type !== "backend") return;
    const {backend, webgpu} = m.choice;
    root.dataset.backend = backend;
    root.replaceChildren(element("strong", "", t("backendRuns", {backend: backendName(t, backend)})), ` ${backendReason(t, m.choice)}`);
    if (webgpu !== "hardware") root.append(element("br"), t("noGpu"));
  });
  return root;
}

const PLAYING: RunState[] = ["training", "paused"];

/** Training steps in a whole run: the last incomplete batch of each epoch is dropped. */
const runSteps = (recipe: Recipe, trainImages: number) => Math.floor(trainImages / recipe.batchSize) * recipe.epochs;

function formatDuration(t: T, seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m ? t("minutes", {m, s}) : t("seconds", {s});
}

/** Start / pause / resume / stop (commands to the worker, whose loop trains), and a status line with speed and time left. */
export function controlsView(session: TrainingSession, recipe: Recipe, trainImages: number, t: T): HTMLElement {
  const command = (type: "start" | "pause" | "resume" | "stop") => button(t(type), () => session.send({type}));
  const buttons = {start: command("start"), pause: command("pause"), resume: command("resume"), stop: command("stop")};
  for (const b of Object.values(buttons)) b.disabled = true;
  const status = element("div", "run-status", t("state.loading"));
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  status.dataset.state = "loading";
  const alert = element("div");
  const batches = Math.floor(trainImages / recipe.batchSize);
  const total = runSteps(recipe, trainImages);
  let state: RunState = "loading";
  session.subscribe((m: FromWorker) => {
    if (m.type === "state") {
      state = m.state;
      status.dataset.state = state;
      buttons.start.disabled = !["ready", "stopped", "done", "diverged"].includes(state);
      buttons.start.textContent = state === "ready" ? t("start") : t("startAgain");
      buttons.pause.disabled = state !== "training";
      buttons.resume.disabled = state !== "paused";
      buttons.stop.disabled = !PLAYING.includes(state);
      if (!PLAYING.includes(state)) status.textContent = t(`state.${state}`);
      alert.replaceChildren();
      if (m.problem) {
        const message = element("div", "notice error", problemView(t, m.problem));
        message.setAttribute("role", "alert");
        alert.replaceChildren(message);
      }
    } else if (m.type === "tick") {
      status.dataset.step = String(m.step);
      status.dataset.tensors = String(m.tensors);
      if (!PLAYING.includes(state)) return;
      status.textContent = t("progress", {
        state: t(`state.${state}`),
        epoch: m.epoch,
        epochs: recipe.epochs,
        iteration: m.iteration,
        batches,
        step: count(m.step),
        total: count(total),
        speed: formatFixed(m.stepsPerSecond, 1),
        left: formatDuration(t, (total - m.step) / m.stepsPerSecond),
        tensors: m.tensors
      });
    }
  });
  return element("div", "run-controls", element("div", "buttons", ...Object.values(buttons)), status, alert);
}

/** Loss, batch accuracy and test accuracy over the reference run, and the lecture-style log. */
export interface ChartsView {
  element: HTMLElement;
  /** Redraws the charts at this width. */
  resize(width: number): void;
}

export function chartsView(session: TrainingSession, recipe: Recipe, trainImages: number, reference: ReferenceLog | null, lecture: number, t: T): ChartsView {
  const refCurve: CurvePoint[] = reference?.train ?? [];
  const refEpochs: EpochPoint[] = reference?.test ?? [];
  const live: CurvePoint[] = [];
  const epochs: EpochPoint[] = [];
  const steps = runSteps(recipe, trainImages);
  const lossChart = curveChart(t, "loss", refCurve, steps);
  const accuracyChart = curveChart(t, "accuracy", refCurve, steps);
  const testChart = testAccuracyChart(t, refEpochs, lecture, recipe.epochs);
  const refNote = reference ? t("referenceNote", {epochs: reference.recipe.epochs, backend: reference.backend}) : t("noReference");
  const loss = element("figure", "", lossChart.element, element("figcaption", "", t("lossCaption", {reference: refNote})));
  const accuracy = element("figure", "", accuracyChart.element, element("figcaption", "", t("accuracyCaption")));
  const test = element("figure", "", testChart.element, element("figcaption", "", t("testCaption", {accuracy: formatPercent(lecture)})));
  const log = element("pre", "train-log");
  log.tabIndex = 0;
  log.setAttribute("role", "log");
  log.setAttribute("aria-label", t("logLabel"));
  let width = 640;
  const charts = {
    loss: () => lossChart.draw(live, width),
    accuracy: () => accuracyChart.draw(live, width),
    test: () => testChart.draw(epochs, width)
  };
  type Chart = keyof typeof charts;
  const ALL: Chart[] = ["loss", "accuracy", "test"];
  const draw = () => ALL.forEach((c) => charts[c]());
  // Log lines arrive many times a frame; the charts that changed redraw one per frame, so a frame that builds a chart's frame (a new width or decade) builds one.
  const dirty = new Set<Chart>();
  let follow = false;
  const frame = frameTask(() => {
    if (follow) log.scrollTop = log.scrollHeight;
    follow = false;
    const [next] = dirty;
    if (!next) return;
    dirty.delete(next);
    charts[next]();
    if (dirty.size) frame.request();
  });
  const redraw = (...which: Chart[]) => {
    for (const c of which.length ? which : ALL) dirty.add(c);
    frame.request();
  };
  const append = (line: string) => {
    log.append(line + "\n");
    while (log.childNodes.length > 400) log.firstChild!.remove();
    // Scrolled to the newest line in the frame: reading scrollHeight here would lay the page out for every line.
    follow = true;
    frame.request();
  };
  draw();
  let previous: RunState = "loading";
  session.subscribe((m) => {
    if (m.type === "state") {
      // Training that does not come out of a pause is a new run: start the charts afresh.
      if (m.state === "training" && previous !== "paused") {
        live.length = epochs.length = 0;
        log.replaceChildren();
        redraw();
      }
      previous = m.state;
    } else if (m.type === "log") {
      const {iteration, loss: l, accuracy: a} = m.entry;
      live.push(m.entry);
      append(t("logTrain", {iteration, loss: l, accuracy: a}));
      redraw("loss", "accuracy");
    } else if (m.type === "epoch") {
      epochs.push(m.summary);
      append(t("logTest", {mean: m.summary.batchMeanAccuracy, epoch: m.summary.epoch, accuracy: formatPercent(m.summary.accuracy)}));
      redraw("test");
    }
  });
  return {
    element: element("div", "run-charts", loss, accuracy, test, log),
    resize(next) {
      width = next;
      redraw();
    }
  };
}

/** The confusion matrix and misclassified digits of the latest test evaluation. */
export function resultsView(session: TrainingSession, t: T): HTMLElement {
  const root = element("div", "mnist-results", element("p", "", t("resultsEmpty")));
  // A report goes in over two frames, the summary and matrix (Plot's 200 marks) in one, the digits in the next: neither in the worker message's task, nor both in one frame.
  let parts: (() => void)[] = [];
  const frame = frameTask(() => {
    parts.shift()?.();
    if (parts.length) frame.request();
  });
  session.subscribe((m) => {
    if (m.type !== "test") return;
    const r = m.report;
    const misclassified = element("div", "misclassified", element("h3", "", t("misclassified")), element("p", "", t("misclassifiedLegend")));
    parts = [
      () => {
        const width = Math.min(420, root.clientWidth || 420);
        root.replaceChildren(
          element("p", "test-summary", t("testSummary", {steps: count(r.step), epoch: r.epoch, accuracy: formatPercent(r.accuracy), loss: formatFixed(r.loss, 4)})),
          element("div", "row", element("figure", "confusion", confusionChart(t, r.confusion, width), element("figcaption", "", t("confusionCaption"))), misclassified)
        );
      },
      () =>
        misclassified.append(
          digitGrid(
            r.misclassified.map((d) => ({
              pixels: d.pixels,
              caption: t("misclassifiedCaption", {label: d.label, predicted: d.predicted, p: formatPercent(d.probabilities[d.predicted], 0)}),
              label: t("misclassifiedLabel", {index: d.index, label: d.label, predicted: d.predicted, p: formatPercent(d.probabilities[d.predicted], 0), pt: formatPercent(d.probabilities[d.label], 0)})
            }))
          )
        )
    ];
    frame.request();
  });
  return root;
}

/** A pad to draw a digit on, the digit as the network sees it, and its class probabilities. */
export function drawView(session: TrainingSession, t: T): HTMLElement {
  const seen = element("figure", "seen");
  const bars = element("figure", "probabilities", element("p", "", t("drawPrompt")));
  let request = 0;
  const pad = drawPad(async (ink, size) => {
    const prepared = prepareDrawnDigit(ink, size, size);
    const mine = ++request;
    if (!prepared) {
      seen.replaceChildren();
      bars.replaceChildren(element("p", "", t("drawPrompt")));
      return;
    }
    seen.replaceChildren(digitImage(prepared.pixels, t("seenLabel")), element("figcaption", "", t("seenCaption")));
    const probabilities = await session.predict(prepared.input);
    if (mine !== request) return;
    if (probabilities.length === 0) {
      bars.replaceChildren(element("p", "notice", t("trainFirst")));
      return;
    }
    const top = probabilities.indexOf(Math.max(...probabilities));
    bars.dataset.prediction = String(top);
    bars.replaceChildren(probabilityChart(t, probabilities, Math.min(320, bars.clientWidth || 320)), element("figcaption", "", t("prediction", {digit: top, p: formatPercent(probabilities[top], 1)})));
  }, {area: t("padArea"), clear: t("padClear")});
  return element("div", "row draw", pad.element, seen, bars);
}
