/**
 * The learner's own points from CSV text: rows "x1,x2,label", header optional.
 * Never throws: every bad row is skipped and reported with its line number,
 * and the number of rows accepted is capped. The reports pass through the
 * strings hook (namespace "playground-csv"), in English unless a translator
 * in the widget's language is given.
 */
import {translator, type Messages, type Translate} from "../course/strings.js";
import {PLANE, type LabeledPoint} from "./datasets.js";

export const MAX_CSV_ROWS = 5000;
export const MAX_CLASSES = 5;
/** At most this many problems are listed; the rest are counted. */
const MAX_LISTED = 20;

export const csvMessages = {
  problem: "line {line}: {problem}",
  fields: "line {line}: expected 3 values (x1,x2,label), found {found}",
  notNumber: "{name} {field} is not a number",
  outside: "{name} {field} is outside the plane −{plane}…{plane}",
  label: "label {field} is not a whole number 0–{last}",
  more: "… and {n} more bad lines",
  dropped: "only the first {kept} rows were kept; {dropped} more were ignored",
  empty: "no data rows found (expected lines of x1,x2,label)"
} satisfies Messages;

export type CsvTranslate = Translate<typeof csvMessages>;
const english: CsvTranslate = translator("playground-csv", csvMessages, "en");

export interface CsvResult {
  points: LabeledPoint[];
  /** One plain-text line per problem, e.g. "line 7: label 'cat' is not a whole number 0–4". */
  errors: string[];
}

function quote(field: string): string {
  const shown = field.length > 20 ? `${field.slice(0, 20)}…` : field;
  return `'${shown.replace(/[\u0000-\u001f\u007f]/g, "?")}'`;
}

function coordinateProblem(name: string, field: string, t: CsvTranslate): string | null {
  const value = field === "" ? NaN : Number(field);
  if (!Number.isFinite(value)) return t("notNumber", {name, field: quote(field)});
  if (Math.abs(value) > PLANE) return t("outside", {name, field: quote(field), plane: PLANE});
  return null;
}

export function parseCsv(text: string, maxRows = MAX_CSV_ROWS, t: CsvTranslate = english): CsvResult {
  const points: LabeledPoint[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let dropped = 0;
  let first = true;
  for (let index = 0; index < lines.length; ++index) {
    const line = lines[index].trim();
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(/[,;\t]/).map((f) => f.trim());
    const lineNumber = index + 1;
    // A first row without a single number is a header.
    const header = first && fields.every((f) => f === "" || !Number.isFinite(Number(f)));
    first = false;
    if (header) continue;
    if (fields.length !== 3) {
      problems.push(t("fields", {line: lineNumber, found: fields.length}));
      continue;
    }
    const [a, b, c] = fields;
    const problem =
      coordinateProblem("x1", a, t) ??
      coordinateProblem("x2", b, t) ??
      (/^\d+$/.test(c) && Number(c) < MAX_CLASSES ? null : t("label", {field: quote(c), last: MAX_CLASSES - 1}));
    if (problem) {
      problems.push(t("problem", {line: lineNumber, problem}));
      continue;
    }
    if (points.length >= maxRows) {
      ++dropped;
      continue;
    }
    points.push({x1: Number(a), x2: Number(b), label: Number(c)});
  }
  const errors = problems.slice(0, MAX_LISTED);
  if (problems.length > MAX_LISTED) errors.push(t("more", {n: problems.length - MAX_LISTED}));
  if (dropped) errors.push(t("dropped", {kept: maxRows, dropped}));
  if (points.length === 0 && problems.length === 0) errors.push(t("empty"));
  return {points, errors};
}

/** The points as CSV text with a header (what the learner can save and re-import). */
export function formatCsv(points: readonly LabeledPoint[]): string {
  return ["x1,x2,label", ...points.map((p) => `${+p.x1.toFixed(4)},${+p.x2.toFixed(4)},${p.label}`)].join("\n") + "\n";
}
