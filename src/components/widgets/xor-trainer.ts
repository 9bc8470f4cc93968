/**
 * Train a 2-H-1 network on XOR: play / pause / step / reset, a live decision
 * boundary, the loss curve, every weight, and the network drawing with the
 * MLP's components labelled. Runs and stalls (local minima) are honest: the
 * status says which one the learner is looking at.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {decisionBoundary} from "../charts/decision-boundary.js";
import {lossCurve} from "../charts/loss-curve.js";
import {networkDiagram} from "../charts/network-diagram.js";
import {urlState, type Schema} from "../course/url-state.js";
import {activationById, trainableActivationIds, type ActivationId} from "../nn/activations.js";
import {forward, type LossKind} from "../nn/mlp.js";
import type {Trainer} from "../nn/trainer.js";
import {correctCount, STALLING_SEED, XOR_DATA, XOR_DEFAULTS, xorOutputs, xorStatus, xorTrainer, type XorSettings} from "../nn/xor-training.js";
import {button, chartFigure, element, labelledRange, statusLine} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import type {WidgetOptions} from "../course/widget.js";
import {asImage} from "../charts/chart-role.js";

const INPUTS = ["00", "10", "01", "11"] as const;

export const xorTrainerSchema = {
  h: {kind: "number", min: 2, max: 8, integer: true, default: XOR_DEFAULTS.hidden},
  act: {kind: "enum", values: trainableActivationIds, default: XOR_DEFAULTS.activation},
  lr: {kind: "number", min: 0.01, max: 10, default: XOR_DEFAULTS.learningRate},
  seed: {kind: "number", min: 1, max: 9999, integer: true, default: XOR_DEFAULTS.seed},
  loss: {kind: "enum", values: ["mse", "cross-entropy"], default: XOR_DEFAULTS.loss},
  speed: {kind: "number", min: 1, max: 200, integer: true, default: 20},
  show: {kind: "enum", values: INPUTS, default: "10"}
} satisfies Schema;

/** Training pauses by itself after this many epochs. */
const MAX_EPOCHS = 30_000;
/** Milliseconds of training per animation frame, so the tab stays responsive. */
const FRAME_BUDGET_MS = 12;
const LOSS_NAMES: Record<string, string> = {mse: "E = ½(y − t)², mean over the 4 points", "cross-entropy": "cross-entropy, mean over the 4 points"};

