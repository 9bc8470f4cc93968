// The built site references no other host.
import {readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {expect, test} from "vitest";

const DIST = join(import.meta.dirname, "..", "..", "dist");

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

// Places where a URL to another host would make the browser fetch it.
const FETCHING = [
  /\b(?:src|href|action|poster)\s*=\s*["']?(?:https?:)?\/\/[^"'\s>]+/gi,
  /url\(\s*["']?(?:https?:)?\/\/[^)]+\)/gi,
  /@import\s+(?:url\()?["']?(?:https?:)?\/\//gi,
  /\bimport\s*\(?\s*["'](?:https?:)?\/\/[^"']+["']/gi,
  /\bfrom\s*["'](?:https?:)?\/\/[^"']+["']/gi,
  /\bfetch\(\s*["'](?:https?:)?\/\/[^"']+["']/gi
];

test("dist/ contains no reference to another host", () => {
  const offenders: string[] = [];
  for (const file of files(DIST)) {
    if (!/\.(html|js|css|json)$/.test(file)) continue;
    const text = readFileSync(file, "utf8");
    for (const pattern of FETCHING) {
      for (const match of text.matchAll(pattern)) {
        // W3C namespace identifiers are names, not requests.
        if (/www\.w3\.org\//.test(match[0])) continue;
        offenders.push(`${relative(DIST, file)}: ${match[0].slice(0, 120)}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});

test("no page links to the framework's site or any CDN", () => {
  for (const file of files(DIST)) {
    if (!file.endsWith(".html")) continue;
    const text = readFileSync(file, "utf8");
    expect(text, relative(DIST, file)).not.toMatch(/observablehq\.com|jsdelivr|googleapis|unpkg/);
  }
});

test("every link to a heading of another page finds that heading, in both languages", () => {
  const links: string[] = [];
  const missing: string[] = [];
  for (const file of files(DIST)) {
    if (!file.endsWith(".html")) continue;
    for (const [, page, fragment] of readFileSync(file, "utf8").matchAll(/href="\.\/([\w-]+)#([\w-]+)"/g)) {
      const target = join(file, "..", `${page}.html`);
      links.push(`${relative(DIST, file)} → ${page}#${fragment}`);
      if (!readFileSync(target, "utf8").includes(`id="${fragment}"`)) missing.push(`${relative(DIST, file)} → ${page}#${fragment}`);
    }
  }
  // The MNIST pages link to the activations page's measured vanishing gradients, in English and in Korean.
  expect(links).toEqual(expect.arrayContaining(["mnist.html → activations#vanishing-gradients-measured", "ko/mnist.html → activations#vanishing-gradients-measured"]));
  expect(missing).toEqual([]);
});

test("each Korean page's section headings carry the ids of its English twin's, with working anchors and contents links", () => {
  const pages = readdirSync(join(DIST, "ko")).filter((name) => name.endsWith(".html"));
  const ids = (html: string) => Array.from(html.matchAll(/<h[23] id="([^"]*)"/g), (m) => m[1]);
  let headings = 0;
  for (const name of pages) {
    const korean = readFileSync(join(DIST, "ko", name), "utf8");
    const mine = ids(korean);
    expect(mine, name).toEqual(ids(readFileSync(join(DIST, name), "utf8")));
    // Every in-page link (the heading's own anchor, the table of contents) points at an id the page has.
    const present = Array.from(korean.matchAll(/ id="([^"]+)"/g), (m) => m[1]);
    for (const [, fragment] of korean.matchAll(/href="#([^"]+)"/g)) expect(present, `${name} #${fragment}`).toContain(fragment);
    headings += mine.length;
  }
  // Framework's own slugger drops Hangul ("-1", "-2", …); none of those is left.
  expect(headings).toBeGreaterThan(30);
  for (const name of pages) expect(readFileSync(join(DIST, "ko", name), "utf8"), name).not.toMatch(/<h[23] id="-\d*"/);
});
