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
