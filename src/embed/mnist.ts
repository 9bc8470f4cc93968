// The widget "MNIST in your browser: train the lecture's network" as a module to import: createMnistTrainerWidget.
export * from "../components/widgets/mnist-trainer.js";
