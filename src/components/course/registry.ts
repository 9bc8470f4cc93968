/**
 * Every widget of the course as data: its id (also the namespace of its
 * messages), title, page, module, create function and URL keys. The site
 * config, the embed pages, the instructors' page and the tests read this list;
 * it imports nothing, so no module depends on the widgets through it.
 */
export interface WidgetInfo {
  id: string;
  title: string;
  /** The course page the widget appears on. */
  page: string;
  /** Its module under src/components/widgets/, without extension. */
  module: string;
  /** Name of the exported create function. */
  exportName: string;
  /** The URL parameters it reads and writes (before any namespace prefix). */
  urlKeys: readonly string[];
  /** Has an embed page /embed/<id> and a module /embed/<id>.js. */
  embed: boolean;
}

export const WIDGET_REGISTRY: readonly WidgetInfo[] = [
  {id: "perceptron", title: "Perceptron: weights by hand and the decision boundary", page: "/perceptron", module: "perceptron-explorer", exportName: "createPerceptronExplorerWidget", urlKeys: ["w1", "w2", "b", "gate", "act"], embed: true},
  {id: "perceptron-blanks", title: "Fill in the blanks: a gate's weights", page: "/perceptron", module: "perceptron-blanks", exportName: "createPerceptronBlanksWidget", urlKeys: ["fgate"], embed: false},
  {id: "perceptron-learner", title: "A perceptron learns a gate", page: "/perceptron", module: "perceptron-learner", exportName: "createPerceptronLearnerWidget", urlKeys: ["rule", "lr", "lgate", "seed"], embed: false},
  {id: "xor-composition", title: "XOR = AND(NAND, OR)", page: "/xor-mlp", module: "xor-composition", exportName: "createXorCompositionWidget", urlKeys: ["input"], embed: false},
  {id: "hidden-space", title: "The hidden layer's view of XOR", page: "/xor-mlp", module: "hidden-space", exportName: "createHiddenSpaceWidget", urlKeys: ["units", "beta", "nand1", "nand2", "nandb", "or1", "or2", "orb"], embed: false},
  {id: "xor-trainer", title: "Train an MLP on XOR", page: "/xor-mlp", module: "xor-trainer", exportName: "createXorTrainerWidget", urlKeys: ["h", "act", "lr", "seed", "loss", "speed", "show"], embed: true},
  {id: "gradient-descent", title: "Gradient descent on a curve", page: "/gradient-descent", module: "gd-1d", exportName: "createGd1dWidget", urlKeys: ["fn", "a", "x0", "lr", "n"], embed: true},
  {id: "gd-quiz", title: "The lecture's exercise: two updates on y = x²", page: "/gradient-descent", module: "gd-quiz", exportName: "createGdQuizWidget", urlKeys: [], embed: false},
  {id: "gd-2d", title: "Gradient descent, momentum and Adam in two dimensions", page: "/gradient-descent", module: "gd-2d", exportName: "createGd2dWidget", urlKeys: ["surface", "sx", "sy", "eta", "etam", "etaa", "mu"], embed: false},
  {id: "backprop", title: "Backpropagation, step by step", page: "/backpropagation", module: "backprop-stepper", exportName: "createBackpropStepperWidget", urlKeys: ["v11", "v21", "v12", "v22", "b1", "b2", "w1", "w2", "c", "x1", "x2", "t", "eta", "step"], embed: true},
  {id: "sigmoid-derivative", title: "The sigmoid's derivative", page: "/backpropagation", module: "sigmoid-derivative", exportName: "createSigmoidDerivativeWidget", urlKeys: ["beta", "s"], embed: false},
  {id: "activations", title: "Activation functions and their derivatives", page: "/activations", module: "activation-plot", exportName: "createActivationPlotWidget", urlKeys: ["acts", "beta", "alpha", "ealpha", "mw1", "mb1", "mw2", "mb2"], embed: true},
  {id: "vanishing-gradients", title: "Vanishing gradients, measured", page: "/activations", module: "vanishing-gradients", exportName: "createVanishingGradientsWidget", urlKeys: ["depth", "width", "vact", "init"], embed: true},
  {id: "relu-timing", title: "How fast is each activation?", page: "/activations", module: "relu-timing", exportName: "createReluTimingWidget", urlKeys: [], embed: false},
  {id: "playground", title: "Playground", page: "/playground", module: "playground", exportName: "createPlaygroundWidget", urlKeys: ["dataset", "classes", "noise", "train", "points", "seed", "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2", "layers", "activation", "loss", "reg", "rate", "lr", "batch", "optimizer", "discretize", "showTest"], embed: true},
  {id: "mnist", title: "MNIST in your browser: train the lecture's network", page: "/mnist", module: "mnist-trainer", exportName: "createMnistTrainerWidget", urlKeys: ["hidden", "activation", "optimizer", "lr", "batch", "epochs", "backend"], embed: true},
  {id: "exercise", title: "A checked exercise (any of the catalogue, by id)", page: "/", module: "exercise", exportName: "createExerciseWidget", urlKeys: [], embed: false},
  {id: "course-progress", title: "Your progress on the course map", page: "/", module: "course-progress", exportName: "createCourseProgressWidget", urlKeys: [], embed: false},
  {id: "pytorch-code", title: "Your settings as PyTorch code", page: "/mnist", module: "pytorch-code", exportName: "createMnistCodeWidget", urlKeys: [], embed: false},
  {id: "embed-builder", title: "Embed-snippet builder", page: "/instructors", module: "embed-builder", exportName: "createEmbedBuilderWidget", urlKeys: [], embed: false}
];

/** The widgets that have embed pages and modules, in course order. */
export const EMBEDS: readonly WidgetInfo[] = WIDGET_REGISTRY.filter((w) => w.embed);

export function widgetInfo(id: string): WidgetInfo | undefined {
  return WIDGET_REGISTRY.find((w) => w.id === id);
}
