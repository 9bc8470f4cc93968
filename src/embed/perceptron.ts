// The widget "Perceptron: weights by hand and the decision boundary" as a module to import: createPerceptronExplorerWidget.
export * from "../components/widgets/perceptron-explorer.js";
