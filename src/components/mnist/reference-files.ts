/** The reference runs built at build time (src/data/reference-runs.json.ts, seed-runs.json.ts), as served by this site. */
import {FileAttachment} from "observablehq:stdlib";
import type {ReferenceLog} from "./reference-log.js";
import type {ReferenceRun} from "./reference-store.js";

let runs: Promise<ReferenceRun[]> | null = null;

/** Fetches the runs once per page; the page's table and the trainer widget share the result. */
export function loadReferenceRuns(): Promise<ReferenceRun[]> {
  runs ??= (FileAttachment("../../data/reference-runs.json").json() as Promise<ReferenceRun[]>).catch((error) => {
    runs = null;
    throw error;
  });
  return runs;
}

/** The lecture's recipe over several seeds: its reference run first, then the seed runs. */
export async function loadSeedSpreadRuns(): Promise<ReferenceLog[]> {
  const [references, seeds] = await Promise.all([loadReferenceRuns(), FileAttachment("../../data/seed-runs.json").json() as Promise<ReferenceRun[]>]);
  return [references[0], ...seeds].map((run) => run.log);
}
