/**
 * Generated code to take home: a script in a <pre><code> block with Copy and
 * Download buttons, and extra files (the playground's CSV) to download beside
 * it. The page passes new files whenever the settings change (`update`), so
 * one element stays on the page and its status line and buttons stay put.
 */
import {button, element, statusLine} from "../course/dom.js";
import {followWidget} from "../course/follow.js";
import {mnistScript} from "../course/pytorch-mnist.js";
import {PLAYGROUND_CSV, playgroundCsv, playgroundScript, type PlaygroundExperiment} from "../course/pytorch-playground.js";
import type {Messages} from "../course/strings.js";
import {parseState, whenRested} from "../course/url-state.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";
import {MNIST_SCHEMA, recipeOf, type MnistSettings} from "../mnist/recipe-params.js";
import {LECTURE_RECIPE} from "../mnist/recipe.js";
import {parseConfig, playgroundSchema, type PlaygroundConfig} from "../playground/config.js";
import {experimentOf} from "../playground/experiment.js";

export const messages = {
  copy: "Copy the code",
  download: "Download {name}",
  copied: "Copied {name} to the clipboard.",
  selected: "The clipboard is not available here: the code is selected, press Ctrl+C (⌘C on a Mac) to copy it.",
  codeLabel: "{name}, generated from your settings",
  failed: "No code for these settings: {reason}",
  noTraining: "the experiment has no training points",
  custom: "Your own points are not in the link: add or load them in the playground above and the export follows."
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
  /** Teardown of the widget (its page cell's invalidation or the given signal). */
  readonly signal: AbortSignal;
  /** The widget's messages. */
  readonly t: (key: keyof typeof messages & string, params?: Record<string, string | number>) => string;
  /** Shows new files, or a message saying why there are none (the generator refused the settings). */
  update(bundle: CodeBundle | {error: string}): void;
};

/** A message around a file name, the name set as code: it is the file's name in every language, not a word of the text. */
function withName(message: (name: string) => string, name: string): (Node | string)[] {
  const [before, after = ""] = message("\u0001").split("\u0001");
  return [before, element("code", "", name), after];
}

export function createPytorchCodeWidget(bundle: CodeBundle, options: WidgetOptions = {}): PytorchCodeElement {
  const w = createWidget({id: "pytorch-code", className: "pytorch-code", schema: {}, messages, value: {name: bundle.main.name, code: "", files: []} as PytorchCodeValue}, options);
  const {t} = w;
  const root = Object.assign(w.root, {signal: w.signal, t}) as PytorchCodeElement;
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
      status.replaceChildren(...withName((name) => t("copied", {name}), current.main.name));
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
    const a = element("a", "download", ...withName((name) => t("download", {name}), file.name));
    a.href = url;
    a.download = file.name;
    return a;
  }

  const revoke = (list: string[]): void => list.forEach((url) => URL.revokeObjectURL(url));
  // The files just replaced keep their addresses until the next update: a download (or fetch) begun on a link a moment before it was replaced still finds its file.
  let replaced: string[] = [];
  function retire(): void {
    revoke(replaced);
    replaced = urls.splice(0);
  }

  // What the panel shows now ("" while it shows an error): the trainers publish many values with the same settings, and the links are rebuilt only when the files change.
  let shown = "";
  root.update = (next) => {
    const files = "error" in next ? [] : [next.main, ...(next.extra ?? [])];
    const key = files.length ? JSON.stringify(files) : "";
    if (key && key === shown) return;
    shown = key;
    retire();
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
    downloads.replaceChildren(...files.map(downloadLink));
    w.publish({name: next.main.name, code: next.main.text, files: files.map((f) => f.name)});
  };
  w.signal.addEventListener("abort", () => revoke([...replaced, ...urls]));

  root.append(error, actions, status, pre);
  root.update(bundle);
  return root;
}

/** The MNIST script's file name (the lecture's program). */
export const MNIST_SCRIPT = "mnist_mlp.py";
export const PLAYGROUND_SCRIPT = "playground.py";
/** Epochs the playground script trains for when the playground has not trained yet. */
export const DEFAULT_PLAYGROUND_EPOCHS = 100;

const hasKeys = (value: unknown, keys: readonly string[]): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && keys.every((k) => k in value);

const MNIST_KEYS = Object.keys(MNIST_SCHEMA);
const PLAYGROUND_KEYS = Object.keys(playgroundSchema);

/** The MNIST page's recipe as the lecture's program, following the trainer (its `.value`, else its URL settings). */
export function createMnistCodeWidget(options: WidgetOptions = {}): PytorchCodeElement {
  const bundle = (settings: MnistSettings): CodeBundle => ({main: {name: MNIST_SCRIPT, text: mnistScript(recipeOf(settings))}});
  const view = createPytorchCodeWidget({main: {name: MNIST_SCRIPT, text: mnistScript({...LECTURE_RECIPE, hidden: LECTURE_RECIPE.hidden.slice()})}}, options);
  followWidget<MnistSettings>({
    selector: ".widget.mnist-trainer",
    fromValue: (v) => (hasKeys(v, MNIST_KEYS) ? (v as MnistSettings) : null),
    fromUrl: (search) => parseState(MNIST_SCHEMA, search).values,
    use: (settings) => view.update(bundle(settings)),
    signal: view.signal
  });
  return view;
}

/** What the export needs of the playground: its settings, epochs trained, and its points (absent before it has published). */
interface LivePlayground {
  config: PlaygroundConfig;
  epoch: number;
  data?: PlaygroundExperiment["data"];
}

/** The playground's current experiment (settings, its points — generated or the learner's own —, epochs trained) as a script and its CSV. */
export function createPlaygroundCodeWidget(options: WidgetOptions = {}): PytorchCodeElement {
  const empty = {main: {name: PLAYGROUND_SCRIPT, text: ""}};
  const view = createPytorchCodeWidget(empty, options);
  const update = whenRested((live: LivePlayground) => {
    const experiment = experimentOf(live.config, live.epoch > 0 ? live.epoch : DEFAULT_PLAYGROUND_EPOCHS, live.data);
    if (!experiment) return view.update({error: view.t("custom")});
    // The generator's own refusal, said in the page's language.
    if (experiment.data.train.length === 0) return view.update({error: view.t("noTraining")});
    let bundle: CodeBundle;
    try {
      bundle = {
        main: {name: PLAYGROUND_SCRIPT, text: playgroundScript(experiment)},
        extra: [{name: PLAYGROUND_CSV, text: playgroundCsv(experiment.architecture.features, experiment.data), type: "text/csv"}]
      };
    } catch (error) {
      // The generator refuses an experiment it cannot write (no training points, a non-finite setting).
      return view.update({error: (error as Error).message});
    }
    view.update(bundle);
  }, view.signal);
  followWidget<LivePlayground>({
    selector: ".widget.playground",
    fromValue: (v) => (hasKeys(v, PLAYGROUND_KEYS) ? {config: v as PlaygroundConfig, epoch: Number(v.epoch) || 0, data: v.data as LivePlayground["data"]} : null),
    fromUrl: (search) => ({config: parseConfig(search).config, epoch: 0}),
    use: update,
    signal: view.signal
  });
  return view;
}
