/**
 * The learner's progress on the home page: a tick on each course-map card
 * whose page's exercises are all done (read from the progress store, this
 * browser only), a line saying how many are done, and one control that clears
 * them. The map stays the page's own markup; this widget only marks its cards.
 */
import {button, element, statusLine} from "../course/dom.js";
import {COURSE_PAGES, type CoursePage} from "../course/exercises/types.js";
import {EXERCISES, exercisesOn} from "../course/exercises/index.js";
import {createProgressStore, type ProgressStore} from "../course/progress-store.js";
import type {Messages} from "../course/strings.js";
import {createWidget, type WidgetElement, type WidgetOptions} from "../course/widget.js";

export const messages = {
  tick: "✓ exercises done",
  summary: "Exercises done in this browser: {done} of {total}.",
  memory: "This browser does not let the site keep them (private mode or blocked storage): they last only while this page is open.",
  local: "They are kept in this browser only; nothing leaves your machine.",
  clear: "Clear my progress",
  cleared: "Progress cleared."
} satisfies Messages;

export interface CourseProgressValue {
  /** Ids of the exercises done. */
  done: string[];
  /** Pages whose exercises are all done. */
  pages: CoursePage[];
}

export interface CourseProgressOptions extends WidgetOptions {
  store?: ProgressStore;
}

/** The course page a map card links to ("./perceptron" → "perceptron"), if it is one. */
function cardPage(card: HTMLAnchorElement): CoursePage | null {
  const name = (card.getAttribute("href") ?? "").replace(/^\.\//, "").replace(/\.html$/, "").replace(/[?#].*$/, "");
  return (COURSE_PAGES as readonly string[]).includes(name) ? (name as CoursePage) : null;
}

export function createCourseProgressWidget(map: Element | null, options: CourseProgressOptions = {}): WidgetElement<CourseProgressValue> {
  const store = options.store ?? createProgressStore();
  const w = createWidget({id: "course-progress", className: "course-progress", schema: {}, messages, value: {done: [], pages: []} as CourseProgressValue}, options);
  const {t, root} = w;
  const summary = element("p", "progress-summary");
  const status = statusLine("progress-status");

  function render(): void {
    const done = store.done();
    const pages: CoursePage[] = [];
    for (const card of map?.querySelectorAll<HTMLAnchorElement>("a.card") ?? []) {
      card.querySelector(".progress-tick")?.remove();
      const page = cardPage(card);
      const exercises = page ? exercisesOn(page) : [];
      const complete = page !== null && exercises.length > 0 && exercises.every((e) => done.includes(e.id));
      card.classList.toggle("done", complete);
      if (!complete) continue;
      pages.push(page);
      const tick = element("span", "progress-tick", t("tick"));
      card.querySelector(".step")?.after(" ", tick);
    }
    const counted = EXERCISES.filter((e) => done.includes(e.id)).length;
    summary.textContent = `${t("summary", {done: counted, total: EXERCISES.length})} ${store.persistent ? t("local") : t("memory")}`;
    w.publish({done, pages});
  }

  const clear = button(t("clear"), () => {
    store.clear();
    render();
    status.textContent = t("cleared");
  });
  root.append(summary, element("div", "buttons", clear), status);
  render();
  return root;
}
