/**
 * Benchmarks that print figures: `npm run bench` runs them all, `npm run bench -- <name>`
 * one of them (the file scripts/bench/<name>.ts).
 */
import {execFileSync} from "node:child_process";
import {readdirSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const dir = join(dirname(fileURLToPath(import.meta.url)), "bench");
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .map((f) => f.slice(0, -3));
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(", ")}. Available: ${available.join(", ")}`);
  process.exit(2);
}
for (const name of wanted.length ? wanted : available) {
  console.log(`\n## bench ${name}`);
  execFileSync("node", ["--import", "tsx", join(dir, `${name}.ts`)], {stdio: "inherit"});
}
