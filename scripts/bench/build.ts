// Cold offline build time (Framework cache removed first) and the MNIST bytes the site serves.
import {execFileSync} from "node:child_process";
import {readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {join} from "node:path";

const root = join(import.meta.dirname, "..", "..");
rmSync(join(root, "src", ".observablehq", "cache"), {recursive: true, force: true});
rmSync(join(root, "dist"), {recursive: true, force: true});
const start = performance.now();
execFileSync("npm", ["run", "build"], {cwd: root, stdio: "ignore", env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true"}});
const seconds = (performance.now() - start) / 1000;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}
const all = [...files(join(root, "dist"))];
const shards = all.filter((f) => /\.mns\.[0-9a-f]+\.gz$/.test(f));
const shardBytes = shards.reduce((sum, f) => sum + statSync(f).size, 0);
const distBytes = all.reduce((sum, f) => sum + statSync(f).size, 0);
const manifestFile = all.find((f) => /mnist\/manifest\.[0-9a-f]+\.json$/.test(f));
const manifest = manifestFile ? JSON.parse(readFileSync(manifestFile, "utf8")) : null;

console.log(`cold offline build: ${seconds.toFixed(1)} s`);
console.log(`MNIST shards: ${shards.length} files, ${(shardBytes / 1e6).toFixed(2)} MB for ${manifest ? manifest.splits.train.count + manifest.splits.test.count : "?"} images (gzip -9 of the raw IDX files: 11.34 MB)`);
console.log(`dist/: ${all.length} files, ${(distBytes / 1e6).toFixed(2)} MB`);
