/**
 * The perceptron learning its weights: a rule (Rosenblatt's, or gradient descent on
 * a sigmoid unit), a gate, a learning rate and a seed; play / pause / step / reset;
 * the boundary moving, errors per epoch, and on XOR the cycle it never leaves.
 */
import * as Plot from "npm:@observablehq/plot";
import * as Inputs from "npm:@observablehq/inputs";
import {liveDecisionBoundary, type LiveBoundary} from "../charts/decision-boundary.js";
import {formatValue} from "../charts/perceptron-diagram.js";
import {urlState, type Schema} from "../course/url-state.js";
import {GATE_IDS, GATE_NAMES, truthTable, type GateId} from "../nn/gates.js";
import {weightedSum, type PerceptronWeights} from "../nn/perceptron.js";
import {
  initialWeights,
  LEARNING_RULE_IDS,
  LEARNING_RULE_NAMES,
  LEARNING_RULES,
  predictedClass,
  trainingReports,
  type EpochReport,
  type LearningRuleId,
  type StepReport
} from "../nn/perceptron-learning.js";
import {gateSelect} from "./perceptron-controls.js";
import {button, element, labelledRange, statusLine} from "../course/dom.js";
import type {WidgetOptions} from "../course/widget.js";

/** Training stops here if it has not converged. */
export const MAX_EPOCHS = 1000;
/** On XOR, the explanation appears once the weights repeat or after this many epochs. */
const STALL_EPOCHS = 100;
/** Most training time spent in one animation frame, so the tab stays responsive. */
const FRAME_BUDGET_MS = 8;

export const perceptronLearnerSchema = {
  rule: {kind: "enum", values: LEARNING_RULE_IDS, default: "perceptron"},
  lr: {kind: "number", min: 0.001, max: 2, default: 0.1},
  lgate: {kind: "enum", values: GATE_IDS, default: "or"},
  seed: {kind: "number", min: 0, max: 9999, default: 1, integer: true}
} satisfies Schema;

