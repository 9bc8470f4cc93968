// The widget "Playground" as a module to import: createPlaygroundWidget.
export * from "../components/widgets/playground.js";
