/**
 * Every widget of the course as data: its id (also the namespace of its
 * messages), title, page, module, create function and URL keys. The site
 * config, the embed pages, the instructors' page and the tests read this list;
 * it imports no widget, so no module depends on the widgets through it.
 */
import {translator, type Lang, type Messages} from "./strings.js";

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

/** The widgets' titles in English: the source of the "widget-titles" namespace, which the strings hook translates. */
export const widgetTitles = {
  perceptron: "Perceptron: weights by hand and the decision boundary",
  "perceptron-blanks": "Fill in the blanks: a gate's weights",
  "perceptron-learner": "A perceptron learns a gate",
  "xor-composition": "XOR = AND(NAND, OR)",
  "hidden-space": "The hidden layer's view of XOR",
  "xor-trainer": "Train an MLP on XOR",
  "gradient-descent": "Gradient descent on a curve",
  "gd-quiz": "The lecture's exercise: two updates on y = x²",
  "gd-2d": "Gradient descent, momentum and Adam in two dimensions",
  backprop: "Backpropagation, step by step",
  "sigmoid-derivative": "The sigmoid's derivative",
  activations: "Activation functions and their derivatives",
  "vanishing-gradients": "Vanishing gradients, measured",
  "relu-timing": "How fast is each activation?",
  playground: "Playground",
  mnist: "MNIST in your browser: train the lecture's network",
  "seed-spread": "One recipe, several seeds: how much of a run's result is chance",
  exercise: "A checked exercise (any of the catalogue, by id)",
  "course-progress": "Your progress on the course map",
  "pytorch-code": "Your settings as PyTorch code",
  "embed-builder": "Embed-snippet builder"
} satisfies Messages;

export const WIDGET_REGISTRY: readonly WidgetInfo[] = [
  {id: "perceptron", title: widgetTitles.perceptron, page: "/perceptron", module: "perceptron-explorer", exportName: "createPerceptronExplorerWidget", urlKeys: ["w1", "w2", "b", "gate", "act"], embed: true},
  {id: "perceptron-blanks", title: widgetTitles["perceptron-blanks"], page: "/perceptron", module: "perceptron-blanks", exportName: "createPerceptronBlanksWidget", urlKeys: ["fgate"], embed: false},
  {id: "perceptron-learner", title: widgetTitles["perceptron-learner"], page: "/perceptron", module: "perceptron-learner", exportName: "createPerceptronLearnerWidget", urlKeys: ["rule", "lr", "lgate", "seed"], embed: false},
  {id: "xor-composition", title: widgetTitles["xor-composition"], page: "/xor-mlp", module: "xor-composition", exportName: "createXorCompositionWidget", urlKeys: ["input"], embed: false},
  {id: "hidden-space", title: widgetTitles["hidden-space"], page: "/xor-mlp", module: "hidden-space", exportName: "createHiddenSpaceWidget", urlKeys: ["units", "beta", "nand1", "nand2", "nandb", "or1", "or2", "orb"], embed: false},
  {id: "xor-trainer", title: widgetTitles["xor-trainer"], page: "/xor-mlp", module: "xor-trainer", exportName: "createXorTrainerWidget", urlKeys: ["h", "act", "lr", "seed", "loss", "speed", "show"], embed: true},
  {id: "gradient-descent", title: widgetTitles["gradient-descent"], page: "/gradient-descent", module: "gd-1d", exportName: "createGd1dWidget", urlKeys: ["fn", "a", "x0", "lr", "n"], embed: true},
  {id: "gd-quiz", title: widgetTitles["gd-quiz"], page: "/gradient-descent", module: "gd-quiz", exportName: "createGdQuizWidget", urlKeys: [], embed: false},
  {id: "gd-2d", title: widgetTitles["gd-2d"], page: "/gradient-descent", module: "gd-2d", exportName: "createGd2dWidget", urlKeys: ["surface", "sx", "sy", "eta", "etam", "etaa", "mu"], embed: false},
  {id: "backprop", title: widgetTitles.backprop, page: "/backpropagation", module: "backprop-stepper", exportName: "createBackpropStepperWidget", urlKeys: ["v11", "v21", "v12", "v22", "b1", "b2", "w1", "w2", "c", "x1", "x2", "t", "eta", "step"], embed: true},
  {id: "sigmoid-derivative", title: widgetTitles["sigmoid-derivative"], page: "/backpropagation", module: "sigmoid-derivative", exportName: "createSigmoidDerivativeWidget", urlKeys: ["beta", "s"], embed: false},
  {id: "activations", title: widgetTitles.activations, page: "/activations", module: "activation-plot", exportName: "createActivationPlotWidget", urlKeys: ["acts", "beta", "alpha", "ealpha", "mw1", "mb1", "mw2", "mb2"], embed: true},
  {id: "vanishing-gradients", title: widgetTitles["vanishing-gradients"], page: "/activations", module: "vanishing-gradients", exportName: "createVanishingGradientsWidget", urlKeys: ["depth", "width", "vact", "init"], embed: true},
  {id: "relu-timing", title: widgetTitles["relu-timing"], page: "/activations", module: "relu-timing", exportName: "createReluTimingWidget", urlKeys: [], embed: false},
  {id: "playground", title: widgetTitles.playground, page: "/playground", module: "playground", exportName: "createPlaygroundWidget", urlKeys: ["dataset", "classes", "noise", "train", "points", "seed", "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2", "layers", "activation", "loss", "reg", "rate", "lr", "batch", "optimizer", "discretize", "showTest"], embed: true},
  {id: "mnist", title: widgetTitles.mnist, page: "/mnist", module: "mnist-trainer", exportName: "createMnistTrainerWidget", urlKeys: ["hidden", "activation", "optimizer", "lr", "batch", "epochs", "backend"], embed: true},
  {id: "seed-spread", title: widgetTitles["seed-spread"], page: "/mnist", module: "seed-spread", exportName: "createSeedSpreadWidget", urlKeys: [], embed: false},
  {id: "exercise", title: widgetTitles.exercise, page: "/", module: "exercise", exportName: "createExerciseWidget", urlKeys: [], embed: false},
  {id: "course-progress", title: widgetTitles["course-progress"], page: "/", module: "course-progress", exportName: "createCourseProgressWidget", urlKeys: [], embed: false},
  {id: "pytorch-code", title: widgetTitles["pytorch-code"], page: "/mnist", module: "pytorch-code", exportName: "createMnistCodeWidget", urlKeys: [], embed: false},
  {id: "embed-builder", title: widgetTitles["embed-builder"], page: "/instructors", module: "embed-builder", exportName: "createEmbedBuilderWidget", urlKeys: [], embed: false}
];

/** The widgets that have embed pages and modules, in course order. */
export const EMBEDS: readonly WidgetInfo[] = WIDGET_REGISTRY.filter((w) => w.embed);

export function widgetInfo(id: string): WidgetInfo | undefined {
  return WIDGET_REGISTRY.find((w) => w.id === id);
}

/** A widget's title in a language (the page's by default), through the strings hook. */
export function widgetTitle(id: string, lang?: Lang): string {
  return translator("widget-titles", widgetTitles, lang)(id as keyof typeof widgetTitles);
}
