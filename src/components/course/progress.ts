/** A labelled progress bar with a live text readout, for anything that takes over a second. */
export interface ProgressView {
  element: HTMLElement;
  update(value: number, max: number, text: string): void;
  /** Replaces the bar with an alert: text, or a node that marks part of it (say, a browser's own English words). */
  fail(message: string | Node): void;
}

export function progressView(label: string): ProgressView {
  const element = document.createElement("div");
  element.className = "progress";
  const id = `progress-${Math.random().toString(36).slice(2)}`;
  const labelEl = document.createElement("label");
  labelEl.htmlFor = id;
  labelEl.textContent = label;
  const bar = document.createElement("progress");
  bar.id = id;
  const status = document.createElement("div");
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");
  element.append(labelEl, bar, status);
  return {
    element,
    update(value, max, text) {
      bar.max = max;
      bar.value = value;
      status.textContent = text;
    },
    fail(message) {
      bar.remove();
      status.className = "notice error";
      status.setAttribute("role", "alert");
      status.replaceChildren(message);
    }
  };
}
