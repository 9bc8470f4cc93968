/** The playground's file and message helpers, on the shared DOM helper. */
import {element} from "../course/dom.js";

/** Saves a blob as a download (weights JSON, points CSV, boundary PNG). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = element("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A status line with one list item per message, as text (never HTML). */
export function showMessages(target: HTMLElement, lines: string[], ok: boolean): void {
  target.className = `notice ${ok ? "ok" : "error"}`;
  target.replaceChildren(element("ul", "", ...lines.map((line) => element("li", "", line))));
}

/** A labelled file picker that hands each chosen file to `onFile`, then clears itself so the same file can be chosen again. */
export function filePicker(label: string, accept: string, onFile: (file: File) => void): HTMLLabelElement {
  const input = element("input");
  input.type = "file";
  input.accept = accept;
  const wrapper = element("label", "file-input", `${label} `, input);
  input.addEventListener("change", () => {
    const chosen = input.files?.[0];
    input.value = "";
    if (chosen) onFile(chosen);
  });
  return wrapper;
}
