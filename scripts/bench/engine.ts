// Training speed of the teaching engine: a 2-8-8-1 tanh network, 500 points, full-batch SGD.
import {createMlp} from "../../src/components/nn/mlp.js";
import {createOptimizer} from "../../src/components/nn/optimizers.js";
import {rng} from "../../src/components/nn/rng.js";
import {createTrainer} from "../../src/components/nn/trainer.js";

const random = rng(42);
const inputs = Array.from({length: 500}, () => [random.uniform(-1, 1), random.uniform(-1, 1)]);
const targets = inputs.map(([x, y]) => [x * x + y * y < 0.5 ? 1 : 0]);

function stepsPerSecond(seconds: number): {rate: number; loss: number} {
  const net = createMlp({sizes: [2, 8, 8, 1], hidden: "tanh", output: "sigmoid", seed: 1});
  const trainer = createTrainer({net, data: {inputs, targets}, loss: "cross-entropy", optimizer: createOptimizer("sgd", {learningRate: 0.5})});
  const start = performance.now();
  let now = start;
  while (now - start < seconds * 1000) {
    for (let k = 0; k < 20; ++k) trainer.step();
    now = performance.now();
  }
  return {rate: trainer.steps / ((now - start) / 1000), loss: trainer.evaluate()};
}

stepsPerSecond(1); // warm-up: let the JIT compile the loops
const runs = [stepsPerSecond(3), stepsPerSecond(3), stepsPerSecond(3)];
const rates = runs.map((r) => r.rate).sort((a, b) => a - b);
console.log(`2-8-8-1 tanh, 500 points, full batch: ${rates[1].toFixed(0)} training steps/s (median of 3 runs; min ${rates[0].toFixed(0)}, max ${rates[2].toFixed(0)})`);
console.log(`= ${((rates[1] * 500) / 1e6).toFixed(2)} million example forward+backward passes per second; loss after the last run ${runs[2].loss.toFixed(4)}`);
