/**
 * The MNIST page's views of one training session: data loading, the backend
 * in use, run controls and status, live charts and the log, test results,
 * and the drawing pad. Each view subscribes to the session's messages; the
 * session's disposal ends them all.
 */
import {digitCanvas, digitGrid} from "../charts/digits.js";
import {drawPad} from "../charts/draw-pad.js";
import {confusionChart, curveChart, probabilityChart, testAccuracyChart, type CurvePoint, type EpochPoint} from "../charts/training-charts.js";
import {progressView} from "../course/progress.js";
import {prepareDrawnDigit} from "./preprocess.js";
import type {FromWorker, RunState} from "./protocol.js";
import type {Recipe} from "./recipe.js";
import type {ReferenceLog} from "./reference-log.js";
import type {TrainingSession} from "./session.js";

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
const thousands = (n: number) => n.toLocaleString("en-US");

/** Shard download progress, then the first training digits. */
export function dataView(session: TrainingSession): HTMLElement {
  const progress = progressView("Loading MNIST (60,000 training and 10,000 test images)");
  const samples = el("div", {className: "samples"});
  const root = el("div", {className: "mnist-data"}, progress.element, samples);
  session.subscribe((m) => {
    if (m.type === "data") {
      const p = m.progress;
      const done = p.file === null;
      progress.update(done ? 1 : p.loadedBytes, done ? 1 : p.totalBytes, done ? `All ${thousands(p.loadedImages)} images loaded and verified.` : `${mb(p.loadedBytes)} of ${mb(p.totalBytes)} MB, ${thousands(p.loadedImages)} of ${thousands(p.totalImages)} images (${p.file})`);
    } else if (m.type === "samples") {
      samples.replaceChildren(
        el("p", {}, "The first training digits, as the worker decoded them (training can start now):"),
        digitGrid(Array.from(m.labels, (label, i) => ({pixels: m.pixels.subarray(i * 784, (i + 1) * 784), caption: String(label), label: `Handwritten digit, labelled ${label}`})))
      );
    } else if (m.type === "state" && m.state === "failed") {
      progress.fail(m.message ?? "Loading failed.");
    }
  });
  return root;
}

/** Which backend runs and why; a plain notice when there is no usable WebGPU. */
export function backendView(session: TrainingSession): HTMLElement {
  const root = el("div", {className: "notice", role: "status"}, "Choosing a TensorFlow.js backend…");
  root.setAttribute("aria-live", "polite");
  session.subscribe((m) => {
    if (m.type !== "backend") return;
    const {backend, reason, webgpu} = m.choice;
    root.dataset.backend = backend;
    root.replaceChildren(el("strong", {}, `Training runs on ${backend}.`), ` ${reason}`);
    if (webgpu !== "hardware") {
      root.append(el("br"), "No GPU through WebGPU here, so training uses the CPU; expect about half a minute per epoch on a laptop.");
    }
  });
  return root;
}

const PLAYING: RunState[] = ["training", "paused"];

function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "–";
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return m ? `${m} min ${s} s` : `${s} s`;
}

/** Start / pause / resume / stop, and a status line with speed and time left. */
export function controlsView(session: TrainingSession, recipe: Recipe, trainImages: number): HTMLElement {
  const buttons = {
    start: el("button", {type: "button", textContent: "Start training", disabled: true}),
    pause: el("button", {type: "button", textContent: "Pause", disabled: true}),
    resume: el("button", {type: "button", textContent: "Resume", disabled: true}),
    stop: el("button", {type: "button", textContent: "Stop", disabled: true})
  };
  for (const [type, button] of Object.entries(buttons)) button.addEventListener("click", () => session.send({type: type as "start" | "pause" | "resume" | "stop"}));
  const status = el("div", {className: "run-status", role: "status"});
  status.setAttribute("aria-live", "polite");
  status.dataset.state = "loading";
  const alert = el("div");
  const batches = Math.floor(trainImages / recipe.batchSize);
  const total = batches * recipe.epochs;
  let state: RunState = "loading";
  const text = {loading: "Waiting for the first shard…", ready: "Ready to train.", training: "Training", paused: "Paused", stopped: "Stopped.", done: "Finished all epochs.", diverged: "Paused: the loss is NaN.", failed: "Stopped by an error."};
  status.textContent = text.loading;
  session.subscribe((m: FromWorker) => {
    if (m.type === "state") {
      state = m.state;
      status.dataset.state = state;
      buttons.start.disabled = !["ready", "stopped", "done", "diverged"].includes(state);
      buttons.start.textContent = state === "ready" ? "Start training" : "Start again";
      buttons.pause.disabled = state !== "training";
      buttons.resume.disabled = state !== "paused";
      buttons.stop.disabled = !PLAYING.includes(state);
      if (!PLAYING.includes(state)) status.textContent = text[state];
      alert.replaceChildren();
      if (m.message) alert.replaceChildren(el("div", {className: "notice error", role: "alert", textContent: m.message}));
    } else if (m.type === "tick") {
      status.dataset.step = String(m.step);
      status.dataset.tensors = String(m.tensors);
      if (!PLAYING.includes(state)) return;
      const left = (total - m.step) / m.stepsPerSecond;
      status.textContent =
        `${text[state]}: epoch ${m.epoch} of ${recipe.epochs}, iteration ${m.iteration} of ${batches} (step ${thousands(m.step)} of ${thousands(total)}), ` +
        `${m.stepsPerSecond.toFixed(1)} iterations/s, about ${formatDuration(left)} left · ${m.tensors} tensors in memory`;
    }
  });
  return el("div", {className: "run-controls"}, el("div", {className: "buttons"}, ...Object.values(buttons)), status, alert);
}

