/**
 * Generated code to take home: a script in a <pre><code> block with Copy and
 * Download buttons, and extra files (the playground's CSV) to download beside
 * it. The page passes new files whenever the settings change (`update`), so
 * one element stays on the page and its status line and buttons stay put.
 */
import {button, element, statusLine} from "../course/dom.js";
import type {Messages} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";

export const messages = {
  copy: "Copy the code",
  download: "Download {name}",
  copied: "Copied {name} to the clipboard.",
  selected: "The clipboard is not available here: the code is selected, press Ctrl+C (⌘C on a Mac) to copy it.",
  codeLabel: "{name}, generated from your settings",
  failed: "No code for these settings: {reason}"
} satisfies Messages;

export interface CodeFile {
  name: string;
  text: string;
  /** MIME type of the download; Python source by default. */
  type?: string;
}

export interface CodeBundle {
  /** The file shown in the code block. */
  main: CodeFile;
  /** Further files offered for download only. */
  extra?: CodeFile[];
}

export interface PytorchCodeValue {
  name: string;
  /** The code shown. */
  code: string;
  /** Files offered for download, by name. */
  files: string[];
}

export type PytorchCodeElement = WidgetElement<PytorchCodeValue> & {
  /** Shows new files, or a message saying why there are none (the generator refused the settings). */
  update(bundle: CodeBundle | {error: string}): void;
};

export function createPytorchCodeWidget(bundle: CodeBundle, options: WidgetOptions = {}): PytorchCodeElement {
  const w = createWidget({id: "pytorch-code", className: "pytorch-code", schema: {}, messages, value: {name: bundle.main.name, code: "", files: []} as PytorchCodeValue}, options);
  const {t} = w;
  const root = w.root as PytorchCodeElement;
  const code = element("code", "language-python");
  const pre = element("pre", "pytorch-script", code);
  // Focusable, so a keyboard user can scroll a long script and select it.
  pre.tabIndex = 0;
  const status = statusLine("pytorch-status");
  const downloads = element("div", "buttons");
  const error = element("p", "notice error");
  error.hidden = true;
  let current = bundle;
  const urls: string[] = [];

  const copy = button(t("copy"), () => void copyCode());
  const actions = element("div", "buttons", copy, downloads);

  async function copyCode(): Promise<void> {
    const text = current.main.text;
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = t("copied", {name: current.main.name});
    } catch {
      // No clipboard (an insecure origin, a refused permission, an old browser): select the code for Ctrl+C.
      const range = document.createRange();
      range.selectNodeContents(code);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      pre.focus();
      status.textContent = t("selected");
    }
  }

  function downloadLink(file: CodeFile): HTMLAnchorElement {
    const url = URL.createObjectURL(new Blob([file.text], {type: file.type ?? "text/x-python"}));
    urls.push(url);
    const a = element("a", "download", t("download", {name: file.name}));
    a.href = url;
    a.download = file.name;
    return a;
  }

  function revoke(): void {
    for (const url of urls.splice(0)) URL.revokeObjectURL(url);
  }

  root.update = (next) => {
    revoke();
    status.textContent = "";
    if ("error" in next) {
      error.hidden = false;
      error.textContent = t("failed", {reason: next.error});
      pre.hidden = actions.hidden = true;
      w.publish({name: current.main.name, code: "", files: []});
      return;
    }
    current = next;
    error.hidden = true;
    pre.hidden = actions.hidden = false;
    code.textContent = next.main.text;
    pre.setAttribute("aria-label", t("codeLabel", {name: next.main.name}));
    const files = [next.main, ...(next.extra ?? [])];
    downloads.replaceChildren(...files.map(downloadLink));
    w.publish({name: next.main.name, code: next.main.text, files: files.map((f) => f.name)});
  };
  w.signal.addEventListener("abort", revoke);

  root.append(error, actions, status, pre);
  root.update(bundle);
  return root;
}
