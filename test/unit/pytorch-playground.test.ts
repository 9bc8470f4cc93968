import {describe, expect, it} from "vitest";
import {csvColumns, playgroundCsv, playgroundScript, type PlaygroundExperiment} from "../../src/components/course/pytorch-playground.js";
import {trainableActivationIds, type ActivationId} from "../../src/components/nn/activations.js";
import {datasetClasses, generateDataset, splitTrainTest, type DatasetId} from "../../src/components/playground/datasets.js";
import {FEATURE_IDS, featureVector, type FeatureId} from "../../src/components/playground/features.js";
import {networkSizes} from "../../src/components/playground/training.js";
import {lineDiff, pythonSyntaxErrors} from "./python-source.js";

function experiment(dataset: DatasetId, features: FeatureId[], change: Partial<PlaygroundExperiment["architecture"] & PlaygroundExperiment["hyper"]> = {}, classes = 3): PlaygroundExperiment {
  const points = generateDataset(dataset, {count: 60, noise: 0.1, seed: 7, classes});
  const {layers = [4, 2], activation = "tanh", seed = 7, loss = "cross-entropy", learningRate = 0.03, batchSize = 10, optimizer = "sgd", l1 = 0, l2 = 0} = change;
  return {
    architecture: {features, layers, activation, classes: datasetClasses(dataset, classes), seed},
    hyper: {loss, learningRate, batchSize, optimizer, l1, l2},
    data: splitTrainTest(points, 0.5, 7),
    epochs: 200
  };
}

const base = experiment("circle", ["x1", "x2"]);
const trimmedLines = (text: string) => text.split("\n").map((l) => l.trim());

describe("the playground as PyTorch", () => {
  it("parses for every activation, optimiser, loss and output", () => {
    const activations: ActivationId[] = ["step", ...trainableActivationIds];
    const names: string[] = [];
    const scripts: string[] = [];
    for (const activation of activations)
      for (const optimizer of ["sgd", "momentum", "adam"] as const)
        for (const loss of ["cross-entropy", "mse"] as const)
          for (const dataset of ["spiral", "blobs"] as const) {
            const e = experiment(dataset, dataset === "spiral" ? [...FEATURE_IDS] : ["x1sq", "sinx2"], {activation, optimizer, loss, layers: activation === "linear" ? [] : [3, 5, 2]});
            names.push(`${activation} ${optimizer} ${loss} ${dataset}`);
            scripts.push(playgroundScript(e));
          }
    expect(Object.fromEntries(names.map((name) => [name, null]))).toEqual(Object.fromEntries(pythonSyntaxErrors(scripts).map((error, k) => [names[k], error])));
  });

  it("builds the playground's network, loss and optimiser", () => {
    const lines = trimmedLines(playgroundScript(experiment("blobs", ["x1", "x2", "x1x2"], {optimizer: "momentum", activation: "leaky-relu", layers: [8]}, 4)));
    expect(networkSizes(experiment("blobs", ["x1", "x2", "x1x2"], {layers: [8]}, 4).architecture)).toEqual([3, 8, 4]);
    expect(lines.filter((l) => l.startsWith("torch.nn.Linear("))).toEqual(["torch.nn.Linear(3, 8),", "torch.nn.Linear(8, 4),"]);
    expect(lines).toContain("torch.nn.LeakyReLU(0.1),");
    expect(lines).toContain("FEATURES = ['x1', 'x2', 'x1x2']");
    expect(lines).toContain("return F.cross_entropy(logits, labels)");
    expect(lines).toContain("optimizer = torch.optim.SGD(model.parameters(), lr=0.03, momentum=0.9)");
    const binary = trimmedLines(playgroundScript(base));
    expect(binary).toContain("return F.binary_cross_entropy_with_logits(logits[:, 0], labels.double())");
    expect(binary).toContain("torch.nn.Linear(2, 1),");
    expect(binary.some((l) => l.startsWith("class Step"))).toBe(false);
  });

  const changes: [string, Parameters<typeof experiment>[2], string[]][] = [
    ["learning rate", {learningRate: 0.3}, ["optimizer = torch.optim.SGD(model.parameters(), lr=0.3)"]],
    ["optimiser", {optimizer: "adam"}, ["optimizer = torch.optim.Adam(model.parameters(), lr=0.03, betas=(0.9, 0.999), eps=1e-8)"]],
    ["L1 rate", {l1: 0.001}, ["L1 = 0.001"]],
    ["L2 rate", {l2: 0.01}, ["L2 = 0.01"]],
    ["batch size", {batchSize: 25}, ["train_loader = DataLoader(TensorDataset(*data['train']), batch_size=25, shuffle=True, drop_last=False)"]],
    ["seed", {seed: 42}, ["torch.manual_seed(42)"]],
    ["activation", {activation: "relu"}, ["torch.nn.ReLU(),", "torch.nn.ReLU(),"]]
  ];
  it.each(changes)("a changed %s changes only its lines", (_name, change, added) => {
    const changed = experiment("circle", ["x1", "x2"], change);
    // The seed also picks the data in this helper: keep the base points to isolate the script.
    changed.data = base.data;
    const diff = lineDiff(playgroundScript(base), playgroundScript(changed));
    expect(diff.added.map((l) => l.trim())).toEqual(added);
    expect(diff.removed).toHaveLength(added.length);
  });

  it("carries every point with the playground's own features in its CSV", () => {
    for (const features of [["x1", "x2"], [...FEATURE_IDS], ["sinx1", "x2sq"]] as FeatureId[][]) {
      const e = experiment("spiral", features);
      const [header, ...rows] = playgroundCsv(features, e.data).trimEnd().split("\n");
      const columns = header.split(",");
      expect(columns).toEqual(csvColumns(features));
      // The script reads exactly the selected features by column name.
      expect(playgroundScript(e)).toContain(`FEATURES = [${features.map((f) => `'${f}'`).join(", ")}]`);
      for (const id of features) expect(columns).toContain(id);
      const expected = [...e.data.train.map((p) => ["train", p] as const), ...e.data.test.map((p) => ["test", p] as const)];
      expect(rows).toHaveLength(expected.length);
      rows.forEach((row, k) => {
        const fields = row.split(",");
        const record = Object.fromEntries(columns.map((c, i) => [c, fields[i]]));
        const [split, point] = expected[k];
        expect(record.split).toBe(split);
        expect(Number(record.label)).toBe(point.label);
        const computed = featureVector(features, point.x1, point.x2);
        // Bit-exact: the CSV's decimals read back as the doubles the playground trains on.
        features.forEach((id, i) => expect(Number(record[id])).toBe(computed[i]));
      });
    }
  });

  it("refuses what Python could not run", () => {
    expect(() => playgroundScript({...base, data: {train: [], test: base.data.test}})).toThrow(RangeError);
    expect(() => playgroundScript({...base, hyper: {...base.hyper, learningRate: NaN}})).toThrow(RangeError);
  });

  it("script and CSV agree on the column names the script reads", () => {
    const e = experiment("xor", ["x1x2", "x1"]);
    const columns = csvColumns(e.architecture.features);
    const script = playgroundScript(e);
    for (const name of ["split", "label", ...e.architecture.features]) {
      expect(columns).toContain(name);
      expect(script).toContain(`'${name}'`);
    }
  });
});
