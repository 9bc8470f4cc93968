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
  "perceptron": {title: "Perceptron: weights by hand and the decision boundary", page: "/perceptron", exportName: "createPerceptronExplorerWidget", load: () => import("../widgets/perceptron-explorer.js").then((m) => m.createPerceptronExplorerWidget)},
  "xor-trainer": {title: "Train an MLP on XOR", page: "/xor-mlp", exportName: "createXorTrainerWidget", load: () => import("../widgets/xor-trainer.js").then((m) => m.createXorTrainerWidget)},
  "backprop": {title: "Backpropagation, step by step", page: "/backpropagation", exportName: "createBackpropStepperWidget", load: () => import("../widgets/backprop-stepper.js").then((m) => m.createBackpropStepperWidget)},
  "gradient-descent": {title: "Gradient descent on a curve", page: "/gradient-descent", exportName: "createGd1dWidget", load: () => import("../widgets/gd-1d.js").then((m) => m.createGd1dWidget)},
  "activations": {title: "Activation functions and their derivatives", page: "/activations", exportName: "createActivationPlotWidget", load: () => import("../widgets/activation-plot.js").then((m) => m.createActivationPlotWidget)},
  "vanishing-gradients": {title: "Vanishing gradients, measured", page: "/activations", exportName: "createVanishingGradientsWidget", load: () => import("../widgets/vanishing-gradients.js").then((m) => m.createVanishingGradientsWidget)},
  "playground": {title: "Playground", page: "/playground", exportName: "createPlaygroundWidget", load: () => import("../widgets/playground.js").then((m) => m.createPlaygroundWidget)},
  "mnist": {title: "MNIST in your browser: train the lecture's network", page: "/mnist", exportName: "createMnistTrainerWidget", load: () => import("../widgets/mnist-trainer.js").then((m) => m.createMnistTrainerWidget)}
};
