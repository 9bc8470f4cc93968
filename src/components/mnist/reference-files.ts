/** The reference runs built at build time (src/data/reference-runs.json.ts), as served by this site. */
import {FileAttachment} from "observablehq:stdlib";
import type {ReferenceRun} from "./reference-store.js";

export async function loadReferenceRuns(): Promise<ReferenceRun[]> {
  return (await FileAttachment("../../data/reference-runs.json").json()) as ReferenceRun[];
}
