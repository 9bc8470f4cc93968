/**
 * The widget kernel. A widget is a plain element that works without the
 * Observable runtime (embed pages, /embed/<id>.js modules) and is also an
 * Observable input: `.value` holds its settings and current results as a plain
 * object, and a bubbling `input` event fires whenever that changes, so
 * `view(createXWidget())` works in a page and `addEventListener("input", …)` in
 * a host page. The kernel gives every widget the same URL state, play loop,
 * teardown, width tracking and strings hook.
 */
import {button, element} from "./dom.js";
import {translator, pageLang, type Lang, type Messages, type Translate} from "./strings.js";
import {urlState, type Schema, type State} from "./url-state.js";

export interface WidgetOptions {
  /** Query string the settings are read from; the page's own by default. */
  search?: string;
  /** Write setting changes back to the page's URL (default true); false for widgets in a host page. */
  syncUrl?: boolean;
  /** Teardown: the widget stops its loops and timers when this aborts. */
  signal?: AbortSignal;
  /** Framework's `invalidation` promise, as an alternative to `signal`. */
  invalidation?: Promise<unknown>;
  /** Prefix for this widget's URL keys, e.g. "a." when a page shows the same widget twice. */
  namespace?: string;
  /** Language of the widget's texts; the page's `<html lang>` by default. */
  lang?: Lang;
}

export type WidgetElement<V> = HTMLElement & {value: V};

export const kernelMessages = {
  play: "Play",
  pause: "Pause",
  step: "Step",
  reset: "Reset"
} satisfies Messages;

export interface Widget<S extends Schema, M extends Messages, V> {
  readonly root: WidgetElement<V>;
  /** Aborts when the widget is torn down. */
  readonly signal: AbortSignal;
  readonly lang: Lang;
  /** The widget's own messages in the widget's language. */
  readonly t: Translate<M>;
  /** Settings from the URL (clamped and defaulted). */
  readonly initial: State<S>;
  /** A notice saying which URL settings were adjusted (empty when none). */
  readonly notice: HTMLElement;
  /** Writes settings to the URL once the controls rest (see whenRested; nothing when syncUrl is false or after teardown). */
  write(values: Partial<State<S>>): void;
  /** Sets `.value` and fires a bubbling `input` event. */
  publish(value: V): void;
  /** The one play / pause / step loop. */
  loop(spec: LoopSpec): PlayLoop;
  /** Calls `draw(width)` now and whenever the element's content width changes. */
  observeWidth(target: HTMLElement, draw: (width: number) => void): void;
  /** `work` coalesced to once per animation frame, stopped on teardown (see frameTask). */
  frame(work: () => void): FrameTask;
  /** Work that trails the input, in idle time, stopped on teardown (see idleTask). */
  idle(work: (deadline: IdleDeadline) => boolean): FrameTask;
  /** Work for when the controls rest (formulas to typeset), in idle time, stopped on teardown (see settledTask). */
  settled(work: () => void): FrameTask;
}

export interface WidgetSpec<S extends Schema, M extends Messages, V> {
  /** Namespace of the widget's messages (its registry id). */
  id: string;
  className: string;
  schema: S;
  messages: M;
  value: V;
}

/**
 * Creates a widget's root element and its kernel. Inner controls' own `input`
 * events stop at the root: listeners see one event per change of `.value`.
 */
export function createWidget<S extends Schema, M extends Messages, V>(spec: WidgetSpec<S, M, V>, options: WidgetOptions = {}): Widget<S, M, V> {
  const controller = new AbortController();
  const signal = controller.signal;
  options.signal?.addEventListener("abort", () => controller.abort(), {once: true});
  if (options.signal?.aborted) controller.abort();
  options.invalidation?.then(() => controller.abort());

  const lang = options.lang ?? pageLang();
  const prefix = options.namespace ?? "";
  const state = urlState(prefixed(spec.schema, prefix), options.search, signal, lang);
  const initial = Object.fromEntries(Object.keys(spec.schema).map((k) => [k, (state.initial as Record<string, unknown>)[prefix + k]])) as State<S>;

  let value = spec.value;
  const root = element("div", `widget ${spec.className}`) as unknown as WidgetElement<V>;
  Object.defineProperty(root, "value", {get: () => value, enumerable: true});
  root.addEventListener("input", (event) => {
    if (event.target !== root) event.stopImmediatePropagation();
  });

  const kernelT = translator("widget", kernelMessages, lang);
  return {
    root,
    signal,
    lang,
    t: translator(spec.id, spec.messages, lang),
    initial,
    notice: state.notice(),
    write(values) {
      if (options.syncUrl === false) return;
      state.write(Object.fromEntries(Object.entries(values).map(([k, v]) => [prefix + k, v])) as Partial<State<S>>);
    },
    publish(next) {
      value = next;
      root.dispatchEvent(new Event("input", {bubbles: true}));
    },
    loop: (loopSpec) => playLoop(loopSpec, signal, kernelT),
    frame: (work) => frameTask(work, signal),
    idle: (work) => idleTask(work, signal),
    settled: (work) => settledTask(work, signal),
    observeWidth(target, draw) {
      let last = -1;
      const measure = () => {
        const width = Math.floor(target.clientWidth);
        if (width > 0 && width !== last) {
          last = width;
          draw(width);
        }
      };
      if (typeof ResizeObserver !== "undefined") {
        const observer = new ResizeObserver(measure);
        observer.observe(target);
        signal.addEventListener("abort", () => observer.disconnect());
      }
      // Before the element is in a document its width is 0: draw once at a default.
      if (target.clientWidth > 0) measure();
      else draw(DEFAULT_WIDTH);
    }
  };
}