export function createPerceptronLearnerWidget(options: WidgetOptions = {}): HTMLElement {
  const state = urlState(perceptronLearnerSchema, options.search, options.signal);
  const init = state.initial;
  const writeUrl = state.write;
  const root = document.createElement("div");
  root.className = "widget perceptron-learner";

  const ruleInput = Inputs.select(LEARNING_RULE_IDS, {label: "Learning rule", value: init.rule as LearningRuleId, format: (id: LearningRuleId) => LEARNING_RULE_NAMES[id]});
  const gateInput = gateSelect("Gate to learn", GATE_IDS, init.lgate as GateId);
  const lrInput = labelledRange([0.001, 2], {label: "Learning rate η", value: init.lr, step: 0.001});
  const seedInput = Inputs.number([0, 9999], {label: "Seed (starting weights)", value: init.seed, step: 1});
  const speedInput = labelledRange([1, 60], {label: "Speed (epochs per second)", value: 10, step: 1});

  const playButton = button("Play", () => (playing ? pause() : play()), {class: "perceptron-play"});
  const stepButton = button("Step (one row)", () => {
    pause();
    advanceRow();
    render();
  }, {class: "perceptron-step"});
  const resetButton = button("Reset", () => reset(), {class: "perceptron-reset"});

  const epochLine = document.createElement("p");
  epochLine.className = "perceptron-epoch";
  const lastUpdate = document.createElement("p");
  lastUpdate.className = "perceptron-last-update";
  const status = statusLine("perceptron-learn-status");
  const explanation = xorExplanation();
  explanation.hidden = true;

  const boundaryHolder = document.createElement("figure");
  let boundary: LiveBoundary | null = null;
  const boundaryCaption = document.createElement("figcaption");
  boundaryCaption.textContent = "The boundary w₁x₁ + w₂x₂ + b = 0 (dashed) as it learns; shading is the unit's output, dots the gate's targets.";
  boundaryHolder.append(boundaryCaption);
  const errorsHolder = document.createElement("figure");
  let errorsChart: Element = document.createElement("div");
  const errorsCaption = document.createElement("figcaption");
  errorsHolder.append(errorsChart, errorsCaption);

  const stepsTable = document.createElement("table");
  stepsTable.className = "perceptron-steps";
  stepsTable.createCaption().textContent = "The last complete epoch, row by row: the weights after each update";
  stepsTable.createTHead().append(headRow(["row (x₁, x₂)", "target", "output", "w₁", "w₂", "b"]));
  const stepsBody = stepsTable.createTBody();

  let reports: Generator<StepReport | EpochReport, never>;
  let weights: PerceptronWeights;
  let epochs: EpochReport[];
  /** Steps of the epoch in progress, and of the last complete one (shown in the table). */
  let epochSteps: StepReport[];
  let lastEpochSteps: StepReport[];
  let lastStep: StepReport | null;
  let done: "converged" | "limit" | null;
  let playing = false;
  let frame = 0;
  let lastTime = 0;
  let owedSteps = 0;

  const samples = () => truthTable(gateInput.value);

  function reset(): void {
    pause();
    const seed = seedInput.value;
    weights = initialWeights(seed);
    reports = trainingReports({samples: samples(), rule: ruleInput.value, learningRate: lrInput.value, initial: weights});
    epochs = [];
    epochSteps = [];
    lastEpochSteps = [];
    lastStep = null;
    done = null;
    render();
  }

  /** Learns from the next row; after the last row of an epoch, records the epoch. */
  function advanceRow(): void {
    if (done) return;
    const step = reports.next().value as StepReport;
    if (step.index === 0) epochSteps = [];
    epochSteps.push(step);
    lastStep = step;
    weights = step.after;
    if (step.index === samples().length - 1) {
      lastEpochSteps = epochSteps;
      const epoch = reports.next().value as EpochReport;
      epochs.push(epoch);
      if (epoch.converged) done = "converged";
      else if (epoch.epoch >= MAX_EPOCHS) done = "limit";
    }
  }

  function play(): void {
    if (done) reset();
    playing = true;
    playButton.textContent = "Pause";
    lastTime = performance.now();
    owedSteps = 0;
    frame = requestAnimationFrame(tick);
  }

  function pause(): void {
    playing = false;
    cancelAnimationFrame(frame);
    playButton.textContent = "Play";
  }

  function tick(now: number): void {
    if (!playing) return;
    // Rows owed at the chosen speed since the last frame (four rows make an epoch).
    owedSteps += ((now - lastTime) / 1000) * speedInput.value * samples().length;
    lastTime = now;
    const start = performance.now();
    while (owedSteps >= 1 && !done && performance.now() - start < FRAME_BUDGET_MS) {
      advanceRow();
      owedSteps -= 1;
    }
    owedSteps = Math.min(owedSteps, samples().length);
    render();
    if (done) pause();
    else frame = requestAnimationFrame(tick);
  }

  function render(): void {
    const gate = gateInput.value;
    const rule = LEARNING_RULES[ruleInput.value];
    const rows = samples();
    const latest = epochs.at(-1);
    const w = weights;
    const predict = rule.id === "sigmoid" ? (a: number, b: number) => rule.activation.f(weightedSum(w, a, b)) : (a: number, b: number) => predictedClass(rule.activation, w, a, b);
    const boundaryOptions = {
      predict,
      points: rows.map((r) => ({x1: r.x1, x2: r.x2, label: r.y})),
      line: w,
      ariaLabel: `Decision boundary while learning ${GATE_NAMES[gate]}: w₁ = ${formatValue(w.w1)}, w₂ = ${formatValue(w.w2)}, b = ${formatValue(w.b)}`
    };
    if (boundary) boundary.update(boundaryOptions);
    else {
      boundary = liveDecisionBoundary({...boundaryOptions, width: 320, height: 320});
      boundaryHolder.prepend(boundary.element);
    }
    if (errorsChart.getAttribute("data-epochs") !== String(epochs.length)) drawErrors(rows.length);
    renderText(gate, rule.id, rows.length, latest);
  }

  /** Redrawn only when an epoch ends. */
  function drawErrors(rowCount: number): void {
    const latest = epochs.at(-1);
    const next = Plot.plot({
      width: 360,
      height: 220,
      x: {label: "epoch", domain: [0, Math.max(10, epochs.length)]},
      y: {label: "rows wrong", domain: [0, rowCount], ticks: rowCount},
      ariaLabel: `Rows wrong after each epoch, ${epochs.length} epochs so far`,
      // Marks are hidden from assistive technology: the chart's label and caption carry the numbers.
      marks: [
        Plot.ruleY([0], {ariaHidden: "true"}),
        Plot.line(epochs, {x: "epoch", y: "errors", curve: "step-after", stroke: "#5e3c99", ariaHidden: "true"}),
        Plot.dot(epochs.slice(-1), {x: "epoch", y: "errors", fill: "#5e3c99", ariaHidden: "true"})
      ]
    });
    next.setAttribute("data-epochs", String(epochs.length));
    errorsChart.replaceWith(next);
    errorsChart = next;
    errorsCaption.textContent = latest
      ? `Rows wrong after each epoch: ${latest.errors} after epoch ${latest.epoch}${ruleInput.value === "sigmoid" ? `, loss ½·mean(y − t)² = ${formatValue(latest.loss, 4)}` : ""}.`
      : "Rows wrong after each epoch: no epoch yet.";
  }

  function renderText(gate: GateId, rule: LearningRuleId, rowCount: number, latest: EpochReport | undefined): void {
    const w = weights;
    const rowInEpoch = lastStep && lastStep.index < rowCount - 1 ? ` · row ${lastStep.index + 1} of ${rowCount}` : "";
    epochLine.textContent = `Epoch ${epochs.length}${rowInEpoch} · w₁ = ${formatValue(w.w1, 3)}, w₂ = ${formatValue(w.w2, 3)}, b = ${formatValue(w.b, 3)}`;
    lastUpdate.textContent = lastStep ? describeStep(lastStep, rule) : "Press Play, or Step to learn from one row at a time.";

    stepsBody.replaceChildren(
      ...lastEpochSteps.map((s) => {
        const tr = document.createElement("tr");
        for (const v of [`(${s.sample.x1}, ${s.sample.x2})`, String(s.sample.y), formatValue(s.output, rule === "sigmoid" ? 3 : 0), formatValue(s.after.w1, 3), formatValue(s.after.w2, 3), formatValue(s.after.b, 3)]) {
          const td = document.createElement("td");
          td.textContent = v;
          tr.append(td);
        }
        return tr;
      })
    );

    const stalled = gate === "xor" && latest !== undefined && (latest.repeatOf !== null || latest.epoch >= STALL_EPOCHS);
    explanation.hidden = !stalled;
    status.className = "perceptron-learn-status notice";
    if (done === "converged" && latest) {
      status.className = "perceptron-learn-status notice ok";
      status.textContent = `Converged after ${latest.epoch} epoch${latest.epoch === 1 ? "" : "s"}: all four rows of ${GATE_NAMES[gate]} are right with w₁ = ${formatValue(w.w1, 3)}, w₂ = ${formatValue(w.w2, 3)}, b = ${formatValue(w.b, 3)}.`;
    } else if (stalled && latest) {
      status.className = "perceptron-learn-status notice error";
      const repeat = latest.repeatOf === null ? "" : ` The weights after epoch ${latest.epoch} are the same as after epoch ${latest.repeatOf}: ${rule === "perceptron" ? "each pass over the four rows undoes its own updates, so it goes round this cycle forever." : "the weights have settled where they cannot improve."}`;
      status.textContent = `Not converging on XOR: ${latest.errors} row${latest.errors === 1 ? "" : "s"} still wrong after ${latest.epoch} epochs.${repeat}`;
    } else if (done === "limit" && latest) {
      status.textContent = `Stopped after ${MAX_EPOCHS} epochs with ${latest.errors} row${latest.errors === 1 ? "" : "s"} still wrong. A larger learning rate may help.`;
    } else {
      status.textContent = latest ? `Learning ${GATE_NAMES[gate]}: ${latest.errors} row${latest.errors === 1 ? "" : "s"} wrong after epoch ${latest.epoch}.` : `Ready to learn ${GATE_NAMES[gate]} from the starting weights of seed ${seedInput.value}.`;
    }
  }

  function settingsChanged(): void {
    if (options.syncUrl !== false) writeUrl({rule: ruleInput.value, lr: lrInput.value, lgate: gateInput.value, seed: seedInput.value});
    reset();
  }
  for (const input of [ruleInput, gateInput, lrInput, seedInput]) input.addEventListener("input", settingsChanged);
  options.signal?.addEventListener("abort", pause);
  reset();

  const buttons = element("div", "perceptron-buttons", playButton, stepButton, resetButton);
  buttons.setAttribute("role", "group");
  buttons.setAttribute("aria-label", "Training");
  root.append(
    state.notice(),
    element("div", "controls", ruleInput, gateInput, lrInput, seedInput, speedInput),
    buttons,
    epochLine,
    status,
    element("div", "row", boundaryHolder, errorsHolder),
    lastUpdate,
    stepsTable,
    explanation
  );
  return root;
}