export function createXorTrainerWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(xorTrainerSchema, options.search, options.signal);
  const v = state.initial;
  const hidden = labelledRange([2, 8], {label: "Hidden units H", value: v.h, step: 1});
  const activation = Inputs.select(trainableActivationIds.slice(), {label: "Hidden activation", value: v.act as ActivationId, format: (id: ActivationId) => activationById(id).name});
  const learningRate = labelledRange([0.01, 10], {label: "Learning rate η", value: v.lr, step: 0.01});
  const seed = Inputs.number([1, 9999], {label: "Seed", value: v.seed, step: 1});
  const loss = Inputs.select(["mse", "cross-entropy"], {label: "Loss", value: v.loss, format: (l: string) => (l === "mse" ? "½(y − t)² (MSE)" : "cross-entropy")});
  const speed = labelledRange([1, 200], {label: "Epochs per frame", value: v.speed, step: 1});
  const show = Inputs.radio(INPUTS.slice(), {label: "Values drawn for input", value: v.show, format: (s: string) => `(${s[0]}, ${s[1]})`});

  const play = button("Play", () => (running ? pause() : start()), {"aria-pressed": "false", class: "xor-play"});
  const stepButton = button("Step (1 epoch)", () => {
    pause();
    trainer.runEpoch();
    render();
  });
  const resetButton = button("Reset", () => {
    pause();
    restart();
  });
  const stallButton = button(`Find a stall: H = 2, seed ${STALLING_SEED}`, () => {
    pause();
    hidden.value = 2;
    seed.value = STALLING_SEED;
    activation.value = "sigmoid";
    loss.value = "mse";
    learningRate.value = 2;
    restart();
    start();
  });

  const readout = element("p", "xor-readout");
  const message = statusLine("widget-status xor-status");
  const boundary = element("div", "xor-boundary");
  const curve = element("div", "xor-loss");
  const diagram = element("div", "xor-network");
  const loop = element("ol", "xor-loop");
  const weights = element("table", "xor-weights");
  const outputs = element("table", "xor-outputs");

  const root = element(
    "div",
    "widget xor-trainer",
    state.notice(),
    element("div", "controls", hidden, activation, learningRate, seed, loss),
    element("div", "controls", play, stepButton, resetButton, speed, stallButton),
    readout,
    message,
    element("div", "row", chartFigure(300, boundary, "Decision boundary: the shading is the output y; where the colours meet, y = 0.5."), chartFigure(340, curve, "Loss per epoch (log scale).")),
    element("div", "row", element("div", "", show, diagram), element("div", "", element("p", "", element("strong", "", "train = feed forward + backpropagation, repeated for the number of epochs")), loop)),
    element("div", "row", outputs, weights)
  );

  let trainer: Trainer;
  let settings: XorSettings;
  let running = false;
  let stopWhenFinished = true;
  let frame = 0;
  let lastDraw = 0;
  let baseline = NaN;

  function readSettings(): XorSettings {
    const s = Number.isFinite(seed.value) ? Math.min(9999, Math.max(1, Math.round(seed.value))) : XOR_DEFAULTS.seed;
    return {hidden: hidden.value, activation: activation.value as ActivationId, learningRate: learningRate.value, seed: s, loss: loss.value as LossKind};
  }

  function restart(): void {
    settings = readSettings();
    trainer = xorTrainer(settings);
    baseline = trainer.evaluate();
    if (options.syncUrl !== false) state.write({h: settings.hidden, act: settings.activation, lr: settings.learningRate, seed: settings.seed, loss: settings.loss, speed: speed.value, show: show.value as string});
    render();
  }

  /** Solved with a small loss, or stuck: where a run pauses by itself. */
  function finished(): boolean {
    const status = xorStatus(trainer);
    return status === "stalled" || (status === "solved" && trainer.history.at(-1)!.loss < 0.01);
  }

  function start(): void {
    if (trainer.diverged || trainer.epoch >= MAX_EPOCHS) restart();
    // Pressing Play on a finished run keeps training (to watch it sharpen or stay stuck) until paused.
    stopWhenFinished = !finished();
    running = true;
    play.textContent = "Pause";
    play.setAttribute("aria-pressed", "true");
    frame = requestAnimationFrame(tick);
  }

  function pause(): void {
    running = false;
    play.textContent = "Play";
    play.setAttribute("aria-pressed", "false");
    cancelAnimationFrame(frame);
  }

  function tick(now: number): void {
    if (!running) return;
    const begin = performance.now();
    for (let k = 0; k < speed.value && performance.now() - begin < FRAME_BUDGET_MS; ++k) {
      if (!trainer.runEpoch()) break;
    }
    const done = trainer.diverged !== null || trainer.epoch >= MAX_EPOCHS || (stopWhenFinished && finished());
    if (done) pause();
    if (done || now - lastDraw > 80) {
      lastDraw = now;
      render();
    }
    if (running) frame = requestAnimationFrame(tick);
  }

  function render(): void {
    const net = trainer.net;
    const lossNow = trainer.evaluate();
    const correct = correctCount(net);
    readout.textContent = `Epoch ${trainer.epoch.toLocaleString("en")} · loss ${formatFixed(lossNow, 4)} · ${correct}/4 correct`;
    readout.dataset.correct = String(correct);
    readout.dataset.epoch = String(trainer.epoch);
    message.className = "widget-status xor-status";
    message.textContent = statusMessage(trainer, settings, lossNow);
    if (trainer.diverged || xorStatus(trainer) === "stalled") message.classList.add("bad-text");
    else if (correct === 4) message.classList.add("ok-text");

    boundary.replaceChildren(
      asImage(decisionBoundary({
        predict: (x1, x2) => forward(net, [x1, x2])[0],
        points: XOR_DATA.inputs.map((x, k) => ({x1: x[0], x2: x[1], label: XOR_DATA.targets[k][0]})),
        resolution: 40,
        width: 300,
        height: 300,
        ariaLabel: `Decision boundary of the ${settings.hidden}-unit network after ${trainer.epoch} epochs: ${correct} of 4 points on the correct side.`
      }))
    );
    curve.replaceChildren(lossCurve({series: [{name: settings.loss, points: trainer.history}], yLabel: LOSS_NAMES[settings.loss], width: 340, height: 300, minEpochs: 100}));

    const chosen = show.value as string;
    forward(net, [Number(chosen[0]), Number(chosen[1])]);
    diagram.replaceChildren(
      networkDiagram({
        sizes: net.sizes,
        weights: net.weights,
        biases: net.biases,
        values: net.a,
        components: true,
        activationNames: [activationById(settings.activation).name],
        width: 420,
        ariaLabel: `The 2-${settings.hidden}-1 network for input (${chosen[0]}, ${chosen[1]}): output y = ${formatFixed(net.a[2][0], 3)}. Edge thickness shows each weight's size, blue positive, orange negative.`
      })
    );
    loop.replaceChildren(
      element("li", "", `for epoch = 1, 2, … (now ${trainer.epoch.toLocaleString("en")}; it pauses by itself at ${MAX_EPOCHS.toLocaleString("en")}):`),
      element("li", "", "feed forward: compute y for each of the 4 inputs"),
      element("li", "", `loss: ${settings.loss === "mse" ? "E = ½(y − t)²" : "cross-entropy"} averaged = ${formatFixed(lossNow, 4)} (it started at ${formatFixed(baseline, 4)})`),
      element("li", "", "backpropagation: ∂E/∂w for every weight and bias"),
      element("li", "", `update: w ← w − η·∂E/∂w with η = ${formatFixed(settings.learningRate, 2)}`)
    );
    outputs.replaceChildren(...outputsTable(trainer));
    weights.replaceChildren(...weightsTable(trainer));
  }

  for (const input of [hidden, activation, learningRate, seed, loss]) input.addEventListener("input", () => {
    pause();
    restart();
  });
  speed.addEventListener("input", () => options.syncUrl !== false && state.write({speed: speed.value}));
  show.addEventListener("input", () => {
    if (options.syncUrl !== false) state.write({show: show.value as string});
    render();
  });
  options.signal?.addEventListener("abort", pause);
  restart();
  return root;
}

