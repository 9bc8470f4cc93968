import {describe, expect, test} from "vitest";
import {serializeState} from "../../src/components/course/url-state.js";
import {DATA_SOURCES, parseConfig, playgroundSchema, selectedFeatures, type PlaygroundConfig} from "../../src/components/playground/config.js";
import {trainableActivationIds} from "../../src/components/nn/activations.js";

const defaults = parseConfig("").config;

/** Every property a valid configuration must have, checked from scratch (not through the schema). */
function expectValid(config: PlaygroundConfig): void {
  const int = (x: number, min: number, max: number) => Number.isInteger(x) && x >= min && x <= max;
  expect(DATA_SOURCES).toContain(config.dataset);
  expect(int(config.classes, 3, 5)).toBe(true);
  expect(int(config.noise, 0, 50)).toBe(true);
  expect(int(config.train, 10, 90)).toBe(true);
  expect(int(config.points, 20, 1000)).toBe(true);
  expect(int(config.seed, 0, 999999)).toBe(true);
  expect(int(config.batch, 1, 1000)).toBe(true);
  expect(config.lr >= 0.00001 && config.lr <= 10).toBe(true);
  expect(config.rate >= 0 && config.rate <= 1).toBe(true);
  expect(config.layers.length).toBeLessThanOrEqual(6);
  expect(config.layers.every((n) => int(n, 1, 8))).toBe(true);
  expect(["step", ...trainableActivationIds]).toContain(config.activation);
  expect(["cross-entropy", "mse"]).toContain(config.loss);
  expect(["none", "l1", "l2"]).toContain(config.reg);
  expect(["sgd", "momentum", "adam"]).toContain(config.optimizer);
  for (const flag of ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2", "discretize", "showTest"] as const) expect(typeof config[flag]).toBe("boolean");
  expect(selectedFeatures(config).length).toBeGreaterThan(0);
}

describe("playground configuration in the URL", () => {
  test("the defaults are TensorFlow Playground's: circle, x₁ and x₂, 4-2 tanh, lr 0.03, batch 10", () => {
    expect(defaults).toMatchObject({dataset: "circle", layers: [4, 2], activation: "tanh", lr: 0.03, batch: 10, train: 50, points: 500});
    expect(selectedFeatures(defaults)).toEqual(["x1", "x2"]);
  });

  test("every setting round-trips through the link, one at a time and all together", () => {
    const changed: PlaygroundConfig = {
      dataset: "blobs",
      classes: 5,
      noise: 35,
      train: 70,
      points: 321,
      seed: 424242,
      x1: false,
      x2: false,
      x1sq: true,
      x2sq: true,
      x1x2: true,
      sinx1: true,
      sinx2: true,
      layers: [8, 1, 3, 8, 2, 5],
      activation: "leaky-relu",
      loss: "mse",
      reg: "l2",
      rate: 0.003,
      lr: 0.00123,
      batch: 1000,
      optimizer: "adam",
      discretize: true,
      showTest: true
    };
    for (const key of Object.keys(playgroundSchema) as (keyof PlaygroundConfig)[]) {
      const one = {...defaults, [key]: changed[key]} as PlaygroundConfig;
      const query = serializeState(playgroundSchema, one);
      expect(query).toContain(`${key}=`);
      expect(parseConfig(query)).toEqual({config: one, notices: []});
    }
    expect(parseConfig(serializeState(playgroundSchema, changed))).toEqual({config: changed, notices: []});
    // No hidden layers and the custom data source are settings too.
    const bare = {...changed, layers: [], dataset: "custom"};
    expect(parseConfig(serializeState(playgroundSchema, bare)).config).toEqual(bare);
    for (const activation of ["step", ...trainableActivationIds]) {
      expect(parseConfig(serializeState(playgroundSchema, {...defaults, activation})).config.activation).toBe(activation);
    }
  });

  test("bad values are clamped or replaced with one notice each; unknown parameters are ignored", () => {
    const {config, notices} = parseConfig("?points=1e9&lr=-3&layers=9,0,4&dataset=%3Cimg%20src%3Dx%3E&x1=0&x2=no&utm_source=mail");
    expect(config).toMatchObject({points: 1000, lr: 0.00001, layers: [8, 1, 4], dataset: "circle", x1: false, x2: true});
    expect(notices).toHaveLength(5);
    expect(notices.join("\n")).toContain('"<img src=x>"');
    const none = parseConfig("?x1=0&x2=0");
    expect(selectedFeatures(none.config)).toEqual(["x1", "x2"]);
    expect(none.notices).toEqual(["features: none was selected; using x₁ and x₂."]);
  });

  test("a fuzz of 1,000 random and hostile query strings always yields a valid configuration", () => {
    let seed = 2024;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    const pick = <T,>(items: readonly T[]) => items[Math.floor(rand() * items.length)];
    const keys = [...Object.keys(playgroundSchema), "unknown", "", "layers[]", "__proto__", "constructor"];
    const atoms = [
      "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e-320", "-0", "", " ", "0x1F", "-5", "3.7", "99999999999999999999",
      "<script>alert(1)</script>", "\"><svg onload=alert(1)>", "javascript:alert(1)", "😀", "\u0000", "\u202e", "%", "%E0%A4%A",
      "1,2,3", ",,,", "8,8,8,8,8,8,8,8,8", "-1,-2", "1e3,NaN", "true", "false", "1", "0", "spiral", "blobs", "custom", "adam", "relu", "l1"
    ];
    let notices = 0;
    for (let k = 0; k < 1000; ++k) {
      const parts = Array.from({length: 1 + Math.floor(rand() * 10)}, () => {
        const value = rand() < 0.75 ? pick(atoms) : String.fromCharCode(...Array.from({length: 1 + Math.floor(rand() * 12)}, () => Math.floor(rand() * 0xd7ff)));
        return `${pick(keys)}=${rand() < 0.5 ? encodeURIComponent(value) : value}`;
      });
      const result = parseConfig((rand() < 0.5 ? "?" : "") + parts.join(rand() < 0.9 ? "&" : ";"));
      expectValid(result.config);
      notices += result.notices.length;
      for (const notice of result.notices) expect(notice.length).toBeLessThan(400);
    }
    // The fuzz really exercised the clamping.
    expect(notices).toBeGreaterThan(1000);
  });
});
