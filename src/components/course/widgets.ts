/**
 * The embeddable widgets: id → title, the page it belongs to, and a lazy loader
 * for its create function. Embed pages and the instructors' page read this.
 */
export interface WidgetOptions {
  search?: string;
  syncUrl?: boolean;
  signal?: AbortSignal;
}

export interface WidgetEntry {
  title: string;
  /** The course page the widget appears on. */
  page: string;
  /** Name of the create function exported by the module /embed/<id>.js. */
  exportName: string;
  load: () => Promise<(options?: WidgetOptions) => HTMLElement>;
}

export const WIDGETS: Record<string, WidgetEntry> = {
  demo: {title: "Demo", page: "/", exportName: "createDemoWidget", load: () => import("../widgets/_demo.js").then((m) => m.createDemoWidget)}
};
