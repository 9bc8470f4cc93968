/**
 * `npm run build` (and the LMS packager): the site in both languages. Framework
 * 1.13 builds one sidebar, title and footer per run, so each edition is one
 * run of Framework's build with that edition's config, in this process, told
 * to render only the edition's own pages (Framework would otherwise render
 * every page under the root in both). Both runs share the data-loader cache,
 * so the loaders run once. The other editions' output is merged into the
 * English one, and the post-build step fixes the shell of every page and adds
 * the language switch.
 */
import {cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {dirname, join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "@observablehq/framework/dist/build.js";
import {normalizeConfig} from "@observablehq/framework/dist/config.js";
import {editionOutput, siteConfig, type Variant} from "../observablehq.config.js";
import {EDITIONS, langOfPath} from "../src/components/course/editions.js";
import {LANGS} from "../src/components/course/strings.js";
import {postbuild} from "./postbuild.js";
import {prepare} from "./prepare.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Merges an edition's build into the site. Its own pages (under its prefix)
 * win; pages outside it belong to the other edition and are skipped; any other
 * file is content-hashed or shared, so it must equal the site's copy if both have it.
 */
export function mergeEdition(from: string, into: string, prefix: string): void {
  const own = prefix.slice(1) + "/";
  rmSync(join(into, own), {recursive: true, force: true});
  for (const file of files(from)) {
    const rel = relative(from, file).split(sep).join("/");
    const target = join(into, rel);
    if (!rel.startsWith(own)) {
      if (rel.endsWith(".html")) continue;
      if (existsSync(target)) {
        if (!readFileSync(target).equals(readFileSync(file))) throw new Error(`build: ${rel} differs between the editions' builds`);
        continue;
      }
    }
    mkdirSync(dirname(target), {recursive: true});
    cpSync(file, target);
  }
}

export async function buildSite(variant: Variant): Promise<string> {
  process.env.OBSERVABLE_TELEMETRY_DISABLE = "true";
  process.chdir(root);
  await prepare();
  for (const lang of LANGS) {
    const config = normalizeConfig(siteConfig(lang, variant));
    const every = config.paths;
    config.paths = async function* () {
      for await (const path of every.call(config)) if (langOfPath(path) === lang) yield path;
    };
    await build({config});
  }
  const site = join(root, editionOutput("en", variant));
  for (const lang of LANGS.filter((l) => l !== "en")) {
    const output = join(root, editionOutput(lang, variant));
    mergeEdition(output, site, EDITIONS[lang].prefix);
    rmSync(output, {recursive: true, force: true});
  }
  postbuild(site, variant === "lms");
  return site;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildSite(process.argv[2] === "lms" ? "lms" : "web");
