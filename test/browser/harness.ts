/**
 * Shared set-up for browser tests: the built site served from dist/ on
 * 127.0.0.1, and Debian's Chromium driven by playwright-core. Every page
 * opened through `openPage` records console errors, failed requests and any
 * request that leaves the local server.
 */
import {existsSync, readFileSync} from "node:fs";
import type {Server} from "node:http";
import {createRequire} from "node:module";
import {join} from "node:path";
import {chromium, type Browser, type Page} from "playwright-core";
import {startStaticServer} from "../../scripts/static-server.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DIST = join(import.meta.dirname, "..", "..", "dist");

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
  "--disable-dev-shm-usage"
];

export interface Site {
  browser: Browser;
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves dist/ and launches Chromium; fails with instructions when either is missing. */
export async function startSite(options: {webgpu?: boolean; extraArgs?: string[]} = {}): Promise<Site> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  if (!existsSync(join(DIST, "index.html"))) {
    throw new Error("dist/index.html not found: run `npm run build` before the browser tests (npm test does).");
  }
  const {server, url} = await startStaticServer(DIST);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, ...(options.webgpu ? ["--enable-unsafe-webgpu", "--enable-features=Vulkan"] : []), ...(options.extraArgs ?? [])]
  });
  return {
    browser,
    server,
    url,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  };
}

export interface OpenedPage {
  page: Page;
  /** Console messages of type "error" and uncaught page errors. */
  errors: string[];
  /** Requests that failed or answered with an HTTP error status. */
  failed: string[];
  /** Requests to any host other than the local server. */
  external: string[];
}

export interface OpenOptions {
  /** Extra pages served at local paths for this context only (e.g. a host page for embeds). */
  extraPages?: Record<string, string>;
}

/** Opens a path of the site in a fresh context and starts recording problems. */
export async function openPage(site: Site, path: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  const failed: string[] = [];
  const external: string[] = [];
  const origin = new URL(site.url).origin;
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
  page.on("request", (request) => {
    const url = request.url();
    if (/^(data|blob):/.test(url)) return;
    if (new URL(url).origin !== origin) external.push(url);
  });
  page.on("requestfailed", (request) => failed.push(`${request.url()} (${request.failure()?.errorText})`));
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} (HTTP ${response.status()})`);
  });
  // Block anything that is not local so a stray request fails fast instead of hanging.
  await context.route(/.*/, (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || /^(data|blob):/.test(url)) return route.continue();
    return route.abort();
  });
  for (const [extraPath, html] of Object.entries(options.extraPages ?? {})) {
    await context.route(`${site.url}${extraPath}`, (route) => route.fulfill({contentType: "text/html", body: html}));
  }
  await page.goto(site.url + path, {waitUntil: "load"});
  return {page, errors, failed, external};
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core in the page and returns its serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({content: axeSource});
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const result = await (window as any).axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map((v: {id: string; impact: string | null; help: string; nodes: unknown[]}) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length
    }));
  });
  return (violations as AxeViolation[]).filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The sidebar's pages, read from the site config so the test cannot drift from it. */
export async function sidebarPaths(): Promise<string[]> {
  const config = await import("../../observablehq.config.js");
  return ["/", ...config.pages.map((p: {path: string}) => p.path)];
}
