// The widget "Activation functions and their derivatives" as a module to import: createActivationPlotWidget.
export * from "../components/widgets/activation-plot.js";
