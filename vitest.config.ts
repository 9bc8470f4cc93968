import {defineConfig} from "vitest/config";

export default defineConfig({
  resolve: {
    // Components import Plot the way Framework pages do; in Node it comes from node_modules.
    alias: [{find: /^npm:katex$/, replacement: "katex"}, {find: /^npm:@observablehq\/inputs$/, replacement: "@observablehq/inputs"}, {find: /^npm:@observablehq\/plot$/, replacement: "@observablehq/plot"}]
  },
  test: {
    projects: [
      {
        extends: true,
        test: {name: "unit", include: ["test/unit/**/*.test.ts"], testTimeout: 60_000, hookTimeout: 120_000}
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // One Chromium at a time: the machines have two cores.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 60_000
        }
      }
    ]
  }
});
