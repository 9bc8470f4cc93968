/**
 * A playground experiment as a PyTorch script plus a CSV of its points.
 *
 * The data travels as a separate CSV file rather than inside the script: a
 * playground set holds up to 1,000 generated or 5,000 imported points, each
 * with up to seven feature columns, which would bury the program under
 * numbers; a file beside it keeps the script readable and lets the learner
 * swap in other points. The CSV holds every input feature already computed by
 * the playground's own feature functions (shortest round-trip decimals, so
 * Python reads back the very same doubles), and the script computes in
 * float64 as the playground does. Pure text: no DOM.
 */
import {ELU_ALPHA, LEAKY_RELU_ALPHA, type ActivationId} from "../nn/activations.js";
import {OPTIMIZER_DEFAULTS} from "../nn/optimizers.js";
import type {LabeledPoint} from "../playground/datasets.js";
import {featureVector, type FeatureId} from "../playground/features.js";
import {networkSizes, type Architecture, type Hyperparameters} from "../playground/training.js";
import {pythonNumber} from "./python.js";

export interface PlaygroundExperiment {
  architecture: Architecture;
  hyper: Hyperparameters;
  data: {train: readonly LabeledPoint[]; test: readonly LabeledPoint[]};
  /** Passes over the training set the script makes (the playground trains until stopped; pass its epoch count). */
  epochs: number;
}

/** The CSV file name the script reads by default. */
export const PLAYGROUND_CSV = "playground.csv";

/** The raw coordinates are always columns; any other feature gets its own column, named by its id. */
function extraFeatures(features: readonly FeatureId[]): FeatureId[] {
  return features.filter((id) => id !== "x1" && id !== "x2");
}

/** Header row of the CSV: split, x1, x2, the other selected features, label. */
export function csvColumns(features: readonly FeatureId[]): string[] {
  return ["split", "x1", "x2", ...extraFeatures(features), "label"];
}

/** The points as CSV: one row per point, training rows first, features as the playground computes them. */
export function playgroundCsv(features: readonly FeatureId[], data: PlaygroundExperiment["data"]): string {
  const extra = extraFeatures(features);
  const rows = [csvColumns(features).join(",")];
  for (const [split, points] of [["train", data.train], ["test", data.test]] as const) {
    for (const p of points) {
      const values = featureVector(extra, p.x1, p.x2);
      rows.push([split, pythonNumber(p.x1), pythonNumber(p.x2), ...Array.from(values, pythonNumber), String(p.label)].join(","));
    }
  }
  return rows.join("\n") + "\n";
}

/** A PyTorch module for each hidden activation; step has zero gradient in the playground, and `(x > 0)` has none in autograd. */
const TORCH_ACTIVATION: Record<ActivationId, string> = {
  step: "Step()",
  sigmoid: "torch.nn.Sigmoid()",
  tanh: "torch.nn.Tanh()",
  relu: "torch.nn.ReLU()",
  "leaky-relu": `torch.nn.LeakyReLU(${pythonNumber(LEAKY_RELU_ALPHA)})`,
  elu: `torch.nn.ELU(alpha=${pythonNumber(ELU_ALPHA)})`,
  linear: "torch.nn.Identity()"
};

/** PyTorch has no step module; defined only when the network uses it. */
const STEP_MODULE = [
  `class Step(torch.nn.Module):`,
  `    """1 where the input is positive, else 0 (no gradient flows through it)."""`,
  `    def forward(self, x):`,
  `        return (x > 0).to(x.dtype)`,
  ``,
  ``
];

function optimizerLine(hyper: Hyperparameters): string {
  const lr = pythonNumber(hyper.learningRate);
  switch (hyper.optimizer) {
    case "sgd":
      return `optimizer = torch.optim.SGD(model.parameters(), lr=${lr})`;
    case "momentum":
      // PyTorch's momentum (v ← μv + g, w ← w − ηv, no dampening) is the playground's.
      return `optimizer = torch.optim.SGD(model.parameters(), lr=${lr}, momentum=${pythonNumber(OPTIMIZER_DEFAULTS.momentum)})`;
    case "adam":
      return `optimizer = torch.optim.Adam(model.parameters(), lr=${lr}, betas=(${pythonNumber(OPTIMIZER_DEFAULTS.beta1)}, ${pythonNumber(OPTIMIZER_DEFAULTS.beta2)}), eps=${pythonNumber(OPTIMIZER_DEFAULTS.epsilon)})`;
  }
}

/** The loss of a batch, E per example as the playground defines it, averaged over the batch. */
function lossLines(hyper: Hyperparameters, binary: boolean): string[] {
  if (hyper.loss === "cross-entropy") {
    return binary
      ? ["def data_loss(logits, labels):", "    return F.binary_cross_entropy_with_logits(logits[:, 0], labels.double())"]
      : ["def data_loss(logits, labels):", "    return F.cross_entropy(logits, labels)"];
  }
  // Squared error ½Σ(y − t)² on the output probabilities, as the playground's MSE.
  return binary
    ? ["def data_loss(logits, labels):", "    return (0.5 * (torch.sigmoid(logits[:, 0]) - labels.double()) ** 2).mean()"]
    : [
        "def data_loss(logits, labels):",
        "    targets = F.one_hot(labels, logits.shape[1]).double()",
        "    return (0.5 * ((logits.softmax(dim=1) - targets) ** 2).sum(dim=1)).mean()"
      ];
}

