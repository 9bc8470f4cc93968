/**
 * The perceptron learning its weights: a rule (Rosenblatt's, or gradient descent on
 * a sigmoid unit), a gate, a learning rate and a seed; play / pause / step / reset;
 * the boundary moving, errors per epoch, and on XOR the cycle it never leaves.
 */
import * as Plot from "npm:@observablehq/plot";
import * as Inputs from "npm:@observablehq/inputs";
import {asImage} from "../charts/chart-role.js";
import {liveDecisionBoundary, type LiveBoundary} from "../charts/decision-boundary.js";
import {PALETTE} from "../charts/palette.js";
import {element, labelledRange, scrollBox, sideBySide, statusLine} from "../course/dom.js";
import {formatFixed} from "../course/format.js";
import type {Messages} from "../course/strings.js";
import type {Schema} from "../course/url-state.js";
import {createWidget, loopButtons, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {GATE_IDS, GATE_NAMES, truthTable, type GateId} from "../nn/gates.js";
import {weightedSum, type PerceptronWeights} from "../nn/perceptron.js";
import {
  initialWeights,
  LEARNING_RULE_IDS,
  LEARNING_RULES,
  predictedClass,
  trainingReports,
  type EpochReport,
  type LearningRuleId,
  type StepReport
} from "../nn/perceptron-learning.js";
import {gateSelect, headerRow} from "./perceptron-controls.js";

/** Training stops here if it has not converged. */
export const MAX_EPOCHS = 1000;
/** On XOR, the explanation appears once the weights repeat or after this many epochs. */
const STALL_EPOCHS = 100;
/** Widest the two charts are drawn. */
const BOUNDARY_MAX = 320;
const ERRORS_MAX = 360;

export const perceptronLearnerSchema = {
  rule: {kind: "enum", values: LEARNING_RULE_IDS, default: "perceptron"},
  lr: {kind: "number", min: 0.001, max: 2, default: 0.1},
  lgate: {kind: "enum", values: GATE_IDS, default: "or"},
  seed: {kind: "number", min: 0, max: 9999, default: 1, integer: true}
} satisfies Schema;

/** Every visible text of the widget (the strings hook translates them). */
export const messages = {
  rule: "Learning rule",
  "rule.perceptron": "Perceptron rule (step)",
  "rule.sigmoid": "Gradient descent (sigmoid unit)",
  gate: "Gate to learn",
  lr: "Learning rate η",
  seed: "Seed (starting weights)",
  speed: "Speed (epochs per second)",
  step: "Step (one row)",
  buttonsLabel: "Training",
  boundaryCaption: "The boundary w₁x₁ + w₂x₂ + b = 0 (dashed) as it learns; shading is the unit's output, dots the gate's targets.",
  boundaryLabel: "Decision boundary while learning {gate}: w₁ = {w1}, w₂ = {w2}, b = {b}",
  "errors.x": "epoch",
  "errors.y": "rows wrong",
  errorsLabel: "Rows wrong after each epoch, {n} epochs so far",
  errorsCaption: "Rows wrong after each epoch: {errors} after epoch {epoch}.",
  errorsCaptionLoss: "Rows wrong after each epoch: {errors} after epoch {epoch}, loss ½·mean(y − t)² = {loss}.",
  errorsNone: "Rows wrong after each epoch: no epoch yet.",
  stepsCaption: "The last complete epoch, row by row: the weights after each update",
  "head.row": "row (x₁, x₂)",
  "head.target": "target",
  "head.output": "output",
  epochLine: "Epoch {epoch}{row} · w₁ = {w1}, w₂ = {w2}, b = {b}",
  rowInEpoch: " · row {row} of {rows}",
  hint: "Press Play, or Step to learn from one row at a time.",
  stepSaid: "Row ({x1}, {x2}): target {target}, output {output}",
  stepRight: "{said} — right, so nothing changes.",
  stepChanged: "{said} → {changes}.",
  "converged.one": "Converged after 1 epoch: all four rows of {gate} are right with w₁ = {w1}, w₂ = {w2}, b = {b}.",
  "converged.many": "Converged after {epoch} epochs: all four rows of {gate} are right with w₁ = {w1}, w₂ = {w2}, b = {b}.",
  "stalled.one": "Not converging on XOR: 1 row still wrong after {epoch} epochs.{repeat}",
  "stalled.many": "Not converging on XOR: {errors} rows still wrong after {epoch} epochs.{repeat}",
  "repeat.perceptron": " The weights after epoch {epoch} are the same as after epoch {earlier}: each pass over the four rows undoes its own updates, so it goes round this cycle forever.",
  "repeat.sigmoid": " The weights after epoch {epoch} are the same as after epoch {earlier}: the weights have settled where they cannot improve.",
  "limit.one": "Stopped after {max} epochs with 1 row still wrong. A larger learning rate may help.",
  "limit.many": "Stopped after {max} epochs with {errors} rows still wrong. A larger learning rate may help.",
  "learning.one": "Learning {gate}: 1 row wrong after epoch {epoch}.",
  "learning.many": "Learning {gate}: {errors} rows wrong after epoch {epoch}.",
  ready: "Ready to learn {gate} from the starting weights of seed {seed}.",
  xorTitle: "Why XOR never converges",
  xorLine:
    "A single perceptron outputs 1 on one side of the line w₁x₁ + w₂x₂ + b = 0 and 0 on the other. XOR wants 1 at (1, 0) and (0, 1) but 0 at (0, 0) and (1, 1): opposite corners of the square share a class, and no straight line puts both 1s on one side and both 0s on the other.",
  xorNumbers:
    "In numbers: (1, 0) and (0, 1) need w₁ + b > 0 and w₂ + b > 0; adding them gives w₁ + w₂ + 2b > 0. (0, 0) needs b ≤ 0, so w₁ + w₂ + b > −b ≥ 0 — but (1, 1) needs w₁ + w₂ + b ≤ 0. Every choice of weights gets at least one row wrong, so the learning rule always finds a mistake to correct, and each correction breaks another row.",
  xorWayOut: "The way out is a second layer: XOR = AND(NAND, OR). That is the next page."
} satisfies Messages;

type Key = keyof typeof messages;

export type LearnerStatus = "ready" | "learning" | "converged" | "stalled" | "limit";

/** The learner's settings and where its training stands. */
export interface PerceptronLearnerValue {
  rule: LearningRuleId;
  lr: number;
  lgate: GateId;
  seed: number;
  /** Complete epochs so far. */
  epoch: number;
  /** The current weights. */
  w1: number;
  w2: number;
  b: number;
  /** Rows wrong after the last complete epoch (null before the first). */
  errors: number | null;
  status: LearnerStatus;
  running: boolean;
}

export function createPerceptronLearnerWidget(options: WidgetOptions = {}): WidgetElement<PerceptronLearnerValue> {
  const w = createWidget({id: "perceptron-learner", className: "perceptron-learner", schema: perceptronLearnerSchema, messages, value: {} as PerceptronLearnerValue}, options);
  const {t, root} = w;
  const init = w.initial;
  /** "…one" or "…many" by the count. */
  const plural = (key: string, n: number) => `${key}.${n === 1 ? "one" : "many"}` as Key;

  const ruleInput = Inputs.select(LEARNING_RULE_IDS, {label: t("rule"), value: init.rule as LearningRuleId, format: (id: LearningRuleId) => t(`rule.${id}`)});
  const gateInput = gateSelect(t("gate"), GATE_IDS, init.lgate as GateId);
  const lrInput = labelledRange([0.001, 2], {label: t("lr"), value: init.lr, step: 0.001});
  const seedInput = Inputs.number([0, 9999], {label: t("seed"), value: init.seed, step: 1});
  const speedInput = labelledRange([1, 60], {label: t("speed"), value: 10, step: 1});

  const epochLine = element("p", "perceptron-epoch");
  const lastUpdate = element("p", "perceptron-last-update");
  const status = statusLine("perceptron-learn-status");
  const explanation = element(
    "div",
    "perceptron-xor-explanation notice",
    element("strong", "", t("xorTitle")),
    element("p", "", t("xorLine")),
    element("p", "", t("xorNumbers")),
    element("p", "", t("xorWayOut"))
  );
  explanation.hidden = true;

  const boundaryHolder = element("figure", "", element("figcaption", "", t("boundaryCaption")));
  let boundary: LiveBoundary | null = null;
  let boundarySize = BOUNDARY_MAX;
  const errorsCaption = element("figcaption");
  let errorsChart: Element = element("div");
  const errorsHolder = element("figure", "", errorsChart, errorsCaption);
  let errorsWidth = ERRORS_MAX;

  const stepsTable = element("table", "perceptron-steps");
  stepsTable.createCaption().textContent = t("stepsCaption");
  stepsTable.createTHead().append(headerRow([t("head.row"), t("head.target"), t("head.output"), "w₁", "w₂", "b"]));
  const stepsBody = stepsTable.createTBody();

  let reports: Generator<StepReport | EpochReport, never>;
  let weights: PerceptronWeights;
  let epochs: EpochReport[];
  /** Steps of the epoch in progress, and of the last complete one (shown in the table). */
  let epochSteps: StepReport[];
  let lastEpochSteps: StepReport[];
  let lastStep: StepReport | null;
  let done: "converged" | "limit" | null;
  /** Rows owed at the chosen speed since the last frame (four rows make an epoch). */
  let owedRows = 0;
  let lastFrame = 0;
  let statusNow: LearnerStatus = "ready";

  const samples = () => truthTable(gateInput.value);

  const loop = w.loop({
    step() {
      advanceRow();
      return !done;
    },
    stepsPerFrame() {
      const now = performance.now();
      owedRows = Math.min(owedRows + ((now - lastFrame) / 1000) * speedInput.value * samples().length, samples().length);
      lastFrame = now;
      const rows = Math.floor(owedRows);
      owedRows -= rows;
      return rows;
    },
    budgetMs: 8,
    draw: render,
    onToggle(running) {
      if (running) {
        if (done) restart();
        lastFrame = performance.now();
        owedRows = 0;
      }
      publish();
    }
  });
  const buttons = loopButtons(loop, reset, w.lang, {step: t("step")});
  loop.button.classList.add("perceptron-play");
  buttons.step.classList.add("perceptron-step");
  buttons.reset.classList.add("perceptron-reset");
  buttons.element.classList.add("perceptron-buttons");
  buttons.element.setAttribute("role", "group");
  buttons.element.setAttribute("aria-label", t("buttonsLabel"));

  /** Starting weights from the seed, no epochs yet. */
  function restart(): void {
    weights = initialWeights(seedInput.value);
    reports = trainingReports({samples: samples(), rule: ruleInput.value, learningRate: lrInput.value, initial: weights});
    epochs = [];
    epochSteps = [];
    lastEpochSteps = [];
    lastStep = null;
    done = null;
  }

  function reset(): void {
    restart();
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

  function publish(): void {
    const latest = epochs.at(-1);
    w.publish({
      rule: ruleInput.value,
      lr: lrInput.value,
      lgate: gateInput.value,
      seed: seedInput.value,
      epoch: epochs.length,
      ...weights,
      errors: latest ? latest.errors : null,
      status: statusNow,
      running: loop.running
    });
  }

  function render(): void {
    drawCharts();
    renderText(gateInput.value, ruleInput.value, samples().length);
    publish();
  }

  function drawCharts(): void {
    const gate = gateInput.value;
    const rule = LEARNING_RULES[ruleInput.value];
    const rows = samples();
    const current = weights;
    const predict = rule.id === "sigmoid" ? (a: number, b: number) => rule.activation.f(weightedSum(current, a, b)) : (a: number, b: number) => predictedClass(rule.activation, current, a, b);
    const boundaryOptions = {
      predict,
      points: rows.map((r) => ({x1: r.x1, x2: r.x2, label: r.y})),
      line: current,
      width: boundarySize,
      height: boundarySize,
      ariaLabel: t("boundaryLabel", {gate: GATE_NAMES[gate], w1: formatFixed(current.w1, 2), w2: formatFixed(current.w2, 2), b: formatFixed(current.b, 2)})
    };
    if (boundary) boundary.update(boundaryOptions);
    else {
      boundary = liveDecisionBoundary(boundaryOptions);
      boundaryHolder.prepend(boundary.element);
    }
    if (errorsChart.getAttribute("data-key") !== `${epochs.length}/${errorsWidth}`) drawErrors(rows.length);
  }

  /** Redrawn only when an epoch ends (or the width changes). */
  function drawErrors(rowCount: number): void {
    const latest = epochs.at(-1);
    const next = asImage(
      Plot.plot({
        width: errorsWidth,
        height: 220,
        x: {label: t("errors.x"), domain: [0, Math.max(10, epochs.length)]},
        y: {label: t("errors.y"), domain: [0, rowCount], ticks: rowCount},
        ariaLabel: t("errorsLabel", {n: epochs.length}),
        // Marks are hidden from assistive technology: the chart's label and caption carry the numbers.
        marks: [
          Plot.ruleY([0], {ariaHidden: "true"}),
          Plot.line(epochs, {x: "epoch", y: "errors", curve: "step-after", stroke: PALETTE.live, ariaHidden: "true"}),
          Plot.dot(epochs.slice(-1), {x: "epoch", y: "errors", fill: PALETTE.live, ariaHidden: "true"})
        ]
      })
    );
    next.setAttribute("data-key", `${epochs.length}/${errorsWidth}`);
    errorsChart.replaceWith(next);
    errorsChart = next;
    errorsCaption.textContent = !latest
      ? t("errorsNone")
      : ruleInput.value === "sigmoid"
        ? t("errorsCaptionLoss", {errors: latest.errors, epoch: latest.epoch, loss: formatFixed(latest.loss, 4)})
        : t("errorsCaption", {errors: latest.errors, epoch: latest.epoch});
  }

  function renderText(gate: GateId, rule: LearningRuleId, rowCount: number): void {
    const latest = epochs.at(-1);
    const current = weights;
    const numbers = {w1: formatFixed(current.w1, 3), w2: formatFixed(current.w2, 3), b: formatFixed(current.b, 3)};
    const row = lastStep && lastStep.index < rowCount - 1 ? t("rowInEpoch", {row: lastStep.index + 1, rows: rowCount}) : "";
    epochLine.textContent = t("epochLine", {epoch: epochs.length, row, ...numbers});
    lastUpdate.textContent = lastStep ? describeStep(lastStep, rule) : t("hint");

    stepsBody.replaceChildren(
      ...lastEpochSteps.map((s) =>
        element(
          "tr",
          "",
          ...[`(${s.sample.x1}, ${s.sample.x2})`, String(s.sample.y), formatFixed(s.output, rule === "sigmoid" ? 3 : 0), formatFixed(s.after.w1, 3), formatFixed(s.after.w2, 3), formatFixed(s.after.b, 3)].map((v) => element("td", "", v))
        )
      )
    );

    const stalled = gate === "xor" && latest !== undefined && (latest.repeatOf !== null || latest.epoch >= STALL_EPOCHS);
    explanation.hidden = !stalled;
    status.className = "perceptron-learn-status notice";
    const name = GATE_NAMES[gate];
    if (done === "converged" && latest) {
      statusNow = "converged";
      status.className = "perceptron-learn-status notice ok";
      status.textContent = t(plural("converged", latest.epoch), {epoch: latest.epoch, gate: name, ...numbers});
    } else if (stalled && latest) {
      statusNow = "stalled";
      status.className = "perceptron-learn-status notice error";
      const repeat = latest.repeatOf === null ? "" : t(`repeat.${rule}`, {epoch: latest.epoch, earlier: latest.repeatOf});
      status.textContent = t(plural("stalled", latest.errors), {errors: latest.errors, epoch: latest.epoch, repeat});
    } else if (done === "limit" && latest) {
      statusNow = "limit";
      status.textContent = t(plural("limit", latest.errors), {max: MAX_EPOCHS, errors: latest.errors});
    } else if (latest) {
      statusNow = "learning";
      status.textContent = t(plural("learning", latest.errors), {gate: name, errors: latest.errors, epoch: latest.epoch});
    } else {
      statusNow = "ready";
      status.textContent = t("ready", {gate: name, seed: seedInput.value});
    }
  }

  /** One update in words: what the row asked for, what the unit said, how the weights moved. */
  function describeStep(step: StepReport, rule: LearningRuleId): string {
    const {sample, output, before, after} = step;
    const changes = (["w1", "w2", "b"] as const)
      .filter((k) => Math.abs(after[k] - before[k]) > 1e-12)
      .map((k) => `${k === "b" ? "b" : k === "w1" ? "w₁" : "w₂"} ${formatFixed(before[k], 3)} → ${formatFixed(after[k], 3)}`);
    const said = t("stepSaid", {x1: sample.x1, x2: sample.x2, target: sample.y, output: formatFixed(output, rule === "sigmoid" ? 3 : 0)});
    return changes.length === 0 ? t("stepRight", {said}) : t("stepChanged", {said, changes: changes.join(", ")});
  }

  for (const input of [ruleInput, gateInput, lrInput, seedInput]) {
    input.addEventListener("input", () => {
      w.write({rule: ruleInput.value, lr: lrInput.value, lgate: gateInput.value, seed: seedInput.value});
      loop.pause();
      reset();
    });
  }
  restart();
  render();

  root.append(
    w.notice,
    sideBySide(
      [element("div", "controls", ruleInput, gateInput, lrInput, seedInput, speedInput), buttons.element],
      [epochLine, status, element("div", "row", boundaryHolder, errorsHolder), lastUpdate, scrollBox(stepsTable), explanation]
    )
  );
  // A new width redraws the charts only: the value has not changed.
  w.observeWidth(boundaryHolder, (width) => {
    boundarySize = Math.min(BOUNDARY_MAX, width);
    drawCharts();
  });
  w.observeWidth(errorsHolder, (width) => {
    errorsWidth = Math.min(ERRORS_MAX, width);
    drawCharts();
  });
  return root;
}