function statusMessage(trainer: Trainer, settings: XorSettings, loss: number): string {
  if (trainer.diverged) return `Training stopped: ${trainer.diverged}.`;
  const status = xorStatus(trainer);
  const ys = xorOutputs(trainer.net);
  if (status === "solved") return `Solved: all four points are on the right side of y = 0.5 (loss ${formatFixed(loss, 4)}).`;
  if (status === "stalled") {
    const stuck = ys.map((y, k) => ({y, x: XOR_DATA.inputs[k]})).filter(({y}) => Math.abs(y - 0.5) < 0.05);
    const where = stuck.length ? ` The output sits near 0.5 for ${stuck.map(({x}) => `(${x[0]}, ${x[1]})`).join(" and ")}.` : "";
    return `Stalled: the loss has stopped falling at ${formatFixed(loss, 4)} with ${correctCount(trainer.net)}/4 correct.${where} This is a plateau: the gradient has faded almost to 0, so every update is tiny, and downhill only leads further along the flat. ${
      settings.activation === "linear" ? "A linear hidden layer can only draw one straight line — pick a nonlinear activation." : "Try another seed or more hidden units."
    }`;
  }
  return trainer.epoch === 0 ? "Press Play to train, or Step to run one epoch at a time." : "Training…";
}

function headerRow(...names: string[]): HTMLTableRowElement {
  const row = element("tr", "");
  for (const name of names) {
    const th = element("th", "", name);
    th.scope = "col";
    row.append(th);
  }
  return row;
}

function outputsTable(trainer: Trainer): Node[] {
  const ys = xorOutputs(trainer.net);
  const body = element("tbody", "");
  XOR_DATA.inputs.forEach((x, k) => {
    const t = XOR_DATA.targets[k][0];
    const right = (ys[k] > 0.5 ? 1 : 0) === t;
    body.append(element("tr", "", element("td", "", `(${x[0]}, ${x[1]})`), element("td", "", String(t)), element("td", "", formatFixed(ys[k], 3)), element("td", right ? "ok-text" : "bad-text", right ? "yes" : "no")));
  });
  return [element("caption", "", "Output for each input"), element("thead", "", headerRow("input", "target t", "output y", "correct")), body];
}

function weightsTable(trainer: Trainer): Node[] {
  const {weights, biases, sizes} = trainer.net;
  const body = element("tbody", "");
  for (let j = 0; j < sizes[1]; ++j) {
    const n = String(j + 1);
    body.append(element("tr", "", element("th", "", `unit ${n}`), ...[weights[0][j * 2], weights[0][j * 2 + 1], biases[0][j], weights[1][j]].map((w) => element("td", "", formatFixed(w, 3)))));
  }
  const foot = element("tfoot", "", element("tr", "", element("th", "", "output bias c"), element("td", "", formatFixed(biases[1][0], 3))));
  for (const th of [...body.querySelectorAll("th"), ...foot.querySelectorAll("th")]) th.scope = "row";
  return [element("caption", "", "Every weight: vᵢⱼ from input i to hidden unit j, bias bⱼ, wⱼ from unit j to y"), element("thead", "", headerRow("hidden unit j", "v₁ⱼ", "v₂ⱼ", "bⱼ", "wⱼ")), body, foot];
}
