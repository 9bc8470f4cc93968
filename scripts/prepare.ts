/**
 * Makes the Framework build fully offline.
 *
 * Framework fetches its implicit imports (Plot, d3, Inputs, KaTeX…) from a CDN
 * unless `<root>/.observablehq/cache/_npm/<name>@<version>/` already holds them.
 * We bundle those packages from node_modules into that cache, answer Framework's
 * version look-ups for the libraries it merely mentions with empty folders, and
 * drop stale data-loader output (Framework does not notice changed imports).
 */
import {build} from "esbuild";
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cache = join(root, "src", ".observablehq", "cache");
const npmCache = join(cache, "_npm");
const require = createRequire(join(root, "package.json"));

function version(name: string): string {
  const pkg = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8"));
  return pkg.version;
}

/** Packages the pages import implicitly; each becomes a self-contained ES module. */
const bundled = ["@observablehq/plot", "@observablehq/inputs", "d3", "htl", "isoformat", "katex"];

/** Libraries Framework's client mentions lazily; an empty folder answers the version look-up. */
const mentioned: Record<string, string> = {
  "lodash": "4.17.21",
  "arquero": "5.4.0",
  "apache-arrow": "17.0.0",
  "@duckdb/duckdb-wasm": "1.29.0",
  "echarts": "5.5.1",
  "leaflet": "1.9.4",
  "mapbox-gl": "3.7.0",
  "react": "18.3.1",
  "react-dom": "18.3.1",
  "topojson-client": "3.1.0",
  "@viz-js/viz": "3.8.0",
  "d3-dsv": "3.0.1",
  "vega": "5.30.0",
  "vega-lite": "5.21.0",
  "vega-lite-api": "5.6.0",
  "@uwdata/vgplot": "0.11.0",
  "mermaid": "11.4.0",
  "parquet-wasm": "0.6.1",
  "sql.js": "1.11.0",
  "@observablehq/sample-datasets": "1.0.1",
  "xlsx": "0.18.5",
  "jszip": "3.10.1"
};

export async function prepare(): Promise<void> {
  for (const name of bundled) {
    const dir = join(npmCache, `${name}@${version(name)}`);
    const out = join(dir, "_esm.js");
    if (!existsSync(out)) {
      await build({
        entryPoints: [require.resolve(name)],
        bundle: true,
        format: "esm",
        platform: "browser",
        minify: true,
        outfile: out,
        logLevel: "warning"
      });
    }
  }
  // KaTeX's stylesheet and fonts, requested by `tex` as npm:katex/dist/katex.min.css.
  const katexDist = join(npmCache, `katex@${version("katex")}`, "dist");
  mkdirSync(katexDist, {recursive: true});
  cpSync(join(root, "node_modules", "katex", "dist", "katex.min.css"), join(katexDist, "katex.min.css"));
  cpSync(join(root, "node_modules", "katex", "dist", "fonts"), join(katexDist, "fonts"), {recursive: true});
  for (const [name, v] of Object.entries(mentioned)) {
    mkdirSync(join(npmCache, `${name}@${v}`), {recursive: true});
  }
  rmSync(join(cache, "data"), {recursive: true, force: true});
  writeFileSync(join(cache, ".prepared"), new Date().toISOString());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await prepare();
