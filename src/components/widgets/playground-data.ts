/**
 * The learner's own points: the class a click on the plane adds, a keyboard
 * form for one point, CSV paste/upload (bad lines listed, never a crash),
 * CSV download and clearing. Reports what happened in a status line.
 */
import * as Inputs from "npm:@observablehq/inputs";
import {csvMessages, MAX_CLASSES, parseCsv, formatCsv} from "../playground/csv.js";
import {PLANE, type LabeledPoint} from "../playground/datasets.js";
import {PALETTE} from "../charts/palette.js";
import {button, element} from "../course/dom.js";
import {translator, type Lang} from "../course/strings.js";
import {download, filePicker, showMessages} from "./playground-dom.js";
import type {PlaygroundTranslate} from "./playground.js";

export interface DataPanel {
  element: HTMLElement;
  /** Class of points added by clicking the plane. */
  clickClass(): number;
}

export function createDataPanel(
  t: PlaygroundTranslate,
  lang: Lang,
  actions: {add(point: LabeledPoint): void; replace(points: LabeledPoint[]): void; points(): readonly LabeledPoint[]}
): DataPanel {
  const status = element("div");
  status.setAttribute("role", "status");
  const csvT = translator("playground-csv", csvMessages, lang);
  const report = (lines: string[], ok: boolean) => showMessages(status, lines, ok);
  const classes = Array.from({length: MAX_CLASSES}, (_, k) => k);
  const colourName = (k: number) => t(`colour.${PALETTE.classNames[k]}` as Parameters<PlaygroundTranslate>[0]);
  const clickClass = Inputs.select(classes, {label: t("data.class"), format: (k) => t("data.classOption", {k, colour: colourName(k)}), value: 1});
  const x1 = Inputs.number([-PLANE, PLANE], {label: "x₁", value: 0});
  const x2 = Inputs.number([-PLANE, PLANE], {label: "x₂", value: 0});
  const addButton = button(t("data.add"), () => {
    const p = {x1: x1.value, x2: x2.value, label: clickClass.value};
    if (!Number.isFinite(p.x1) || !Number.isFinite(p.x2) || Math.abs(p.x1) > PLANE || Math.abs(p.x2) > PLANE) {
      report([t("data.outside", {plane: PLANE})], false);
      return;
    }
    actions.add(p);
    report([t("data.added", {x1: p.x1, x2: p.x2, label: p.label})], true);
  });
  const csv = Inputs.textarea({label: t("data.csv"), rows: 4, placeholder: t("data.placeholder")});
  const importText = button(t("data.importText"), () => importCsv(csv.value));
  const fileLabel = filePicker(t("data.upload"), ".csv,text/csv,text/plain", async (chosen) => {
    if (chosen.size > 2_000_000) report([t("data.tooLarge", {name: chosen.name})], false);
    else importCsv(await chosen.text());
  });
  const save = button(t("data.download"), () => download(new Blob([formatCsv(actions.points())], {type: "text/csv"}), "playground-points.csv"));
  const clear = button(t("data.clear"), () => {
    actions.replace([]);
    report([t("data.cleared")], true);
  });
  function importCsv(text: string): void {
    const {points, errors} = parseCsv(text, undefined, csvT);
    if (points.length) actions.replace(points);
    const summary = points.length === 0 ? t("data.nothing") : points.length === 1 ? t("data.importedOne") : t("data.imported", {n: points.length});
    report([summary, ...errors], errors.length === 0);
  }

  const row = (...children: HTMLElement[]) => element("div", "controls", ...children);
  const panel = element(
    "details",
    "playground-data",
    element("summary", "", t("data.summary")),
    element("p", "", t("data.note")),
    row(clickClass),
    row(x1, x2, addButton),
    row(csv, importText),
    row(fileLabel, save, clear),
    status
  );
  return {element: panel, clickClass: () => clickClass.value};
}