function modelLines(architecture: Architecture): string[] {
  const sizes = networkSizes(architecture);
  const lines = ["model = torch.nn.Sequential("];
  for (let l = 1; l < sizes.length; ++l) {
    lines.push(`    torch.nn.Linear(${sizes[l - 1]}, ${sizes[l]}),`);
    if (l < sizes.length - 1) lines.push(`    ${TORCH_ACTIVATION[architecture.activation]},`);
  }
  lines.push(")");
  return lines;
}

/** The complete script for an experiment, as text ending in a newline. */
export function playgroundScript(experiment: PlaygroundExperiment): string {
  const {architecture, hyper} = experiment;
  // PyTorch's shuffling loader refuses an empty set; say so here, where the page can show it.
  if (experiment.data.train.length === 0) throw new RangeError("the experiment has no training points");
  const binary = architecture.classes === 2;
  const features = architecture.features.map((id) => `'${id}'`).join(", ");
  return [
    `"""`,
    `A playground experiment in PyTorch: ${networkSizes(architecture).join("-")} network, ${architecture.classes} classes.`,
    ``,
    `    python playground.py [--data ${PLAYGROUND_CSV}] [--epochs N]`,
    ``,
    `The CSV beside this script holds the points (split, x1, x2, other input features, label),`,
    `with the features already computed as the playground computes them.`,
    `"""`,
    `import argparse`,
    `import csv`,
    ``,
    `import torch`,
    `import torch.nn.functional as F`,
    `from torch.utils.data import DataLoader, TensorDataset`,
    ``,
    `parser = argparse.ArgumentParser(description="Train the playground's network on its points.")`,
    `parser.add_argument("--data", default="${PLAYGROUND_CSV}", help="the CSV of points")`,
    `parser.add_argument("--epochs", type=int, default=${experiment.epochs}, help="passes over the training points")`,
    `args = parser.parse_args()`,
    ``,
    `# The playground computes in double precision.`,
    `torch.set_default_dtype(torch.float64)`,
    `torch.manual_seed(${architecture.seed})`,
    ``,
    `FEATURES = [${features}]`,
    ``,
    ``,
    `def load(path):`,
    `    sets = {'train': ([], []), 'test': ([], [])}`,
    `    with open(path, newline='') as f:`,
    `        for row in csv.DictReader(f):`,
    `            inputs, labels = sets[row['split']]`,
    `            inputs.append([float(row[name]) for name in FEATURES])`,
    `            labels.append(int(row['label']))`,
    `    return {split: (torch.tensor(x, dtype=torch.float64).reshape(-1, len(FEATURES)), torch.tensor(y, dtype=torch.long))`,
    `            for split, (x, y) in sets.items()}`,
    ``,
    ``,
    `data = load(args.data)`,
    `# The playground shuffles the training points every epoch and keeps the last, smaller batch.`,
    `train_loader = DataLoader(TensorDataset(*data['train']), batch_size=${hyper.batchSize}, shuffle=True, drop_last=False)`,
    ``,
    ``,
    ...(architecture.activation === "step" ? STEP_MODULE : []),
    `# Hidden layers, then ${binary ? "one logit (sigmoid output: two classes)" : `${architecture.classes} logits (softmax output)`}.`,
    ...modelLines(architecture),
    `# Xavier (Glorot) uniform weights and zero biases, as the playground starts.`,
    `for module in model:`,
    `    if isinstance(module, torch.nn.Linear):`,
    `        torch.nn.init.xavier_uniform_(module.weight)`,
    `        torch.nn.init.zeros_(module.bias)`,
    `print(model)`,
    ``,
    ...lossLines(hyper, binary),
    ``,
    ``,
    `# Regularisation: l1·Σ|w| + ½·l2·Σw² over the weights, not the biases.`,
    `L1 = ${pythonNumber(hyper.l1)}`,
    `L2 = ${pythonNumber(hyper.l2)}`,
    ``,
    ``,
    `def penalty():`,
    `    weights = [m.weight for m in model if isinstance(m, torch.nn.Linear)]`,
    `    return sum(L1 * w.abs().sum() + 0.5 * L2 * (w ** 2).sum() for w in weights)`,
    ``,
    ``,
    `def predict(logits):`,
    binary ? `    return (logits[:, 0] > 0).long()  # sigmoid > 0.5` : `    return logits.argmax(dim=1)`,
    ``,
    ``,
    `def evaluate(x, y):`,
    `    """Mean loss (without the penalty) and accuracy; nan for an empty set, as on the page."""`,
    `    if len(y) == 0:`,
    `        return float('nan'), float('nan')`,
    `    with torch.no_grad():`,
    `        logits = model(x)`,
    `        return data_loss(logits, y).item(), predict(logits).eq(y).double().mean().item()`,
    ``,
    ``,
    optimizerLine(hyper),
    ``,
    `for epoch in range(args.epochs):`,
    `    for inputs, labels in train_loader:`,
    `        loss = data_loss(model(inputs), labels) + penalty()`,
    `        optimizer.zero_grad()`,
    `        loss.backward()`,
    `        optimizer.step()`,
    `    if (epoch + 1) % 10 == 0 or epoch + 1 == args.epochs:`,
    `        train_loss, train_acc = evaluate(*data['train'])`,
    `        test_loss, test_acc = evaluate(*data['test'])`,
    `        print(f'Epoch {epoch + 1}: train loss {train_loss:.4f}, test loss {test_loss:.4f}, train accuracy {train_acc:.3f}')`,
    ``,
    `test_loss, test_acc = evaluate(*data['test'])`,
    `print(f'TEST-Accuracy: {test_acc}')`,
    ``
  ].join("\n");
}
