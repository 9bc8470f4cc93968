// Reference training logs of the lecture's recipe and its comparisons, trained in Node
// with the page's own trainer; stored logs are reused, only missing ones are trained.
// REFERENCE_RUNS=id,id limits training to some runs (to train them in parallel processes).
import {REFERENCE_RECIPES} from "../components/mnist/comparisons.js";
import {printRuns} from "../components/mnist/reference-store.js";

await printRuns(REFERENCE_RECIPES, "reference runs");
