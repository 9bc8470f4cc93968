/**
 * The input features a playground network can see, computed from a point
 * (x₁, x₂) of the plane — TensorFlow Playground's seven: the coordinates, their
 * squares, their product and their sines.
 */

export const FEATURE_IDS = ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

export const FEATURE_LABELS: Record<FeatureId, string> = {
  x1: "x₁",
  x2: "x₂",
  x1sq: "x₁²",
  x2sq: "x₂²",
  x1x2: "x₁x₂",
  sinx1: "sin x₁",
  sinx2: "sin x₂"
};

const FEATURE_FUNCTIONS: Record<FeatureId, (x1: number, x2: number) => number> = {
  x1: (x1) => x1,
  x2: (_x1, x2) => x2,
  x1sq: (x1) => x1 * x1,
  x2sq: (_x1, x2) => x2 * x2,
  x1x2: (x1, x2) => x1 * x2,
  sinx1: (x1) => Math.sin(x1),
  sinx2: (_x1, x2) => Math.sin(x2)
};

/** Writes the chosen features of (x₁, x₂) into `out` (allocates one when omitted). */
export function featureVector(ids: readonly FeatureId[], x1: number, x2: number, out = new Float64Array(ids.length)): Float64Array {
  for (let k = 0; k < ids.length; ++k) out[k] = FEATURE_FUNCTIONS[ids[k]](x1, x2);
  return out;
}
