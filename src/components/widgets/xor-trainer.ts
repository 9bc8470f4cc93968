/**
 * Train a 2-H-1 network on XOR: play / pause / step / reset, a live decision
 * boundary, the loss curve, every weight, and the network drawing with the
 * MLP's components labelled. Runs and stalls (local minima) are honest: the
 * status says which one the learner is looking at.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {liveDecisionBoundary, type LiveBoundary} from "../charts/decision-boundary.js";
import {lossCurve} from "../charts/loss-curve.js";
import {createNetworkDiagram, type NetworkDrawing} from "../charts/network-diagram.js";
import {button, chartFigure, element, labelledRange, scrollBox, setText, sideBySide, statusLine} from "../course/dom.js";
import {formatFixed, formatNumber} from "../course/format.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, loopButtons, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {trainableActivationIds, type ActivationId} from "../nn/activations.js";
import {forward, type LossKind} from "../nn/mlp.js";
import type {Trainer} from "../nn/trainer.js";
import {correctCount, STALLING_SEED, XOR_DATA, XOR_DEFAULTS, xorOutputs, xorStatus, xorTrainer, type XorSettings} from "../nn/xor-training.js";
import {activationMessages, headerRow} from "./perceptron-controls.js";

const INPUTS = ["00", "10", "01", "11"] as const;
const LOSSES = ["mse", "cross-entropy"] as const;

export const xorTrainerSchema = {
  h: {kind: "number", min: 2, max: 8, integer: true, default: XOR_DEFAULTS.hidden},
  act: {kind: "enum", values: trainableActivationIds, default: XOR_DEFAULTS.activation},
  lr: {kind: "number", min: 0.01, max: 10, default: XOR_DEFAULTS.learningRate},
  seed: {kind: "number", min: 1, max: 9999, integer: true, default: XOR_DEFAULTS.seed},
  loss: {kind: "enum", values: LOSSES, default: XOR_DEFAULTS.loss},
  speed: {kind: "number", min: 1, max: 200, integer: true, default: 20},
  show: {kind: "enum", values: INPUTS, default: "10"}
} satisfies Schema;

/** Training pauses by itself after this many epochs. */
const MAX_EPOCHS = 30_000;
/** Epochs between checks whether a run has finished (the check reads the loss history). */
const FINISH_CHECK_EVERY = 10;
/** Widest each chart is drawn. */
const BOUNDARY_MAX = 300;
const CURVE_MAX = 340;
const NETWORK_MAX = 420;
/** Network drawings kept for reuse (a drag over H revisits the same few sizes). */
const DRAWINGS_KEPT = 16;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  hidden: "Hidden units H",
  activation: "Hidden activation",
  ...activationMessages,
  lr: "Learning rate η",
  seed: "Seed",
  loss: "Loss",
  "loss.mse": "½(y − t)² (MSE)",
  "loss.cross-entropy": "cross-entropy",
  "lossAxis.mse": "E = ½(y − t)², mean over the 4 points",
  "lossAxis.cross-entropy": "cross-entropy, mean over the 4 points",
  "lossFormula.mse": "E = ½(y − t)²",
  "lossFormula.cross-entropy": "cross-entropy",
  speed: "Epochs per frame",
  show: "Values drawn for input",
  step: "Step (1 epoch)",
  stall: "Find a stall: H = 2, seed {seed}",
  boundaryCaption: "Decision boundary: the shading is the output y; where the colours meet, y = 0.5.",
  curveCaption: "Loss per epoch (log scale).",
  epochAxis: "epoch",
  readout: "Epoch {epoch} · loss {loss} · {correct}/4 correct",
  boundaryLabel: "Decision boundary of the {h}-unit network after {epoch} epochs: {correct} of 4 points on the correct side.",
  curveLabel: "Loss per epoch over {epochs} epochs: {first} at first, {last} now.",
  curveLabelEmpty: "Loss per epoch: no epochs yet.",
  networkLabel: "The 2-{h}-1 network for input ({x1}, {x2}): output y = {y}. Edge thickness shows each weight's size, blue positive, vermillion negative.",
  loopTitle: "train = feed forward + backpropagation, repeated for the number of epochs",
  loopEpoch: "for epoch = 1, 2, … (now {epoch}; it pauses by itself at {max}):",
  loopForward: "feed forward: compute y for each of the 4 inputs",
  loopLoss: "loss: {formula} averaged = {loss} (it started at {baseline})",
  loopBackprop: "backpropagation: ∂E/∂w for every weight and bias",
  loopUpdate: "update: w ← w − η·∂E/∂w with η = {lr}",
  diverged: "Training stopped after {steps} updates: the loss, a gradient or a weight stopped being a finite number. Try a smaller learning rate.",
  solved: "Solved: all four points are on the right side of y = 0.5 (loss {loss}).",
  stalled: "Stalled: the loss has stopped falling at {loss} with {correct}/4 correct.{where} This is a plateau: the gradient has faded almost to 0, so every update is tiny, and downhill only leads further along the flat. {advice}",
  stuckAt: " The output sits near 0.5 for {inputs}.",
  and: " and ",
  adviceLinear: "A linear hidden layer can only draw one straight line — pick a nonlinear activation.",
  adviceOther: "Try another seed or more hidden units.",
  ready: "Press Play to train, or Step to run one epoch at a time.",
  training: "Training…",
  outputsCaption: "Output for each input",
  "outputs.input": "input",
  "outputs.target": "target t",
  "outputs.output": "output y",
  "outputs.correct": "correct",
  yes: "yes",
  no: "no",
  weightsCaption: "Every weight: vᵢⱼ from input i to hidden unit j, bias bⱼ, wⱼ from unit j to y",
  "weights.unit": "hidden unit j",
  unit: "unit {n}",
  outputBias: "output bias c"
} satisfies Messages;

