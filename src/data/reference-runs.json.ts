// Reference training logs of the lecture's recipe and its comparisons, trained in Node
// with the page's own trainer; stored logs are reused, only missing ones are trained.
// REFERENCE_RUNS=id,id limits training to some runs (to train them in parallel processes).
import {REFERENCE_RECIPES} from "../components/mnist/comparisons.js";
import {referenceRuns} from "../components/mnist/reference-store.js";

const only = process.env.REFERENCE_RUNS?.split(",");
const runs = await referenceRuns(
  REFERENCE_RECIPES.filter((c) => !only || only.includes(c.id)),
  (line) => process.stderr.write(`reference runs: ${line}\n`)
);
process.stdout.write(JSON.stringify(runs));
