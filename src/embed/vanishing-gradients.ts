// The widget "Vanishing gradients, measured" as a module to import: createVanishingGradientsWidget.
export * from "../components/widgets/vanishing-gradients.js";
