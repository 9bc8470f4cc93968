/**
 * `npm run package:lms`: builds the site with .html links into lms/site and
 * writes to lms/ one SCORM 1.2 package per language edition (imsmanifest.xml at
 * the root, every page a resource, the edition's course pages as items, its
 * title and launch page in its language) and the plain static site. Every
 * package holds both editions, so the language switch works inside an LMS.
 */
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";
import JSZip from "jszip";
import {EDITIONS, sidebarPages} from "../src/components/course/editions.js";
import {LANGS, type Lang} from "../src/components/course/strings.js";
import {buildSite} from "./build.js";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const out = join(root, "lms");
const site = join(out, "site");

/** An edition's package and its manifest's identifier: the English ones keep the names they always had. */
export function scormPackage(lang: Lang): {zip: string; manifest: string; identifier: string} {
  const suffix = lang === "en" ? "" : `-${lang}`;
  return {zip: `perceptron-to-mnist${suffix}-scorm12.zip`, manifest: `imsmanifest${suffix}.xml`, identifier: `perceptron-to-mnist${suffix}`};
}

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
export function scormManifest(title: string, pageList: ManifestPage[], assets: string[], identifier = scormPackage("en").identifier): string {
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
<manifest identifier="${escapeXml(identifier)}" version="1.0"
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

/** An edition's manifest over the built files: its home and course pages are the items, in its sidebar's order, so its home is the launch page. */
function editionManifest(lang: Lang, all: string[]): string {
  const edition = EDITIONS[lang];
  const home = `${edition.prefix.slice(1)}${edition.prefix ? "/" : ""}index.html`;
  const titles = new Map<string, string>([[home, edition.title], ...sidebarPages(lang).map((p): [string, string] => [`${p.path.slice(1)}.html`, p.name])]);
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
  return scormManifest(edition.title, pageList, assets, scormPackage(lang).identifier);
}

async function main(): Promise<void> {
  rmSync(out, {recursive: true, force: true});
  mkdirSync(out, {recursive: true});
  await buildSite("lms");

  const all = [...files(site)].map((f) => relative(site, f).split(sep).join("/")).sort();
  const bytes = new Map(all.map((f) => [f, readFileSync(join(site, f))]));
  const options = {type: "nodebuffer" as const, compression: "DEFLATE" as const, compressionOptions: {level: 6}};
  for (const lang of LANGS) {
    const {zip: name, manifest: manifestName} = scormPackage(lang);
    const manifest = editionManifest(lang, all);
    const scorm = new JSZip();
    scorm.file("imsmanifest.xml", manifest);
    for (const [f, data] of bytes) scorm.file(f, data);
    writeFileSync(join(out, name), await scorm.generateAsync(options));
    writeFileSync(join(out, manifestName), manifest);
    console.log(`lms/${name}: ${EDITIONS[lang].name} edition, ${(manifest.match(/adlcp:scormtype="sco"/g) ?? []).length} pages, ${all.length} files`);
  }
  const plain = new JSZip();
  for (const [f, data] of bytes) plain.file(f, data);
  writeFileSync(join(out, "perceptron-to-mnist-site.zip"), await plain.generateAsync(options));
  console.log("lms/perceptron-to-mnist-site.zip: the same site for plain upload");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
