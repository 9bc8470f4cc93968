/**
 * The learner's own points: the class a click on the plane adds, a keyboard
 * form for one point, CSV paste/upload (bad lines listed, never a crash),
 * CSV download and clearing. Reports what happened in a status line.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {MAX_CLASSES, parseCsv, formatCsv} from "../playground/csv.js";
import {PLANE, type LabeledPoint} from "../playground/datasets.js";
import {CLASS_COLOR_NAMES} from "./playground-colors.js";
import {button} from "../course/dom.js";
import {download, filePicker, showMessages} from "./playground-dom.js";

export interface DataPanel {
  element: HTMLElement;
  /** Class of points added by clicking the plane. */
  clickClass(): number;
}

export function createDataPanel(actions: {add(point: LabeledPoint): void; replace(points: LabeledPoint[]): void; points(): readonly LabeledPoint[]}): DataPanel {
  const element = document.createElement("details");
  element.className = "playground-data";
  const summary = document.createElement("summary");
  summary.textContent = "Your own points: click the plane, type a point, or import a CSV";
  const note = document.createElement("p");
  note.textContent =
    "Clicking the plane adds a point of the chosen class (the current points become your own data set). Your own points are not part of the page link — download them as CSV to keep or share them.";
  const status = document.createElement("div");
  status.setAttribute("role", "status");
  const report = (lines: string[], ok: boolean) => showMessages(status, lines, ok);
  const classes = Array.from({length: MAX_CLASSES}, (_, k) => k);
  const clickClass = Inputs.select(classes, {label: "Class of new points", format: (k) => `${k} (${CLASS_COLOR_NAMES[k]})`, value: 1});
  const x1 = Inputs.number([-PLANE, PLANE], {label: "x₁", value: 0});
  const x2 = Inputs.number([-PLANE, PLANE], {label: "x₂", value: 0});
  const addButton = button("Add point", () => {
    const p = {x1: x1.value, x2: x2.value, label: clickClass.value};
    if (!Number.isFinite(p.x1) || !Number.isFinite(p.x2) || Math.abs(p.x1) > PLANE || Math.abs(p.x2) > PLANE) {
      report([`x₁ and x₂ must be numbers from −${PLANE} to ${PLANE}.`], false);
      return;
    }
    actions.add(p);
    report([`Added (${p.x1}, ${p.x2}) as class ${p.label}.`], true);
  });
  const csv = Inputs.textarea({label: "CSV (x1,x2,label per line)", rows: 4, placeholder: "x1,x2,label\n1.5,-2,0\n-3,2.5,1"});
  const importText = button("Import CSV text", () => importCsv(csv.value));
  const fileLabel = filePicker("Upload a CSV file", ".csv,text/csv,text/plain", async (chosen) => {
    if (chosen.size > 2_000_000) report([`${chosen.name} is larger than 2 MB; that is more than the 5,000 rows the playground accepts.`], false);
    else importCsv(await chosen.text());
  });
  const save = button("Download points (CSV)", () => download(new Blob([formatCsv(actions.points())], {type: "text/csv"}), "playground-points.csv"));
  const clear = button("Remove all points", () => {
    actions.replace([]);
    report(["All points removed."], true);
  });
  function importCsv(text: string): void {
    const {points, errors} = parseCsv(text);
    if (points.length) actions.replace(points);
    report([points.length ? `Imported ${points.length} point${points.length === 1 ? "" : "s"}.` : "Nothing was imported.", ...errors], errors.length === 0);
  }


  const row = (...children: HTMLElement[]) => {
    const div = document.createElement("div");
    div.className = "controls";
    div.append(...children);
    return div;
  };
  element.append(summary, note, row(clickClass), row(x1, x2, addButton), row(csv, importText), row(fileLabel, save, clear), status);
  return {element, clickClass: () => clickClass.value};
}
