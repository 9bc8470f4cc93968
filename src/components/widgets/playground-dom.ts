/** Small DOM helpers of the playground widget. */

/** Saves a blob as a download (weights JSON, points CSV, boundary PNG). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A status line with one list item per message, as text (never HTML). */
export function showMessages(target: HTMLElement, lines: string[], ok: boolean): void {
  target.className = `notice ${ok ? "ok" : "error"}`;
  const list = document.createElement("ul");
  for (const line of lines) {
    const item = document.createElement("li");
    item.textContent = line;
    list.append(item);
  }
  target.replaceChildren(list);
}

/** A labelled file picker that hands each chosen file to `onFile`, then clears itself so the same file can be chosen again. */
export function filePicker(label: string, accept: string, onFile: (file: File) => void): HTMLLabelElement {
  const wrapper = document.createElement("label");
  wrapper.className = "file-input";
  wrapper.textContent = `${label} `;
  const input = document.createElement("input");
  input.type = "file";
  input.accept = accept;
  wrapper.append(input);
  input.addEventListener("change", () => {
    const chosen = input.files?.[0];
    input.value = "";
    if (chosen) onFile(chosen);
  });
  return wrapper;
}
