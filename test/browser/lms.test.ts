// The SCORM 1.2 package: structure of imsmanifest.xml, every page listed, every file present.
import {execFileSync} from "node:child_process";
import {readFileSync} from "node:fs";
import {join} from "node:path";
import JSZip from "jszip";
import {afterAll, beforeAll, expect, test} from "vitest";
import {pages} from "../../observablehq.config.js";
import {openPage, startSite, type Site} from "./harness.js";

const root = join(import.meta.dirname, "..", "..");
let zip: JSZip;
let manifest: string;
let site: Site;

beforeAll(async () => {
  execFileSync("npm", ["run", "package:lms"], {cwd: root, stdio: "ignore"});
  zip = await JSZip.loadAsync(readFileSync(join(root, "lms", "perceptron-to-mnist-scorm12.zip")));
  manifest = await zip.file("imsmanifest.xml")!.async("string");
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
}

test("imsmanifest.xml has the SCORM 1.2 required structure", async () => {
  const {page} = await openPage(site, "/");
  // Parse with the browser's XML parser: a real parser, not pattern matching.
  const summary: ManifestSummary = await page.evaluate((xml) => {
    const problems: string[] = [];
    const doc = new DOMParser().parseFromString(xml, "application/xml");
    if (doc.querySelector("parsererror")) return {problems: ["not well-formed XML"], itemPages: [], resourceFiles: [], scoHrefs: []};
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
    for (const org of orgs) {
      if (!child(org, "title")[0]?.textContent) problems.push("organization without title");
      for (const item of Array.from(org.getElementsByTagNameNS(CP, "item"))) {
        if (!item.getAttribute("identifier") || !child(item, "title")[0]?.textContent) problems.push("item without identifier or title");
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
    return {problems, itemPages, resourceFiles, scoHrefs};
  }, manifest);
  expect(summary.problems).toEqual([]);
  // Every course page is an item of the outline, in sidebar order.
  expect(summary.itemPages).toEqual(["index.html", ...pages.map((p) => `${p.path.slice(1)}.html`)]);
  // Every HTML page in the zip is a resource, and every file the manifest names is in the zip.
  const htmlInZip = Object.keys(zip.files).filter((f) => f.endsWith(".html") && f !== "404.html");
  expect([...summary.scoHrefs].sort()).toEqual(htmlInZip.sort());
  for (const f of summary.resourceFiles) expect(zip.file(f), f).not.toBeNull();
  // And every file of the site is listed.
  const listed = new Set(summary.resourceFiles);
  for (const f of Object.keys(zip.files).filter((f) => !zip.files[f].dir && f !== "imsmanifest.xml")) expect(listed.has(f), f).toBe(true);
  await page.context().close();
});

test("pages in the package link to each other with .html extensions", async () => {
  const html = await zip.file("perceptron.html")!.async("string");
  const links = [...html.matchAll(/<a href="\.\/([^"#?]*)"/g)].map((m) => m[1]);
  expect(links.length).toBeGreaterThanOrEqual(9);
  for (const link of links) expect(link).toMatch(/\.html$/);
});
