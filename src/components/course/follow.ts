/**
 * Follows a widget elsewhere on the page without holding its element: the
 * kernel's `input` events bubble to the document, so a later cell (or a host
 * page) hears every change of the widget's `.value` whatever the order the
 * cells ran in. A widget that does not publish a value of the expected shape
 * still writes its settings to the page's URL; then those are read instead,
 * once the URL writer's throttle has passed.
 */

/** A little more than the URL writer's throttle interval (url-state.ts). */
const AFTER_URL_WRITE_MS = 250;

export interface FollowSpec<S> {
  /** Selector of the widget's root element, e.g. ".widget.playground". */
  selector: string;
  /** The settings in the widget's `.value`, or null when it has none of that shape. */
  fromValue(value: unknown): S | null;
  /** The settings in a query string. */
  fromUrl(search: string): S;
  /** Called with the settings now and after every change. */
  use(settings: S): void;
  signal: AbortSignal;
}

export function followWidget<S>(spec: FollowSpec<S>): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const fromUrl = () => spec.use(spec.fromUrl(location.search));
  const current = (root: Element | null) => (root ? spec.fromValue((root as Element & {value?: unknown}).value) : null);
  const initial = current(document.querySelector(spec.selector));
  if (initial) spec.use(initial);
  else fromUrl();
  document.addEventListener(
    "input",
    (event) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const root = target.closest(spec.selector);
      if (!root) return;
      const settings = root === target ? current(root) : null;
      clearTimeout(timer);
      if (settings) spec.use(settings);
      // An inner control changed and the root published nothing we read: its URL will say.
      else if (!current(root)) timer = setTimeout(fromUrl, AFTER_URL_WRITE_MS);
    },
    {signal: spec.signal}
  );
  spec.signal.addEventListener("abort", () => clearTimeout(timer));
}
