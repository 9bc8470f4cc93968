/**
 * Page settings in the URL, so any configuration is a link. One schema per
 * page says what each parameter may be; parsing clamps or replaces anything
 * invalid and reports what it changed, as plain text (never HTML). Unknown
 * parameters are ignored. Writing uses history.replaceState: no history spam.
 */
import {translator, type Lang, type Messages, type Translate} from "./strings.js";

export type ParamSpec =
  | {kind: "number"; min: number; max: number; default: number; integer?: boolean}
  | {kind: "enum"; values: readonly string[]; default: string}
  | {kind: "boolean"; default: boolean}
  | {kind: "int-list"; min: number; max: number; minLength: number; maxLength: number; default: readonly number[]};

export type Schema = Record<string, ParamSpec>;

export const urlMessages = {
  notNumber: "{name}: {raw} is not a number; using {value}.",
  outside: "{name}: {raw} is outside {min}…{max}; using {value}.",
  outsideInteger: "{name}: {raw} is outside {min}…{max} or not a whole number; using {value}.",
  notOneOf: "{name}: {raw} is not one of {values}; using {value}.",
  notBoolean: "{name}: {raw} is not true or false; using {value}.",
  notList: "{name}: {raw} is not a list of numbers; using {value}.",
  listChanged: "{name}: {raw} changed to {value} ({minLength}–{maxLength} entries of {min}…{max}).",
  none: "none",
  adjusted: "Some settings in the link were invalid and have been adjusted:"
} satisfies Messages;

type UrlTranslate = Translate<typeof urlMessages>;
const english: UrlTranslate = translator("url-state", urlMessages, "en");

export type ParamValue<P extends ParamSpec> = P extends {kind: "number"}
  ? number
  : P extends {kind: "enum"}
    ? string
    : P extends {kind: "boolean"}
      ? boolean
      : number[];

export type State<S extends Schema> = {[K in keyof S]: ParamValue<S[K]>};

export interface Parsed<S extends Schema> {
  values: State<S>;
  /** One plain-text line per parameter that was changed to be valid. */
  notices: string[];
}

/** Longest raw value echoed back in a notice, so hostile input cannot flood the page. */
const ECHO_LIMIT = 40;

function echo(raw: string): string {
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, "?");
  return JSON.stringify(clean.length > ECHO_LIMIT ? `${clean.slice(0, ECHO_LIMIT)}…` : clean);
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}

/** Parses one raw value; returns the valid value and, if it had to change, why. */
export function parseParam(name: string, spec: ParamSpec, raw: string, t: UrlTranslate = english): {value: unknown; notice?: string} {
  switch (spec.kind) {
    case "number": {
      const x = raw.trim() === "" ? NaN : Number(raw);
      if (!Number.isFinite(x)) return {value: spec.default, notice: t("notNumber", {name, raw: echo(raw), value: spec.default})};
      let value = clamp(x, spec.min, spec.max);
      if (spec.integer) value = Math.round(value);
      if (value !== x) return {value, notice: t(spec.integer ? "outsideInteger" : "outside", {name, raw: echo(raw), min: spec.min, max: spec.max, value})};
      return {value};
    }
    case "enum":
      if (spec.values.includes(raw)) return {value: raw};
      return {value: spec.default, notice: t("notOneOf", {name, raw: echo(raw), values: spec.values.join(", "), value: spec.default})};
    case "boolean":
      if (raw === "1" || raw === "true") return {value: true};
      if (raw === "0" || raw === "false") return {value: false};
      return {value: spec.default, notice: t("notBoolean", {name, raw: echo(raw), value: String(spec.default)})};
    case "int-list": {
      const parts = raw === "" ? [] : raw.split(",");
      const numbers = parts.map((p) => Number(p));
      if (parts.length > spec.maxLength * 4 || numbers.some((n) => !Number.isFinite(n))) {
        return {value: spec.default.slice(), notice: t("notList", {name, raw: echo(raw), value: spec.default.join(",") || t("none")})};
      }
      let value = numbers.map((n) => clamp(Math.round(n), spec.min, spec.max)).slice(0, spec.maxLength);
      while (value.length < spec.minLength) value = [...value, spec.default[value.length] ?? spec.min];
      const changed = value.length !== numbers.length || value.some((v, i) => v !== numbers[i]);
      return changed
        ? {value, notice: t("listChanged", {name, raw: echo(raw), value: value.join(",") || t("none"), minLength: spec.minLength, maxLength: spec.maxLength, min: spec.min, max: spec.max})}
        : {value};
    }
  }
}

