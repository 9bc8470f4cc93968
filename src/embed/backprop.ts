// The widget "Backpropagation, step by step" as a module to import: createBackpropStepperWidget.
export * from "../components/widgets/backprop-stepper.js";