/** One update in words: what the row asked for, what the unit said, how the weights moved. */
function describeStep(step: StepReport, rule: LearningRuleId): string {
  const {sample, output, before, after} = step;
  const changes = (["w1", "w2", "b"] as const)
    .filter((k) => Math.abs(after[k] - before[k]) > 1e-12)
    .map((k) => `${k === "b" ? "b" : k === "w1" ? "w₁" : "w₂"} ${formatValue(before[k], 3)} → ${formatValue(after[k], 3)}`);
  const said = `Row (${sample.x1}, ${sample.x2}): target ${sample.y}, output ${formatValue(output, rule === "sigmoid" ? 3 : 0)}`;
  if (changes.length === 0) return `${said} — right, so nothing changes.`;
  return `${said} → ${changes.join(", ")}.`;
}

function headRow(names: string[]): HTMLTableRowElement {
  const tr = document.createElement("tr");
  for (const name of names) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = name;
    tr.append(th);
  }
  return tr;
}

function xorExplanation(): HTMLElement {
  return element(
    "div",
    "perceptron-xor-explanation notice",
    element("strong", "", "Why XOR never converges"),
    element(
      "p",
      "",
      "A single perceptron outputs 1 on one side of the line w₁x₁ + w₂x₂ + b = 0 and 0 on the other. XOR wants 1 at (1, 0) and (0, 1) but 0 at (0, 0) and (1, 1): opposite corners of the square share a class, and no straight line puts both 1s on one side and both 0s on the other."
    ),
    element(
      "p",
      "",
      "In numbers: (1, 0) and (0, 1) need w₁ + b > 0 and w₂ + b > 0; adding them gives w₁ + w₂ + 2b > 0. (0, 0) needs b ≤ 0, so w₁ + w₂ + b > −b ≥ 0 — but (1, 1) needs w₁ + w₂ + b ≤ 0. Every choice of weights gets at least one row wrong, so the learning rule always finds a mistake to correct, and each correction breaks another row."
    ),
    element("p", "", "The way out is a second layer: XOR = AND(NAND, OR). That is the next page.")
  );
}
