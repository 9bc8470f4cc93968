// The lecture's recipe trained with other seeds (SEED_RUNS), for the run-to-run spread;
// stored with the reference runs, reused, and trained only when missing.
// REFERENCE_RUNS=seed-1,seed-2 limits training to some runs (to train them in parallel processes).
import {SEED_RUNS} from "../components/mnist/comparisons.js";
import {printRuns} from "../components/mnist/reference-store.js";

await printRuns(SEED_RUNS, "seed runs");
