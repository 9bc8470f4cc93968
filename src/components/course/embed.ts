/**
 * Embed support: a page shown inside an iframe reports its content height to
 * the parent frame whenever it changes, both as the plain `{height}` message
 * and as Canvas's `{subject: "lti.frameResize", height}`. Messages go to
 * `window.parent` only, and only when there is a parent.
 */

export function postHeight(height: number, target: Window | null = typeof window === "undefined" ? null : window.parent): void {
  if (!target || target === window) return;
  const h = Math.ceil(height);
  target.postMessage({height: h}, "*");
  target.postMessage({subject: "lti.frameResize", height: h}, "*");
}

/** Observes the element's height and posts it on every change; returns a function that stops. */
export function reportHeight(element: HTMLElement = document.documentElement): () => void {
  let last = -1;
  const send = () => {
    const height = Math.max(element.scrollHeight, element.getBoundingClientRect().height);
    if (Math.abs(height - last) < 1) return;
    last = height;
    postHeight(height);
  };
  const observer = new ResizeObserver(send);
  observer.observe(element);
  if (element !== document.body && document.body) observer.observe(document.body);
  send();
  return () => observer.disconnect();
}
