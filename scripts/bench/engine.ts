/**
 * Training speed of the teaching engine against the engine of an earlier commit, in
 * one process: the baseline's nn/ modules are taken from git history into a
 * temporary folder and imported beside today's; rounds alternate between the two on
 * the same networks and data, so a busy machine slows both alike.
 * ENGINE_BASELINE=<commit> compares with another commit.
 */
import {execFileSync} from "node:child_process";
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {cpus, loadavg, tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import * as mlpToday from "../../src/components/nn/mlp.js";
import * as optimizersToday from "../../src/components/nn/optimizers.js";
import {rng} from "../../src/components/nn/rng.js";
import * as trainerToday from "../../src/components/nn/trainer.js";
import {quadrantDataset} from "../../src/components/nn/vanishing.js";

/** The last commit with the per-example engine (one forward and backward call per example). */
const BASELINE = process.env.ENGINE_BASELINE ?? "7bd478ae2e4bafc4097429f7861cde26ef56df7a";
const TARGET = 1.8;
const ROUNDS = 9;
const ROUND_MS = 400;
/** The baseline's speed over TF Playground's nn.ts on the 2-8-8-1 case (issue 13). */
const NN_TS = 1.75;
const ENGINE = "src/components/nn";
const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface Engine {
  createMlp: typeof mlpToday.createMlp;
  parameters: typeof mlpToday.parameters;
  createOptimizer: typeof optimizersToday.createOptimizer;
  createTrainer: typeof trainerToday.createTrainer;
}

/** Writes the trainer and every module it imports, as they were at `commit`, into `folder`. */
function checkOut(commit: string, folder: string): void {
  const pending = ["trainer.ts"];
  const done = new Set<string>();
  while (pending.length) {
    const file = pending.pop()!;
    if (done.has(file)) continue;
    done.add(file);
    const text = execFileSync("git", ["show", `${commit}:${ENGINE}/${file}`], {cwd: root, encoding: "utf8"});
    writeFileSync(join(folder, file), text);
    for (const [, spec] of text.matchAll(/from "\.\/([\w-]+)\.js"/g)) pending.push(`${spec}.ts`);
  }
}

async function loadBaseline(folder: string): Promise<Engine> {
  checkOut(BASELINE, folder);
  const load = (file: string) => import(pathToFileURL(join(folder, file)).href);
  const [mlp, optimizers, trainer] = await Promise.all(["mlp.ts", "optimizers.ts", "trainer.ts"].map(load));
  return {...mlp, ...optimizers, ...trainer};
}

interface Case {
  name: string;
  /** A fresh trainer from the engine's own modules. */
  make(engine: Engine): trainerToday.Trainer;
}

const random = rng(42);
const disc = Array.from({length: 500}, () => [random.uniform(-1, 1), random.uniform(-1, 1)]);
const discData = {inputs: disc, targets: disc.map(([x, y]) => [x * x + y * y < 0.5 ? 1 : 0])};
const features = (x: number, y: number) => [x, y, x * x, y * y, x * y, Math.sin(x), Math.sin(y)];
const playgroundData = {inputs: disc.slice(0, 250).map(([x, y]) => features(x, y)), targets: discData.targets.slice(0, 250)};
const quadrants = quadrantDataset();

const cases: Case[] = [
  {
    name: "2-8-8-1 tanh, 500 points, full batch, SGD",
    make: (e) => e.createTrainer({net: e.createMlp({sizes: [2, 8, 8, 1], hidden: "tanh", output: "sigmoid", seed: 1}), data: discData, loss: "cross-entropy", optimizer: e.createOptimizer("sgd", {learningRate: 0.5})})
  },
  {
    // The vanishing-gradients widget at its largest: 20 sigmoid layers of 64 on its 32 points, SGD with η = 0.1.
    name: "activations page: 2-(64×20)-1 sigmoid, 32 points, full batch, SGD",
    make: (e) =>
      e.createTrainer({
        net: e.createMlp({sizes: [2, ...new Array(20).fill(64), 1], hidden: "sigmoid", output: "sigmoid", init: "xavier", seed: 3}),
        data: quadrants,
        loss: "cross-entropy",
        optimizer: e.createOptimizer("sgd", {learningRate: 0.1})
      })
  },
  {
    // The playground at its largest: all 7 features, 6 hidden layers of 8, 250 training points, batches of 10.
    name: "playground: 7-(8×6)-1 tanh, 250 points, batch 10, Adam",
    make: (e) =>
      e.createTrainer({
        net: e.createMlp({sizes: [7, 8, 8, 8, 8, 8, 8, 1], hidden: "tanh", output: "sigmoid", seed: 1}),
        data: playgroundData,
        loss: "cross-entropy",
        optimizer: e.createOptimizer("adam", {learningRate: 0.01}),
        batchSize: 10
      })
  }
];

/** Milliseconds per step (wall clock and this process's CPU time) over about `ms` of training. */
function time(trainer: trainerToday.Trainer, ms: number): {wall: number; cpu: number} {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let steps = 0;
  let now = start;
  while (now - start < ms) {
    for (let k = 0; k < 5; ++k) trainer.step();
    steps += 5;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  return {wall: (now - start) / steps, cpu: (cpu.user + cpu.system) / 1000 / steps};
}

/** Largest difference between the two engines' weights after the same steps from the same start. */
function divergence(today: Engine, baseline: Engine, c: Case, steps: number): number {
  const [a, b] = [c.make(today), c.make(baseline)];
  for (let k = 0; k < steps; ++k) {
    a.step();
    b.step();
  }
  const [pa, pb] = [today.parameters(a.net), baseline.parameters(b.net)];
  let worst = 0;
  pa.forEach((p, k) => p.forEach((w, i) => (worst = Math.max(worst, Math.abs(w - pb[k][i])))));
  return worst;
}

const median = (xs: number[]) => xs.slice().sort((x, y) => x - y)[xs.length >> 1];
const fixed = (x: number) => (x >= 1 ? x.toFixed(2) : x.toFixed(3));

const folder = mkdtempSync(join(tmpdir(), "engine-baseline-"));
try {
  const baseline = await loadBaseline(folder);
  const today: Engine = {...mlpToday, ...optimizersToday, ...trainerToday};
  const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], {cwd: root, encoding: "utf8"}).trim();
  console.log(`${cpus().length} CPU cores, load average ${loadavg().map((x) => x.toFixed(1)).join(" / ")} (1 / 5 / 15 min)`);
  console.log(`baseline: ${ENGINE}/ at ${BASELINE.slice(0, 12)}; today: the working tree (HEAD ${head})`);
  console.log(`${ROUNDS} alternating rounds of about ${ROUND_MS} ms per engine per network; medians of ms per training step,`);
  console.log(`in this process's CPU time (a busy machine stretches wall-clock time unevenly; its ratio is shown too)\n`);
  console.log(`| network | baseline ms | today ms | speed today/baseline | (wall clock) | target ≥ ${TARGET}× | max |Δw| after 50 steps |`);
  console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
  const speeds: number[] = [];
  for (const c of cases) {
    const trainers = [c.make(baseline), c.make(today)];
    for (const t of trainers) time(t, 300); // warm-up: let the JIT compile both engines' loops
    const runs: {wall: number; cpu: number}[][] = [[], []];
    for (let round = 0; round < ROUNDS; ++round) {
      // Alternate which engine goes first, so neither always gets the quieter half of a round.
      const order = round % 2 ? [1, 0] : [0, 1];
      for (const k of order) runs[k].push(time(trainers[k], ROUND_MS));
    }
    const [old, now] = runs.map((r) => ({wall: median(r.map((x) => x.wall)), cpu: median(r.map((x) => x.cpu))}));
    const speed = old.cpu / now.cpu;
    speeds.push(speed);
    console.log(
      `| ${c.name} | ${fixed(old.cpu)} | ${fixed(now.cpu)} | ${speed.toFixed(2)}× | ${(old.wall / now.wall).toFixed(2)}× | ${speed >= TARGET ? "ok" : "missed"} | ${divergence(today, baseline, c, 50).toExponential(1)} |`
    );
  }
  // TF Playground's nn.ts is not in this tree: its rate comes from the earlier one-process measurement.
  console.log(`\nTF Playground's nn.ts (not in this tree) ran 2-8-8-1 at 1/${NN_TS} of the baseline's rate when measured in one process: today ≈ ${(NN_TS * speeds[0]).toFixed(1)}× nn.ts.`);
} finally {
  rmSync(folder, {recursive: true, force: true});
}
