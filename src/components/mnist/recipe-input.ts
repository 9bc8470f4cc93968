/** Checking and describing recipes that come from controls, URLs or messages. */
import type {Recipe} from "./recipe.js";

/** Checks a recipe (e.g. from a URL or a message); throws naming the first bad field. */
export function validateRecipe(value: unknown): Recipe {
  const r = value as Recipe;
  const fail = (what: string): never => {
    throw new Error(`Invalid recipe: ${what}`);
  };
  if (typeof r !== "object" || r === null) fail("not an object");
  if (!Array.isArray(r.hidden) || r.hidden.length < 1 || r.hidden.length > 4 || !r.hidden.every((h) => Number.isInteger(h) && h >= 1 && h <= 2048)) fail("hidden sizes");
  if (r.activation !== "relu" && r.activation !== "sigmoid") fail("activation");
  if (r.optimizer !== "adam" && r.optimizer !== "sgd") fail("optimizer");
  if (!(r.learningRate > 0 && r.learningRate <= 10)) fail("learning rate");
  if (!Number.isInteger(r.batchSize) || r.batchSize < 1 || r.batchSize > 4096) fail("batch size");
  if (!Number.isInteger(r.epochs) || r.epochs < 1 || r.epochs > 100) fail("epochs");
  if (!Number.isInteger(r.seed)) fail("seed");
  return r;
}

/** One line per recipe, for captions and logs. */
export function describeRecipe(r: Recipe): string {
  return `784-${r.hidden.join("-")}-10 ${r.activation === "relu" ? "ReLU" : "sigmoid"}, ${r.optimizer === "adam" ? "Adam" : "SGD"} lr ${r.learningRate}, batch ${r.batchSize}, ${r.epochs} epoch${r.epochs === 1 ? "" : "s"}`;
}