/** Loss, batch accuracy and test accuracy over the reference run, and the lecture-style log. */
export function chartsView(session: TrainingSession, recipe: Recipe, reference: ReferenceLog | null, lecture: number): HTMLElement {
  const refCurve: CurvePoint[] = reference?.train ?? [];
  const refEpochs: EpochPoint[] = reference?.test ?? [];
  const live: CurvePoint[] = [];
  const epochs: EpochPoint[] = [];
  const loss = el("figure");
  const accuracy = el("figure");
  const test = el("figure");
  const log = el("pre", {className: "train-log", tabIndex: 0});
  log.setAttribute("role", "log");
  log.setAttribute("aria-label", "Training log in the lecture's format");
  const caption = (text: string) => el("figcaption", {textContent: text});
  const refNote = reference ? `grey: the reference run trained at build time (${reference.recipe.epochs} epochs, ${reference.backend} in Node)` : "no reference run matches this recipe";
  let pending = false;
  const draw = () => {
    pending = false;
    const width = Math.min(640, loss.parentElement?.clientWidth ?? 640);
    loss.replaceChildren(curveChart("loss", live, refCurve, width), caption(`Training loss every 128 iterations; ${refNote}.`));
    accuracy.replaceChildren(curveChart("accuracy", live, refCurve, width), caption("Accuracy of the current batch of 64 every 128 iterations, as the lecture prints it."));
    test.replaceChildren(testAccuracyChart(epochs, refEpochs, lecture, recipe.epochs, width), caption(`Test accuracy after each epoch; red: the lecture's ${(lecture * 100).toFixed(2)} %.`));
  };
  const redraw = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(draw);
  };
  const append = (line: string) => {
    log.append(line + "\n");
    while (log.childNodes.length > 400) log.firstChild!.remove();
    log.scrollTop = log.scrollHeight;
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
      append(`TRAIN-Iteration: ${iteration}, Loss: ${l}, Accuracy: ${a}`);
      redraw();
    } else if (m.type === "epoch") {
      epochs.push(m.summary);
      append(`TEST-Accuracy: ${m.summary.batchMeanAccuracy} (epoch ${m.summary.epoch}; ${(m.summary.accuracy * 100).toFixed(2)} % of the 10,000 test images)`);
      redraw();
    }
  });
  return el("div", {className: "run-charts"}, loss, accuracy, test, log);
}

/** The confusion matrix and misclassified digits of the latest test evaluation. */
export function resultsView(session: TrainingSession): HTMLElement {
  const root = el("div", {className: "mnist-results"}, el("p", {textContent: "Train (or stop a run) to see how the network does on the 10,000 test images."}));
  session.subscribe((m) => {
    if (m.type !== "test") return;
    const r = m.report;
    const gallery = digitGrid(
      r.misclassified.map((d) => ({
        pixels: d.pixels,
        caption: `${d.label} → ${d.predicted} (${(d.probabilities[d.predicted] * 100).toFixed(0)} %)`,
        label: `Test digit ${d.index}: true ${d.label}, predicted ${d.predicted} with probability ${(d.probabilities[d.predicted] * 100).toFixed(0)} %, the true label got ${(d.probabilities[d.label] * 100).toFixed(0)} %`
      }))
    );
    root.replaceChildren(
      el("p", {className: "test-summary", textContent: `After ${thousands(r.step)} training steps (epoch ${r.epoch}): test accuracy ${(r.accuracy * 100).toFixed(2)} %, test loss ${r.loss.toFixed(4)}.`}),
      el("div", {className: "row"},
        el("figure", {className: "confusion"}, confusionChart(r.confusion), el("figcaption", {textContent: "Confusion matrix: rows are the true digits, columns the network's answers; the diagonal is right."})),
        el("div", {className: "misclassified"}, el("h3", {textContent: "Misclassified test digits"}), el("p", {textContent: "true → predicted (probability of the prediction)"}), gallery)
      )
    );
  });
  return root;
}

/** A pad to draw a digit on, the digit as the network sees it, and its class probabilities. */
export function drawView(session: TrainingSession): HTMLElement {
  const seen = el("figure", {className: "seen"});
  const bars = el("figure", {className: "probabilities"}, el("p", {textContent: "Draw a digit on the black square."}));
  let request = 0;
  const pad = drawPad(async (ink, size) => {
    const prepared = prepareDrawnDigit(ink, size, size);
    const mine = ++request;
    if (!prepared) {
      seen.replaceChildren();
      bars.replaceChildren(el("p", {textContent: "Draw a digit on the black square."}));
      return;
    }
    const canvas = digitCanvas(prepared.pixels);
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Your digit scaled to 20×20 and centred by its centre of mass in 28×28, as MNIST digits are");
    seen.replaceChildren(canvas, el("figcaption", {textContent: "28×28, as the network sees it"}));
    const probabilities = await session.predict(prepared.input);
    if (mine !== request) return;
    if (probabilities.length === 0) {
      bars.replaceChildren(el("p", {className: "notice", textContent: "Train the network first (a few hundred steps are enough to start) and draw again."}));
      return;
    }
    const top = probabilities.indexOf(Math.max(...probabilities));
    bars.dataset.prediction = String(top);
    bars.replaceChildren(probabilityChart(probabilities), el("figcaption", {textContent: `The network says ${top} (${(probabilities[top] * 100).toFixed(1)} %).`}));
  });
  return el("div", {className: "row draw"}, pad.element, seen, bars);
}
