// The SCORM 1.2 packages, one per language edition: structure of imsmanifest.xml, every page listed, every file present, the edition's titles and launch page.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import JSZip from "jszip";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {scormPackage} from "../../scripts/package-lms.js";
import {EDITIONS, sidebarPages} from "../../src/components/course/editions.js";
import {LANGS} from "../../src/components/course/strings.js";
import {openPage, startSite, type Site} from "./harness.js";

const root = join(import.meta.dirname, "..", "..");
const zips = new Map<string, JSZip>();
let site: Site;

beforeAll(async () => {
  execFileSync("npm", ["run", "package:lms"], {cwd: root, stdio: "ignore"});
  for (const lang of LANGS) zips.set(lang, await JSZip.loadAsync(readFileSync(join(root, "lms", scormPackage(lang).zip))));
  site = await startSite();
}, 420_000); // package:lms builds both language editions, minutes on a loaded machine
afterAll(async () => {
  await site?.close();
});

interface ManifestSummary {
  problems: string[];
  itemPages: string[];
  resourceFiles: string[];
  scoHrefs: string[];
  identifier: string;
  organizationTitle: string;
  itemTitles: string[];
}

describe.each(LANGS.map((lang) => [EDITIONS[lang].name, lang] as const))("the %s package", (_, lang) => {
  const zip = () => zips.get(lang)!;
  const prefix = EDITIONS[lang].prefix.replace(/^\//, "");
  const home = prefix ? `${prefix}/index.html` : "index.html";

  test("imsmanifest.xml has the SCORM 1.2 required structure", async () => {
    const manifest = await zip().file("imsmanifest.xml")!.async("string");
    const {page} = await openPage(site, "/");
    // Parse with the browser's XML parser: a real parser, not pattern matching.
    const summary: ManifestSummary = await page.evaluate((xml) => {
      const problems: string[] = [];
      const doc = new DOMParser().parseFromString(xml, "application/xml");
      if (doc.querySelector("parsererror")) return {problems: ["not well-formed XML"], itemPages: [], resourceFiles: [], scoHrefs: [], identifier: "", organizationTitle: "", itemTitles: []};
      const CP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
      const ADL = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
      const root = doc.documentElement;
      if (root.localName !== "manifest" || root.namespaceURI !== CP) problems.push("root is not an IMS CP manifest");
      if (!root.getAttribute("identifier")) problems.push("manifest has no identifier");
      const child = (el: Element, name: string) => Array.from(el.children).filter((c) => c.localName === name && c.namespaceURI === CP);
      const metadata = child(root, "metadata")[0];
      if (!metadata) problems.push("no metadata");
      else {
        if (child(metadata, "schema")[0]?.textContent !== "ADL SCORM") problems.push("metadata/schema is not ADL SCORM");
        if (child(metadata, "schemaversion")[0]?.textContent !== "1.2") problems.push("metadata/schemaversion is not 1.2");
      }
      const organizations = child(root, "organizations")[0];
      const resources = child(root, "resources")[0];
      if (!organizations || !resources) problems.push("organizations or resources missing");
      const orgs = organizations ? child(organizations, "organization") : [];
      if (!orgs.some((o) => o.getAttribute("identifier") === organizations?.getAttribute("default"))) problems.push("default organization not found");
      const resourceList = resources ? child(resources, "resource") : [];
      const ids = new Map(resourceList.map((r) => [r.getAttribute("identifier"), r]));
      if (ids.size !== resourceList.length) problems.push("duplicate resource identifiers");
      const itemPages: string[] = [];
      const itemTitles: string[] = [];
      for (const org of orgs) {
        if (!child(org, "title")[0]?.textContent) problems.push("organization without title");
        for (const item of Array.from(org.getElementsByTagNameNS(CP, "item"))) {
          if (!item.getAttribute("identifier") || !child(item, "title")[0]?.textContent) problems.push("item without identifier or title");
          itemTitles.push(child(item, "title")[0]?.textContent ?? "");
          const resource = ids.get(item.getAttribute("identifierref"));
          if (!resource) problems.push(`item ${item.getAttribute("identifier")} refers to no resource`);
          else itemPages.push(resource.getAttribute("href") ?? "");
        }
      }
      const resourceFiles: string[] = [];
      const scoHrefs: string[] = [];
      for (const r of resourceList) {
        const type = r.getAttributeNS(ADL, "scormtype");
        if (r.getAttribute("type") !== "webcontent") problems.push(`resource ${r.getAttribute("identifier")} type`);
        if (type !== "sco" && type !== "asset") problems.push(`resource ${r.getAttribute("identifier")} adlcp:scormtype`);
        if (type === "sco") {
          if (!r.getAttribute("href")) problems.push("sco without href");
          scoHrefs.push(r.getAttribute("href") ?? "");
        }
        for (const f of child(r, "file")) resourceFiles.push(f.getAttribute("href") ?? "");
        for (const d of child(r, "dependency")) if (!ids.has(d.getAttribute("identifierref"))) problems.push("dangling dependency");
      }
      const organizationTitle = (orgs[0] && child(orgs[0], "title")[0]?.textContent) ?? "";
      return {problems, itemPages, resourceFiles, scoHrefs, identifier: root.getAttribute("identifier") ?? "", organizationTitle, itemTitles};
    }, manifest);
    expect(summary.problems).toEqual([]);
    // Every course page of the edition is an item of the outline, in sidebar order: its home comes first, so the LMS launches it.
    expect(summary.itemPages).toEqual([home, ...sidebarPages(lang).map((p) => `${p.path.slice(1)}.html`)]);
    // The course's and the items' titles are the edition's; each package has its own identifier (the English one's is unchanged).
    expect(summary.organizationTitle).toBe(EDITIONS[lang].title);
    expect(summary.itemTitles).toEqual([EDITIONS[lang].title, ...sidebarPages(lang).map((p) => p.name)]);
    expect(summary.identifier).toBe(scormPackage(lang).identifier);
    if (lang === "en") expect(summary.identifier).toBe("perceptron-to-mnist");
    // Every HTML page in the zip is a resource, and every file the manifest names is in the zip.
    const htmlInZip = Object.keys(zip().files).filter((f) => f.endsWith(".html") && f !== "404.html");
    expect([...summary.scoHrefs].sort()).toEqual(htmlInZip.sort());
    for (const f of summary.resourceFiles) expect(zip().file(f), f).not.toBeNull();
    // And every file of the site is listed.
    const listed = new Set(summary.resourceFiles);
    for (const f of Object.keys(zip().files).filter((f) => !zip().files[f].dir && f !== "imsmanifest.xml")) expect(listed.has(f), f).toBe(true);
    await page.context().close();
  });

  test("pages in the package link to each other with .html extensions, the launch page in the edition's language", async () => {
    const html = await zip().file(prefix ? `${prefix}/perceptron.html` : "perceptron.html")!.async("string");
    const links = [...html.matchAll(/<a href="\.\/([^"#?]*)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(9);
    for (const link of links) expect(link).toMatch(/\.html$/);
    const launch = await zip().file(home)!.async("string");
    expect(launch).toMatch(new RegExp(`<html lang="${lang}"`));
  });
});
