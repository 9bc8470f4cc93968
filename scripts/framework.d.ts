// Types for the parts of Framework's own build that scripts/build.ts drives (the package ships none).
declare module "@observablehq/framework/dist/config.js" {
  export interface Config {
    output: string;
    /** Every path the build renders: pages found under the root, the sidebar's, and the dynamic paths. */
    paths(): AsyncIterable<string>;
  }
  export function normalizeConfig(spec: object): Config;
}

declare module "@observablehq/framework/dist/build.js" {
  import type {Config} from "@observablehq/framework/dist/config.js";
  export function build(options: {config: Config}): Promise<void>;
}
