// The widget "Train an MLP on XOR" as a module to import: createXorTrainerWidget.
export * from "../components/widgets/xor-trainer.js";