type Key = keyof typeof messages;

export type XorRunStatus = "ready" | "training" | "solved" | "stalled" | "diverged";

/** The trainer's settings and where its run stands. */
export interface XorTrainerValue {
  h: number;
  act: ActivationId;
  lr: number;
  seed: number;
  loss: LossKind;
  speed: number;
  /** The input whose values the drawing shows. */
  show: (typeof INPUTS)[number];
  epoch: number;
  /** Mean loss over the four points with the current weights. */
  currentLoss: number;
  /** Points on the right side of y = 0.5, 0 to 4. */
  correct: number;
  /** The network's output for (0,0), (1,0), (0,1), (1,1). */
  outputs: number[];
  status: XorRunStatus;
  running: boolean;
}

export function createXorTrainerWidget(options: WidgetOptions = {}): WidgetElement<XorTrainerValue> {
  const w = createWidget({id: "xor-trainer", className: "xor-trainer", schema: xorTrainerSchema, messages, value: {} as XorTrainerValue}, options);
  const {t, root} = w;
  const v = w.initial;
  const actName = (id: ActivationId) => t(`act.${id}` as Key);
  const hidden = labelledRange([2, 8], {label: t("hidden"), value: v.h, step: 1});
  const activation = Inputs.select(trainableActivationIds.slice(), {label: t("activation"), value: v.act as ActivationId, format: actName});
  const learningRate = labelledRange([0.01, 10], {label: t("lr"), value: v.lr, step: 0.01});
  const seed = Inputs.number([1, 9999], {label: t("seed"), value: v.seed, step: 1});
  const loss = Inputs.select(LOSSES.slice(), {label: t("loss"), value: v.loss as LossKind, format: (l: LossKind) => t(`loss.${l}` as Key)});
  const speed = labelledRange([1, 200], {label: t("speed"), value: v.speed, step: 1});
  const show = Inputs.radio(INPUTS.slice(), {label: t("show"), value: v.show as (typeof INPUTS)[number], format: (s: string) => `(${s[0]}, ${s[1]})`});

  let trainer: Trainer;
  let settings: XorSettings;
  let stopWhenFinished = true;
  let baseline = NaN;

  const loop = w.loop({
    step() {
      if (!trainer.runEpoch()) return false;
      return !(trainer.epoch >= MAX_EPOCHS || (stopWhenFinished && trainer.epoch % FINISH_CHECK_EVERY === 0 && finished()));
    },
    stepsPerFrame: () => speed.value,
    drawEveryMs: 80,
    draw: render,
    onToggle(running) {
      if (running) {
        // A setting changed just before Play counts.
        restartFrame.flush();
        if (trainer.diverged || trainer.epoch >= MAX_EPOCHS) restart();
        // Pressing Play on a finished run keeps training (to watch it sharpen or stay stuck) until paused.
        stopWhenFinished = !finished();
      }
      publish();
    }
  });
  const buttons = loopButtons(loop, restart, w.lang, {step: t("step")});
  loop.button.classList.add("xor-play");
  const stallButton = button(t("stall", {seed: STALLING_SEED}), () => {
    loop.pause();
    hidden.value = 2;
    seed.value = STALLING_SEED;
    activation.value = "sigmoid";
    loss.value = "mse";
    learningRate.value = 2;
    restart();
    loop.start();
  });

  const readout = element("p", "xor-readout");
  const message = statusLine("widget-status xor-status");
  const boundary = element("div", "xor-boundary");
  let boundaryChart: LiveBoundary | null = null;
  const curve = element("div", "xor-loss");
  const diagram = element("div", "xor-network");
  // The loop's steps, the outputs and the weights are built once and their numbers rewritten in place.
  const loopSteps = ["", t("loopForward"), "", t("loopBackprop"), ""].map((text) => element("li", "", text));
  const trainLoop = element("ol", "xor-loop", ...loopSteps);
  const outputs = outputsTable();
  const weights = weightsTable();
  const charts = element("div", "row", chartFigure(BOUNDARY_MAX, boundary, t("boundaryCaption")), chartFigure(CURVE_MAX, curve, t("curveCaption")));
  const sizes = {boundary: BOUNDARY_MAX, curve: CURVE_MAX, network: NETWORK_MAX};

  root.append(
    w.notice,
    sideBySide(
      [element("div", "controls", hidden, activation, learningRate, seed, loss), element("div", "controls", buttons.element, speed, stallButton)],
      [
        readout,
        message,
        charts,
        element("div", "row", element("div", "", show, diagram), element("div", "", element("p", "", element("strong", "", t("loopTitle"))), trainLoop)),
        element("div", "row", scrollBox(outputs), scrollBox(weights))
      ]
    )
  );

  function readSettings(): XorSettings {
    const s = Number.isFinite(seed.value) ? Math.min(9999, Math.max(1, Math.round(seed.value))) : XOR_DEFAULTS.seed;
    return {hidden: hidden.value, activation: activation.value as ActivationId, learningRate: learningRate.value, seed: s, loss: loss.value as LossKind};
  }

  function restart(): void {
    settings = readSettings();
    trainer = xorTrainer(settings);
    baseline = trainer.evaluate();
    w.write({h: settings.hidden, act: settings.activation, lr: settings.learningRate, seed: settings.seed, loss: settings.loss, speed: speed.value, show: show.value as string});
    render();
  }

  /** Solved with a small loss, or stuck: where a run pauses by itself. */
  function finished(): boolean {
    const status = xorStatus(trainer);
    return status === "stalled" || (status === "solved" && trainer.history.at(-1)!.loss < 0.01);
  }

  function runStatus(): XorRunStatus {
    if (trainer.diverged) return "diverged";
    const status = xorStatus(trainer);
    return status === "training" && trainer.epoch === 0 ? "ready" : status;
  }

  function publish(): void {
    w.publish({
      h: settings.hidden,
      act: settings.activation,
      lr: settings.learningRate,
      seed: settings.seed,
      loss: settings.loss,
      speed: speed.value,
      show: show.value as (typeof INPUTS)[number],
      epoch: trainer.epoch,
      currentLoss: trainer.evaluate(),
      correct: correctCount(trainer.net),
      outputs: xorOutputs(trainer.net),
      status: runStatus(),
      running: loop.running
    });
  }

  function statusMessage(lossNow: number): string {
    const status = runStatus();
    if (status === "diverged") return t("diverged", {steps: trainer.steps});
    if (status === "solved") return t("solved", {loss: formatFixed(lossNow, 4)});
    if (status === "stalled") {
      const ys = xorOutputs(trainer.net);
      const stuck = XOR_DATA.inputs.filter((_, k) => Math.abs(ys[k] - 0.5) < 0.05);
      const where = stuck.length ? t("stuckAt", {inputs: stuck.map((x) => `(${x[0]}, ${x[1]})`).join(t("and"))}) : "";
      return t("stalled", {loss: formatFixed(lossNow, 4), correct: correctCount(trainer.net), where, advice: t(settings.activation === "linear" ? "adviceLinear" : "adviceOther")});
    }
    return t(status === "ready" ? "ready" : "training");
  }

  function render(): void {
    const lossNow = trainer.evaluate();
    const correct = correctCount(trainer.net);
    const epoch = trainer.epoch.toLocaleString(w.lang);
    readout.textContent = t("readout", {epoch, loss: formatFixed(lossNow, 4), correct});
    readout.dataset.correct = String(correct);
    readout.dataset.epoch = String(trainer.epoch);
    message.className = "widget-status xor-status";
    message.textContent = statusMessage(lossNow);
    if (trainer.diverged || xorStatus(trainer) === "stalled") message.classList.add("bad-text");
    else if (correct === 4) message.classList.add("ok-text");
    drawCharts(correct);
    setText(loopSteps[0], t("loopEpoch", {epoch, max: MAX_EPOCHS.toLocaleString(w.lang)}));
    setText(loopSteps[2], t("loopLoss", {formula: t(`lossFormula.${settings.loss}` as Key), loss: formatFixed(lossNow, 4), baseline: formatFixed(baseline, 4)}));
    setText(loopSteps[4], t("loopUpdate", {lr: formatFixed(settings.learningRate, 2)}));
    outputs.update();
    weights.update();
    publish();
  }

  /**
   * Drawings at the current width by layer sizes and activation, most recent last; a new run of a kept size only restyles its
   * edges and values. All stay in the box, stacked in one grid cell: the one shown, those `held` (invisible but laid out) and the
   * rest stored with `content-visibility: hidden`, which keeps their style, layout and text shaping, so showing one again is cheap.
   */
  const drawings = new Map<string, NetworkDrawing>();
  Object.assign(diagram.style, {display: "grid", gridTemplateColumns: "minmax(0, 1fr)"});
  let shown: NetworkDrawing | null = null;
  /** Shown since the controls last rested: they keep the box at the tallest of them, so a drag over H does not move the page below every frame (which repaints it). */
  const held = new Set<NetworkDrawing>();
  const display = (drawing: NetworkDrawing, state: "shown" | "held" | "stored") => {
    const style = drawing.element.style;
    style.visibility = state === "held" ? "hidden" : "";
    style.contentVisibility = state === "stored" ? "hidden" : "";
  };
  function drawingFor(key: string): NetworkDrawing {
    const net = trainer.net;
    let drawing = drawings.get(key);
    if (drawing) drawings.delete(key);
    else {
      drawing = createNetworkDiagram({
        sizes: net.sizes,
        weights: net.weights,
        biases: net.biases,
        values: net.a,
        components: true,
        activationNames: [actName(settings.activation)],
        lang: w.lang,
        width: sizes.network
      });
      if (drawings.size >= DRAWINGS_KEPT) {
        const oldest = drawings.keys().next().value!;
        const evicted = drawings.get(oldest)!;
        evicted.element.remove();
        held.delete(evicted);
        drawings.delete(oldest);
      }
      drawing.element.style.gridArea = "1 / 1";
      display(drawing, "stored");
      diagram.append(drawing.element);
    }
    drawings.set(key, drawing);
    return drawing;
  }
  function dropDrawings(): void {
    for (const drawing of drawings.values()) drawing.element.remove();
    drawings.clear();
    held.clear();
    shown = null;
  }
  function showDrawing(drawing: NetworkDrawing): void {
    if (drawing === shown) return;
    if (shown) {
      display(shown, "held");
      held.add(shown);
      fit.request();
    }
    held.delete(drawing);
    display(drawing, "shown");
    shown = drawing;
  }
  // Once the controls rest, the box and the weights table fit what they show.
  const fit = w.settled(() => {
    for (const drawing of held) display(drawing, "stored");
    held.clear();
    weights.fit();
  });
  let drawnCurve = "";

  /** The boundary, the loss curve and the network drawing at their current widths. */
  function drawCharts(correct = correctCount(trainer.net)): void {
    const net = trainer.net;
    const boundaryOptions = {
      predict: (x1: number, x2: number) => forward(net, [x1, x2])[0],
      points: XOR_DATA.inputs.map((x, k) => ({x1: x[0], x2: x[1], label: XOR_DATA.targets[k][0]})),
      resolution: 40,
      width: sizes.boundary,
      height: sizes.boundary,
      ariaLabel: t("boundaryLabel", {h: settings.hidden, epoch: trainer.epoch, correct})
    };
    if (boundaryChart) boundaryChart.update(boundaryOptions);
    else {
      boundaryChart = liveDecisionBoundary(boundaryOptions);
      boundary.append(boundaryChart.element);
    }
    const history = trainer.history;
    // Every new run draws the same empty curve: a drag over the settings redraws it once.
    const curveKey = JSON.stringify([settings.loss, sizes.curve, trainer.epoch, history.length, w.lang]);
    if (curveKey !== drawnCurve) {
      drawnCurve = curveKey;
      curve.replaceChildren(
      lossCurve({
        series: [{name: settings.loss, points: history}],
        yLabel: t(`lossAxis.${settings.loss}` as Key),
        xLabel: t("epochAxis"),
        width: sizes.curve,
        height: 300,
        minEpochs: 100,
          ariaLabel: history.length ? t("curveLabel", {epochs: trainer.epoch, first: formatNumber(history[0].loss, 3), last: formatNumber(history.at(-1)!.loss, 3)}) : t("curveLabelEmpty")
        })
      );
    }

    const chosen = show.value as string;
    forward(net, [Number(chosen[0]), Number(chosen[1])]);
    const drawing = drawingFor(JSON.stringify([net.sizes, settings.activation]));
    drawing.update(net.weights, {
      biases: net.biases,
      values: net.a,
      ariaLabel: t("networkLabel", {h: settings.hidden, x1: chosen[0], x2: chosen[1], y: formatFixed(net.a[2][0], 3)})
    });
    showDrawing(drawing);
  }

  /** The four inputs' outputs; `update` rewrites the outputs and verdicts. */
  function outputsTable() {
    const body = element("tbody", "");
    const cells = XOR_DATA.inputs.map((x, k) => {
      const output = element("td", "");
      const verdict = element("td", "");
      body.append(element("tr", "", element("td", "", `(${x[0]}, ${x[1]})`), element("td", "", String(XOR_DATA.targets[k][0])), output, verdict));
      return {output, verdict};
    });
    const table = element("table", "xor-outputs", element("caption", "", t("outputsCaption")), element("thead", "", headerRow([t("outputs.input"), t("outputs.target"), t("outputs.output"), t("outputs.correct")])), body);
    return Object.assign(table, {
      update() {
        const ys = xorOutputs(trainer.net);
        cells.forEach(({output, verdict}, k) => {
          const right = (ys[k] > 0.5 ? 1 : 0) === XOR_DATA.targets[k][0];
          setText(output, formatFixed(ys[k], 3));
          setText(verdict, t(right ? "yes" : "no"));
          verdict.className = right ? "ok-text" : "bad-text";
        });
      }
    });
  }

  /**
   * Every weight by hidden unit, one row per possible unit built once: `update` puts the first H rows in the table and rewrites
   * their numbers; rows past H stay, invisible, until `fit` (the controls rested) takes them out, so a drag over H keeps the
   * table's height.
   */
  function weightsTable() {
    const bias = element("td", "");
    const outputBias = element("th", "", t("outputBias"));
    outputBias.scope = "row";
    const rows = Array.from({length: xorTrainerSchema.h.max}, (_, j) => {
      const th = element("th", "", t("unit", {n: j + 1}));
      th.scope = "row";
      const cells = Array.from({length: 4}, () => element("td", ""));
      return {row: element("tr", "", th, ...cells), cells};
    });
    const body = element("tbody", "");
    const table = element("table", "xor-weights", element("caption", "", t("weightsCaption")), element("thead", "", headerRow([t("weights.unit"), "v₁ⱼ", "v₂ⱼ", "bⱼ", "wⱼ"])), body, element("tfoot", "", element("tr", "", outputBias, bias)));
    const units = () => trainer.net.sizes[1];
    return Object.assign(table, {
      update() {
        const {weights: ws, biases} = trainer.net;
        const h = units();
        // The rows in the table are always the first ones, so a missing row goes at the end.
        rows.forEach(({row, cells}, j) => {
          if (j < h && !row.isConnected) body.append(row);
          const visibility = j < h ? "" : "hidden";
          if (row.style.visibility !== visibility) row.style.visibility = visibility;
          if (j < h) [ws[0][j * 2], ws[0][j * 2 + 1], biases[0][j], ws[1][j]].forEach((x, c) => setText(cells[c], formatFixed(x, 3)));
        });
        setText(bias, formatFixed(biases[1][0], 3));
      },
      fit() {
        rows.slice(units()).forEach(({row}) => row.remove());
      }
    });
  }

  // A slider restarts the run once per frame, however many inputs arrive before it.
  const restartFrame = w.frame(restart);
  for (const input of [hidden, activation, learningRate, seed, loss]) {
    input.addEventListener("input", () => {
      loop.pause();
      restartFrame.request();
    });
  }
  speed.addEventListener("input", () => {
    w.write({speed: speed.value});
    publish();
  });
  show.addEventListener("input", () => {
    w.write({show: show.value as string});
    render();
  });
  restart();
  // A new width redraws the charts only: the value has not changed.
  w.observeWidth(charts, (width) => {
    sizes.boundary = Math.min(BOUNDARY_MAX, width);
    sizes.curve = Math.min(CURVE_MAX, width);
    drawCharts();
  });
  w.observeWidth(diagram, (width) => {
    const network = Math.min(NETWORK_MAX, width);
    // Drawings of another width are not shown again.
    if (network !== sizes.network) dropDrawings();
    sizes.network = network;
    drawCharts();
  });
  return root;
}
