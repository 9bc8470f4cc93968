/**
 * The training worker's reports in words. The worker has no page and so no
 * language: it sends codes and numbers (a Problem, a BackendChoice), and the
 * page words them through its translator. The English words also make the
 * errors' own messages, for Node, scripts and logs.
 */
import {fill, type Messages, type Params, type Translate} from "../course/strings.js";
import type {Backend, BackendChoice} from "./protocol.js";
import {PROBE_BATCHES} from "./protocol.js";

export const workerMessages = {
  "problem.missing": "MNIST shard {file} is missing (HTTP {status}).",
  "problem.network": "Could not download MNIST shard {file}.",
  "problem.corrupt": "MNIST shard {file} is corrupted: its SHA-256 does not match the manifest.",
  "problem.malformed": "MNIST shard {file} cannot be decoded.",
  "problem.count": "MNIST shard {file} holds {count} images, the manifest says {expected}.",
  "problem.diverged": "Training paused: the loss became NaN at iteration {iteration} of epoch {epoch} (learning rate {lr}). The weights have blown up; lower the learning rate and start again.",
  "problem.worker": "The training worker failed.",
  "problem.unexpected": "Training stopped on an unexpected error.",
  "backend.webgpu": "WebGPU",
  "backend.webgl": "WebGL",
  "backend.wasm": "WebAssembly (wasm)",
  "backend.cpu": "plain JavaScript (cpu)",
  "why.unavailable": "This browser offers no WebGPU",
  "why.no-adapter": "WebGPU is present but found no graphics adapter",
  "why.fallback": "WebGPU here is only a software fallback adapter (no GPU)",
  "why.hardware": "WebGPU runs on a hardware adapter",
  "reason.fastest": "{why}, and it was the fastest in a {batches}-batch timing ({figures} per batch).",
  "reason.faster": "{why}, but a {batches}-batch timing found {fastest} faster ({figures} per batch).",
  "reason.other": "{why}, so the fastest other backend was chosen by a {batches}-batch timing ({figures} per batch).",
  "reason.manual": "{backend} was selected by hand.",
  "reason.failed": "{backend} could not start here. {reason}",
  "reason.figure": "{backend} {ms} ms",
  "threads.one": "It runs on {threads} thread (this page is cross-origin isolated).",
  "threads.other": "It runs on {threads} threads (this page is cross-origin isolated).",
  "threads.single": "It runs on one thread: this host does not send the COOP/COEP headers that allow more."
} satisfies Messages;

type T = Translate<typeof workerMessages>;

/** What went wrong, by the suffix of its message key. */
export type ProblemCode = keyof typeof workerMessages extends infer K ? (K extends `problem.${infer C}` ? C : never) : never;

export interface Problem {
  code: ProblemCode;
  params?: Params;
  /** The platform's own words (a browser's fetch error, a decoder's complaint): shown as they are, in English. */
  detail?: string;
}

/** A problem in English, its detail appended: the text of an Error. */
export function englishProblem(problem: Problem): string {
  const text = fill(workerMessages[`problem.${problem.code}`], problem.params);
  return problem.detail ? `${text} (${problem.detail})` : text;
}

export function problemText(t: T, problem: Problem): string {
  return t(`problem.${problem.code}`, problem.params);
}

export const backendName = (t: T, backend: Backend) => t(`backend.${backend}`);

/** Why the worker runs on its backend: the timings, WebGPU's state, a hand choice, wasm's threads. */
export function backendReason(t: T, choice: BackendChoice): string {
  const measured = (Object.entries(choice.timings) as [Backend, number][]).filter(([, ms]) => Number.isFinite(ms)).sort((a, b) => a[1] - b[1]);
  const figures = measured.map(([backend, ms]) => t("reason.figure", {backend: backendName(t, backend), ms: ms.toFixed(0)})).join(", ");
  const kind = choice.webgpu !== "hardware" ? "other" : choice.backend === "webgpu" ? "fastest" : "faster";
  let reason =
    choice.how === "manual"
      ? t("reason.manual", {backend: backendName(t, choice.backend)})
      : t(`reason.${kind}`, {why: t(`why.${choice.webgpu}`), batches: PROBE_BATCHES, fastest: backendName(t, choice.backend), figures});
  if (choice.failed) reason = t("reason.failed", {backend: backendName(t, choice.failed), reason});
  const threads = choice.threads;
  if (threads) reason += " " + (threads.isolated ? t(`threads.${threads.count === 1 ? "one" : "other"}`, {threads: threads.count}) : t("threads.single"));
  return reason;
}