function defaultOf(spec: ParamSpec): unknown {
  return spec.kind === "int-list" ? spec.default.slice() : spec.default;
}

/** Reads the schema's parameters from a query string ("?a=1&b=2" or "a=1&b=2"). */
export function parseState<S extends Schema>(schema: S, search: string, t: UrlTranslate = english): Parsed<S> {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const values: Record<string, unknown> = {};
  const notices: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const raw = params.get(name);
    if (raw === null) {
      values[name] = defaultOf(spec);
      continue;
    }
    const {value, notice} = parseParam(name, spec, raw, t);
    values[name] = value;
    if (notice) notices.push(notice);
  }
  return {values: values as State<S>, notices};
}

function format(spec: ParamSpec, value: unknown): string {
  if (spec.kind === "boolean") return value ? "1" : "0";
  if (spec.kind === "int-list") return (value as number[]).join(",");
  if (spec.kind === "number") return String(Number((value as number).toPrecision(12)));
  return String(value);
}

function isDefault(spec: ParamSpec, value: unknown): boolean {
  return format(spec, value) === format(spec, defaultOf(spec));
}

/**
 * The query string for the given values: only parameters that differ from
 * their defaults, and any other parameters of `keep` (e.g. embed flags) untouched.
 */
export function serializeState<S extends Schema>(schema: S, values: Partial<State<S>>, keep = ""): string {
  const params = new URLSearchParams(keep);
  for (const [name, spec] of Object.entries(schema)) {
    const value = (values as Record<string, unknown>)[name];
    if (value === undefined || isDefault(spec, value)) params.delete(name);
    else params.set(name, format(spec, value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Replaces the current URL's query with the given values (no new history entry). */
export function writeState<S extends Schema>(schema: S, values: Partial<State<S>>): void {
  const query = serializeState(schema, values, location.search);
  const url = `${location.pathname}${query}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, "", url);
}

/** A visible notice listing what was changed, built with textContent only; empty when nothing was. */
export function stateNotice(notices: string[], t: UrlTranslate = english): HTMLElement {
  const element = document.createElement("div");
  if (notices.length === 0) return element;
  element.className = "notice url-notice";
  element.setAttribute("role", "status");
  const title = document.createElement("strong");
  title.textContent = t("adjusted");
  const list = document.createElement("ul");
  for (const notice of notices) {
    const item = document.createElement("li");
    item.textContent = notice;
    list.append(item);
  }
  element.append(title, list);
  return element;
}

/** Quiet time (ms) after the last value before it is written. */
const REST_MS = 200;
/** Longest (ms) a value waits while new ones keep coming (a running animation). */
const MAX_WAIT_MS = 1000;

/**
 * Calls `write` with the latest value once values have stopped coming for
 * REST_MS, or MAX_WAIT_MS after the first unwritten one if they never stop;
 * nothing after `signal` aborts. Always from a timer, never inside the caller, and
 * not during a drag: a replaceState costs milliseconds (more on a loaded machine),
 * which a drag's frames should not pay, and Chromium ignores replaceState beyond
 * about 200 calls in 10 seconds.
 */
export function whenRested<T>(write: (value: T) => void, signal?: AbortSignal): (value: T) => void {
  let pending: T | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let first = 0;
  signal?.addEventListener("abort", () => timer && clearTimeout(timer));
  const flush = () => {
    timer = null;
    write(pending as T);
  };
  return (value) => {
    if (signal?.aborted) return;
    pending = value;
    const now = performance.now();
    if (timer) clearTimeout(timer);
    else first = now;
    timer = setTimeout(flush, Math.max(0, Math.min(REST_MS, first + MAX_WAIT_MS - now)));
  };
}

/**
 * Reads the page's state from its URL: the starting values, a notice element,
 * and a writer for later changes (see whenRested).
 */
export function urlState<S extends Schema>(schema: S, search = typeof location === "undefined" ? "" : location.search, signal?: AbortSignal, lang?: Lang) {
  const t = lang ? translator("url-state", urlMessages, lang) : english;
  const {values, notices} = parseState(schema, search, t);
  return {
    initial: values,
    notices,
    notice: () => stateNotice(notices, t),
    write: whenRested((current: Partial<State<S>>) => writeState(schema, current), signal)
  };
}
