/** Site configuration: the course's pages, self-hosted assets only, no third-party requests. */
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

export default {
  title: "Perceptron to MNIST",
  root: "src",
  pages,
  style: "style.css",
  // No stylesheet from a third-party host (Framework's default would fetch web fonts).
  globalStylesheets: [],
  head: '<link rel="icon" href="data:,">',
  footer: "Perceptron to MNIST — an interactive introduction to deep learning. Works offline; no tracking, no cookies.",
  search: false,
  toc: true,
  pager: true,
  cleanUrls: true,
  interpreters: {".ts": ["node", "--import", "tsx"]}
};
