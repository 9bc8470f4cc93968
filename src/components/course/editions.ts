/**
 * The site's two language editions as data: English at /, Korean at /ko/.
 * Framework 1.13 has one sidebar, title and footer per build, so the site is
 * built once per edition (the config reads the edition from SITE_LANG) and the
 * builds are merged (scripts/build.ts). The config, the post-build step, the
 * LMS packager and the tests all read this module, so a page or a label is
 * named in one place. Pure data and path arithmetic: no DOM.
 */
import type {Lang} from "./strings.js";

export interface Edition {
  lang: Lang;
  /** Path prefix of the edition's pages: "" for English, "/ko" for Korean. */
  prefix: string;
  title: string;
  footer: string;
  /** Framework's table-of-contents heading. */
  tocLabel: string;
  /** Title and accessible label of the sidebar toggle (Framework writes them in English). */
  sidebarToggle: string;
  /** The language's own name, as the switch on the other edition shows it. */
  name: string;
  /** Accessible label of the switch that leads to this edition; it starts with the visible name, so speech input and axe find it there. */
  switchLabel: string;
  /** The home page's sentence, in this edition's language, that the other edition exists (its name follows as a link). */
  otherEdition: string;
  /** Accessible label of the language switch's landmark. */
  switchRegion: string;
  /** Title of Framework's copy button on code blocks. */
  copyCode: string;
}

export const EDITIONS: Record<Lang, Edition> = {
  en: {
    lang: "en",
    prefix: "",
    title: "Perceptron to MNIST",
    footer: "Perceptron to MNIST — an interactive introduction to deep learning. Works offline; no tracking, no cookies.",
    tocLabel: "Contents",
    sidebarToggle: "Toggle sidebar",
    name: "English",
    switchLabel: "English: this page in English",
    otherEdition: "This course also exists in Korean, the language of the lecture it follows:",
    switchRegion: "Language",
    copyCode: "Copy code"
  },
  ko: {
    lang: "ko",
    prefix: "/ko",
    title: "퍼셉트론에서 MNIST까지",
    footer: "퍼셉트론에서 MNIST까지 — 직접 움직여 보는 딥러닝 입문. 오프라인에서도 동작하며 추적도 쿠키도 없습니다.",
    tocLabel: "목차",
    sidebarToggle: "사이드바 열기/닫기",
    name: "한국어",
    switchLabel: "한국어: 이 페이지의 한국어판",
    otherEdition: "이 강좌는 영어로도 읽을 수 있습니다:",
    switchRegion: "언어",
    copyCode: "코드 복사"
  }
};

/** The course pages in sidebar order: the English path and the page's name in each edition. */
export const COURSE_PAGES: readonly {path: string; names: Record<Lang, string>}[] = [
  {path: "/perceptron", names: {en: "Perceptron and logic gates", ko: "퍼셉트론과 논리 게이트"}},
  {path: "/xor-mlp", names: {en: "XOR and the multi-layer perceptron", ko: "XOR과 다층 퍼셉트론"}},
  {path: "/gradient-descent", names: {en: "Gradient descent", ko: "경사 하강법"}},
  {path: "/backpropagation", names: {en: "Backpropagation", ko: "역전파"}},
  {path: "/activations", names: {en: "Activation functions", ko: "활성화 함수"}},
  {path: "/playground", names: {en: "Playground", ko: "플레이그라운드"}},
  {path: "/mnist", names: {en: "MNIST in your browser", ko: "브라우저에서 MNIST 학습하기"}},
  {path: "/instructors", names: {en: "For instructors", ko: "교수자를 위한 안내"}}
];

/** An edition's sidebar, as Framework's `pages` option. */
export function sidebarPages(lang: Lang): {name: string; path: string}[] {
  return COURSE_PAGES.map((p) => ({name: p.names[lang], path: EDITIONS[lang].prefix + p.path}));
}

/** The edition a site path belongs to ("/ko", "/ko/…" are Korean; everything else English). */
export function langOfPath(path: string): Lang {
  return path === "/ko" || path.startsWith("/ko/") ? "ko" : "en";
}

/** The same page in the other edition: /perceptron ⇄ /ko/perceptron, / ⇄ /ko/. */
export function twinPath(path: string): string {
  if (langOfPath(path) === "ko") return path.slice(EDITIONS.ko.prefix.length) || "/";
  return EDITIONS.ko.prefix + path;
}

/** The other edition's language. */
export function otherLang(lang: Lang): Lang {
  return lang === "ko" ? "en" : "ko";
}
