// Training speed of the teaching engine: a 2-8-8-1 tanh network, 500 points, full-batch SGD.
import {createMlp} from "../../src/components/nn/mlp.js";
import {createOptimizer} from "../../src/components/nn/optimizers.js";
import {rng} from "../../src/components/nn/rng.js";
import {createTrainer} from "../../src/components/nn/trainer.js";

const random = rng(42);
const inputs = Array.from({length: 500}, () => [random.uniform(-1, 1), random.uniform(-1, 1)]);
const targets = inputs.map(([x, y]) => [x * x + y * y < 0.5 ? 1 : 0]);

/** Steps per wall-clock second and per second of this process's CPU time (less sensitive to a busy machine). */
function stepsPerSecond(seconds: number): {rate: number; cpuRate: number; loss: number} {
  const net = createMlp({sizes: [2, 8, 8, 1], hidden: "tanh", output: "sigmoid", seed: 1});
  const trainer = createTrainer({net, data: {inputs, targets}, loss: "cross-entropy", optimizer: createOptimizer("sgd", {learningRate: 0.5})});
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < seconds * 1000) {
    for (let k = 0; k < 20; ++k) trainer.step();
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  return {rate: trainer.steps / ((now - start) / 1000), cpuRate: trainer.steps / ((cpu.user + cpu.system) / 1e6), loss: trainer.evaluate()};
}

stepsPerSecond(1); // warm-up: let the JIT compile the loops
const runs = [stepsPerSecond(3), stepsPerSecond(3), stepsPerSecond(3)];
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const rates = runs.map((r) => r.rate);
const cpuRate = median(runs.map((r) => r.cpuRate));
console.log(`2-8-8-1 tanh, 500 points, full batch: ${median(rates).toFixed(0)} training steps/s wall clock (median of 3 runs; min ${Math.min(...rates).toFixed(0)}, max ${Math.max(...rates).toFixed(0)})`);
console.log(`${cpuRate.toFixed(0)} training steps per CPU second = ${((cpuRate * 500) / 1e6).toFixed(2)} million example forward+backward passes per CPU second`);
console.log(`loss after the last run: ${runs[2].loss.toFixed(4)}`);
