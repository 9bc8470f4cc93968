/**
 * Seeded 2-D datasets on the plane [−6, 6]², after TensorFlow Playground's
 * generators (circle, XOR, two Gaussians, spiral) plus two moons and 3–5
 * Gaussian blobs. The same seed, size and noise always give the same points,
 * so a dataset is fully described by its link.
 */
import {rng as seededRng, type Rng} from "../nn/rng.js";

export interface LabeledPoint {
  x1: number;
  x2: number;
  /** Class 0…classes−1. */
  label: number;
}

export const DATASET_IDS = ["circle", "xor", "gauss", "spiral", "moons", "blobs"] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

export const DATASET_NAMES: Record<DatasetId, string> = {
  circle: "Circle",
  xor: "XOR",
  gauss: "Two Gaussians",
  spiral: "Spiral",
  moons: "Two moons",
  blobs: "Gaussian blobs (3–5 classes)"
};

/** Half-width of the plane every dataset lives on. */
export const PLANE = 6;

export interface DatasetOptions {
  /** Number of points. */
  count: number;
  /** 0 (clean) … 0.5 (very noisy). */
  noise: number;
  seed: number;
  /** Number of blobs (blobs only), 3–5. */
  classes?: number;
}

/** Number of classes a dataset has. */
export function datasetClasses(id: DatasetId, classes = 3): number {
  return id === "blobs" ? classes : 2;
}

export function generateDataset(id: DatasetId, options: DatasetOptions): LabeledPoint[] {
  const random = seededRng(options.seed);
  const {count, noise} = options;
  switch (id) {
    case "circle":
      return circle(count, noise, random);
    case "xor":
      return xor(count, noise, random);
    case "gauss":
      return gaussians(count, noise, random);
    case "spiral":
      return spiral(count, noise, random);
    case "moons":
      return moons(count, noise, random);
    case "blobs":
      return blobs(count, noise, options.classes ?? 3, random);
  }
}

/** Class 1 inside radius 2.5, class 0 in the ring 3.5…5; noise jitters the point used for the label. */
function circle(count: number, noise: number, random: Rng): LabeledPoint[] {
  const radius = 5;
  const points: LabeledPoint[] = [];
  const add = (rMin: number, rMax: number) => {
    const r = random.uniform(rMin, rMax);
    const angle = random.uniform(0, 2 * Math.PI);
    const x1 = r * Math.sin(angle);
    const x2 = r * Math.cos(angle);
    const n1 = random.uniform(-radius, radius) * noise;
    const n2 = random.uniform(-radius, radius) * noise;
    points.push({x1, x2, label: Math.hypot(x1 + n1, x2 + n2) < radius * 0.5 ? 1 : 0});
  };
  for (let k = 0; k < count / 2; ++k) add(0, radius * 0.5);
  while (points.length < count) add(radius * 0.7, radius);
  return points;
}

/** Uniform points away from the axes, labelled by the sign of x₁·x₂ of the jittered point. */
function xor(count: number, noise: number, random: Rng): LabeledPoint[] {
  const padding = 0.3;
  const points: LabeledPoint[] = [];
  for (let k = 0; k < count; ++k) {
    let x1 = random.uniform(-5, 5);
    x1 += x1 > 0 ? padding : -padding;
    let x2 = random.uniform(-5, 5);
    x2 += x2 > 0 ? padding : -padding;
    const n1 = random.uniform(-5, 5) * noise;
    const n2 = random.uniform(-5, 5) * noise;
    points.push({x1, x2, label: (x1 + n1) * (x2 + n2) >= 0 ? 1 : 0});
  }
  return points;
}

/** Spread of a Gaussian cluster: standard deviation √0.5 when clean, 2 at noise 0.5. */
function clusterStd(noise: number): number {
  return Math.sqrt(0.5 + (noise / 0.5) * 3.5);
}

function gaussians(count: number, noise: number, random: Rng): LabeledPoint[] {
  const std = clusterStd(noise);
  return Array.from({length: count}, (_, k) => {
    const label = k % 2 === 0 ? 1 : 0;
    const centre = label ? 2 : -2;
    return {x1: random.normal(centre, std), x2: random.normal(centre, std), label};
  });
}

/** Two interleaved arms of 1.75 turns out to radius 5. */
function spiral(count: number, noise: number, random: Rng): LabeledPoint[] {
  const points: LabeledPoint[] = [];
  const perArm = Math.ceil(count / 2);
  for (const [label, delta] of [[1, 0], [0, Math.PI]] as const) {
    for (let i = 0; i < perArm && points.length < count; ++i) {
      const r = (i / perArm) * 5;
      const t = ((1.75 * i) / perArm) * 2 * Math.PI + delta;
      points.push({
        x1: r * Math.sin(t) + random.uniform(-1, 1) * noise,
        x2: r * Math.cos(t) + random.uniform(-1, 1) * noise,
        label
      });
    }
  }
  return points;
}

/** Two interlocking half circles, scaled to fill the plane; noise is Gaussian jitter. */
function moons(count: number, noise: number, random: Rng): LabeledPoint[] {
  const scale = 3;
  const std = noise * 2;
  return Array.from({length: count}, (_, k) => {
    const label = k % 2;
    const angle = random.uniform(0, Math.PI);
    const [x, y] = label === 0 ? [Math.cos(angle), Math.sin(angle)] : [1 - Math.cos(angle), 0.5 - Math.sin(angle)];
    return {x1: (x - 0.5) * scale + random.normal(0, std), x2: (y - 0.25) * scale + random.normal(0, std), label};
  });
}

/** k Gaussian clusters evenly spaced on a circle of radius 3.5. */
function blobs(count: number, noise: number, classes: number, random: Rng): LabeledPoint[] {
  const std = clusterStd(noise) * 0.6;
  return Array.from({length: count}, (_, k) => {
    const label = k % classes;
    const angle = Math.PI / 2 + (2 * Math.PI * label) / classes;
    return {x1: random.normal(3.5 * Math.cos(angle), std), x2: random.normal(3.5 * Math.sin(angle), std), label};
  });
}

/**
 * Splits points into training and test sets: a seeded shuffle, then the
 * first `trainFraction` of them for training (at least one of each set when possible).
 */
export function splitTrainTest<T>(points: readonly T[], trainFraction: number, seed: number): {train: T[]; test: T[]} {
  const shuffled = seededRng(seed ^ 0x5eed).shuffle(points.slice());
  let cut = Math.round(shuffled.length * trainFraction);
  if (shuffled.length >= 2) cut = Math.min(shuffled.length - 1, Math.max(1, cut));
  return {train: shuffled.slice(0, cut), test: shuffled.slice(cut)};
}
