/**
 * `npm run package:lms`: builds the site with .html links into lms/site and
 * writes two zips to lms/: a SCORM 1.2 package (imsmanifest.xml at the root,
 * every page a resource, the course pages as items) and the plain static site.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import JSZip from "jszip";
import config, {pages} from "../observablehq.config.js";
import {buildSite} from "./build.js";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const out = join(root, "lms");
const site = join(out, "site");

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface ManifestPage {
  href: string;
  title: string;
  /** Course pages appear as items of the organisation; the rest (embeds) are resources only. */
  item: boolean;
}

/** The SCORM 1.2 imsmanifest.xml for the given pages and the other files (shared assets). */
export function scormManifest(title: string, pageList: ManifestPage[], assets: string[]): string {
  const id = (href: string) => `res-${href.replace(/\.html$/, "").replace(/[^A-Za-z0-9]+/g, "-")}`;
  const items = pageList
    .filter((p) => p.item)
    .map((p) => `      <item identifier="item-${id(p.href).slice(4)}" identifierref="${id(p.href)}">\n        <title>${escapeXml(p.title)}</title>\n      </item>`)
    .join("\n");
  const resources = pageList
    .map(
      (p) =>
        `    <resource identifier="${id(p.href)}" type="webcontent" adlcp:scormtype="sco" href="${escapeXml(p.href)}">\n` +
        `      <file href="${escapeXml(p.href)}"/>\n      <dependency identifierref="res-shared-assets"/>\n    </resource>`
    )
    .join("\n");
  const shared = assets.map((f) => `      <file href="${escapeXml(f)}"/>`).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="perceptron-to-mnist" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="course">
    <organization identifier="course">
      <title>${escapeXml(title)}</title>
${items}
    </organization>
  </organizations>
  <resources>
${resources}
    <resource identifier="res-shared-assets" type="webcontent" adlcp:scormtype="asset">
${shared}
    </resource>
  </resources>
</manifest>
`;
}

async function main(): Promise<void> {
  rmSync(out, {recursive: true, force: true});
  mkdirSync(out, {recursive: true});
  await buildSite("lms");

  const all = [...files(site)].map((f) => relative(site, f).split(sep).join("/")).sort();
  const titles = new Map<string, string>([["index.html", config.title], ...pages.map((p): [string, string] => [`${p.path.slice(1)}.html`, p.name])]);
  const html = all.filter((f) => f.endsWith(".html") && f !== "404.html");
  const pageList: ManifestPage[] = html.map((href) => ({
    href,
    title: titles.get(href) ?? (readFileSync(join(site, href), "utf8").match(/<title>([^<|]*)/)?.[1]?.trim() || href),
    item: titles.has(href)
  }));
  // Course pages first, in sidebar order.
  const order = [...titles.keys()];
  pageList.sort((a, b) => (order.indexOf(a.href) + 1 || 999) - (order.indexOf(b.href) + 1 || 999));
  const assets = all.filter((f) => !html.includes(f));
  const manifest = scormManifest(config.title, pageList, assets);

  const scorm = new JSZip();
  const plain = new JSZip();
  scorm.file("imsmanifest.xml", manifest);
  for (const f of all) {
    const bytes = readFileSync(join(site, f));
    scorm.file(f, bytes);
    plain.file(f, bytes);
  }
  const options = {type: "nodebuffer" as const, compression: "DEFLATE" as const, compressionOptions: {level: 6}};
  writeFileSync(join(out, "perceptron-to-mnist-scorm12.zip"), await scorm.generateAsync(options));
  writeFileSync(join(out, "perceptron-to-mnist-site.zip"), await plain.generateAsync(options));
  writeFileSync(join(out, "imsmanifest.xml"), manifest);
  console.log(`lms/perceptron-to-mnist-scorm12.zip: ${pageList.length} pages, ${all.length} files`);
  console.log("lms/perceptron-to-mnist-site.zip: the same site for plain upload");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
