// The widget "Gradient descent on a curve" as a module to import: createGd1dWidget.
export * from "../components/widgets/gd-1d.js";
