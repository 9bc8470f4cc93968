/** Site configuration: the course's pages, self-hosted assets only, no third-party requests. */
import {EMBEDS} from "./src/components/course/registry.js";

export const pages = [
  {name: "Perceptron and logic gates", path: "/perceptron"},
  {name: "XOR and the multi-layer perceptron", path: "/xor-mlp"},
  {name: "Gradient descent", path: "/gradient-descent"},
  {name: "Backpropagation", path: "/backpropagation"},
  {name: "Activation functions", path: "/activations"},
  {name: "Playground", path: "/playground"},
  {name: "MNIST in your browser", path: "/mnist"},
  {name: "For instructors", path: "/instructors"}
];

/** Widgets available as embed pages (/embed/<id>) and as modules (/embed/<id>.js). */
export const embeds = EMBEDS.map((w) => w.id);

/**
 * LMS packages are built with links that keep their .html extension, so the
 * site works when an LMS serves it as plain files (scripts/package-lms.ts).
 */
const lms = process.env.SITE_VARIANT === "lms";

export default {
  title: "Perceptron to MNIST",
  root: "src",
  output: lms ? "lms/site" : "dist",
  preserveExtension: lms,
  preserveIndex: lms,
  pages,
  style: "style.css",
  // No stylesheet from a third-party host (Framework's default would fetch web fonts).
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">',
  footer: "Perceptron to MNIST — an interactive introduction to deep learning. Works offline; no tracking, no cookies.",
  search: false,
  toc: true,
  pager: true,
  dynamicPaths: [...embeds.map((id) => `/embed/${id}`), ...embeds.map((id) => `/embed/${id}.js`)],
  interpreters: {".ts": ["node", "--import", "tsx"]}
};