export interface FrameTask {
  /** Asks for a run of the work; more requests before it runs add nothing. */
  request(): void;
  /** Runs the pending work now, to the end (for a caller that needs its result at once). */
  flush(): void;
}

/** When a coalesced task runs: `run` gets how much time it may take; returns a cancel function. */
type Scheduler = (run: (deadline: IdleDeadline) => void) => () => void;

const UNLIMITED: IdleDeadline = {didTimeout: true, timeRemaining: () => Infinity};
/** Longest idle work waits when the page is never idle (a drag that never stops). */
const IDLE_TIMEOUT_MS = 500;
/** Time per slice where the browser has no idle callbacks (Safari). */
const IDLE_FALLBACK_MS = 8;

const onFrame: Scheduler = (run) => {
  const id = requestAnimationFrame(() => run(UNLIMITED));
  return () => cancelAnimationFrame(id);
};

const onIdle: Scheduler = (run) => {
  if (typeof requestIdleCallback === "function") {
    const id = requestIdleCallback(run, {timeout: IDLE_TIMEOUT_MS});
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(() => {
    const start = performance.now();
    run({didTimeout: false, timeRemaining: () => Math.max(0, IDLE_FALLBACK_MS - (performance.now() - start))});
  }, 0);
  return () => clearTimeout(id);
};

/** One run of `work` per scheduled slot however often it is requested; work that returns true has more to do and is run again. */
function coalesced(work: (deadline: IdleDeadline) => boolean | void, schedule: Scheduler, signal?: AbortSignal): FrameTask {
  let cancel: (() => void) | null = null;
  signal?.addEventListener("abort", () => cancel?.());
  const task: FrameTask = {
    request() {
      if (!cancel && !signal?.aborted) cancel = schedule(run);
    },
    flush() {
      if (!cancel) return;
      cancel();
      cancel = null;
      while (work(UNLIMITED) === true);
    }
  };
  function run(deadline: IdleDeadline) {
    cancel = null;
    if (work(deadline) === true) task.request();
  }
  return task;
}

/**
 * Heavy drawing coalesced to once per animation frame: an input handler updates its
 * state and calls `request()`; however many inputs arrive before the frame, the work
 * runs once, with the latest state. Chromium dispatches a drag's input events at the
 * start of a frame, before its animation-frame callbacks, so the drawing still lands
 * in the frame that input paints. Nothing runs after `signal` aborts.
 */
export function frameTask(work: () => void, signal?: AbortSignal): FrameTask {
  return coalesced(work, onFrame, signal);
}

/**
 * Work that trails the input (a chart of many runs), in slices when the page is
 * idle, so it never delays a frame: `work` does what fits in `deadline` and returns
 * true while it has more to do. It runs at most IDLE_TIMEOUT_MS late.
 */
export function idleTask(work: (deadline: IdleDeadline) => boolean, signal?: AbortSignal): FrameTask {
  return coalesced(work, onIdle, signal);
}

/** How long (ms) the controls rest before settled work runs. */
const SETTLE_MS = 120;

/**
 * Work a drag need not show frame by frame (typesetting formulas with the current
 * numbers): it runs in idle time once no request has come for SETTLE_MS, so it
 * neither delays a drag's frames nor queues ahead of its input. Each `request()`
 * restarts the wait; `flush()` runs it now.
 */
export function settledTask(work: () => void, signal?: AbortSignal): FrameTask {
  let last = 0;
  let pending = false;
  const run = () => {
    pending = false;
    work();
  };
  const idle = idleTask(() => {
    if (!pending) return false;
    if (performance.now() - last < SETTLE_MS) return true;
    run();
    return false;
  }, signal);
  return {
    request() {
      last = performance.now();
      pending = true;
      idle.request();
    },
    flush() {
      if (pending && !signal?.aborted) run();
    }
  };
}

/** Width charts are drawn at before their element is laid out. */
const DEFAULT_WIDTH = 640;

function prefixed<S extends Schema>(schema: S, prefix: string): S {
  if (!prefix) return schema;
  return Object.fromEntries(Object.entries(schema).map(([k, spec]) => [prefix + k, spec])) as S;
}

export interface LoopSpec {
  /** One unit of work (an epoch, an update); returns false when there is nothing more to do. */
  step(): boolean;
  /** Redraws the widget; called while playing (at most every `drawEveryMs`) and when the loop stops. */
  draw(): void;
  /** Most steps per frame (a speed control); the frame budget bounds it too. */
  stepsPerFrame?: () => number;
  /** Milliseconds between single steps, for an animation that shows every step (instead of a frame budget). */
  intervalMs?: number;
  /** Milliseconds of work per animation frame, so the tab stays responsive. */
  budgetMs?: number;
  /** Shortest time between draws while playing. */
  drawEveryMs?: number;
  /** Called when the loop starts (true) or stops (false), e.g. to update a status line. */
  onToggle?(running: boolean): void;
  /** Button labels, if not the kernel's "Play" / "Pause". */
  labels?: {play: string; pause: string};
}

export interface PlayLoop {
  /** The play/pause toggle, with aria-pressed. */
  readonly button: HTMLButtonElement;
  readonly running: boolean;
  start(): void;
  pause(): void;
  /** Pauses, then runs one step and draws. */
  stepOnce(): void;
}

/** With reduced motion, playing redraws at most twice a second instead of animating every frame. */
const REDUCED_MOTION_DRAW_MS = 500;

function prefersReducedMotion(): boolean {
  return typeof matchMedia !== "undefined" && matchMedia("(prefers-reduced-motion: reduce)").matches;
}

function playLoop(spec: LoopSpec, signal: AbortSignal, t: Translate<typeof kernelMessages>): PlayLoop {
  const labels = spec.labels ?? {play: t("play"), pause: t("pause")};
  const budget = spec.budgetMs ?? 12;
  let running = false;
  let frame = 0;
  let lastStep = -Infinity;
  let lastDraw = -Infinity;

  const toggle = button(labels.play, () => (running ? loop.pause() : loop.start()), {"aria-pressed": "false"});

  function setRunning(on: boolean) {
    running = on;
    toggle.textContent = on ? labels.pause : labels.play;
    toggle.setAttribute("aria-pressed", String(on));
    spec.onToggle?.(on);
  }

  function tick(now: number) {
    if (!running) return;
    let more = true;
    if (spec.intervalMs !== undefined) {
      if (now - lastStep >= spec.intervalMs) {
        lastStep = now;
        more = spec.step();
      }
    } else {
      const begin = performance.now();
      const most = spec.stepsPerFrame?.() ?? Infinity;
      for (let k = 0; k < most && performance.now() - begin < budget; ++k) {
        if (!(more = spec.step())) break;
      }
    }
    const drawEvery = Math.max(spec.drawEveryMs ?? 0, prefersReducedMotion() ? REDUCED_MOTION_DRAW_MS : 0);
    if (!more) {
      loop.pause();
      return;
    }
    if (now - lastDraw >= drawEvery) {
      lastDraw = now;
      spec.draw();
    }
    frame = requestAnimationFrame(tick);
  }

  const loop: PlayLoop = {
    button: toggle,
    get running() {
      return running;
    },
    start() {
      if (running || signal.aborted) return;
      setRunning(true);
      lastStep = -Infinity;
      lastDraw = performance.now();
      frame = requestAnimationFrame(tick);
    },
    pause() {
      if (!running) return;
      cancelAnimationFrame(frame);
      setRunning(false);
      spec.draw();
    },
    stepOnce() {
      loop.pause();
      spec.step();
      spec.draw();
    }
  };
  signal.addEventListener("abort", () => {
    cancelAnimationFrame(frame);
    running = false;
  });
  return loop;
}

export interface LoopButtons {
  element: HTMLElement;
  step: HTMLButtonElement;
  reset: HTMLButtonElement;
}

/** The loop's buttons in one group: play/pause, step and reset (the kernel's labels unless given). */
export function loopButtons(loop: PlayLoop, reset: () => void, lang: Lang = pageLang(), labels: {step?: string; reset?: string} = {}): LoopButtons {
  const t = translator("widget", kernelMessages, lang);
  const step = button(labels.step ?? t("step"), () => loop.stepOnce());
  const resetButton = button(labels.reset ?? t("reset"), () => {
    loop.pause();
    reset();
  });
  return {element: element("div", "buttons", loop.button, step, resetButton), step, reset: resetButton};
}
