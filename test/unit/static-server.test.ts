import {mkdtempSync, mkdirSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {expect, test} from "vitest";
import {notFoundPage, resolveStaticPath, startStaticServer} from "../../scripts/static-server.js";

const root = mkdtempSync(join(tmpdir(), "static-"));
writeFileSync(join(root, "index.html"), "home");
writeFileSync(join(root, "page.html"), "page");
mkdirSync(join(root, "embed"));
writeFileSync(join(root, "embed", "index.html"), "embed");
writeFileSync(join(root, "404.html"), "not found");
mkdirSync(join(root, "ko"));
writeFileSync(join(root, "ko", "404.html"), "찾을 수 없음");

test("maps clean URLs the way static hosts do", () => {
  expect(resolveStaticPath(root, "/")).toBe(join(root, "index.html"));
  expect(resolveStaticPath(root, "/page")).toBe(join(root, "page.html"));
  expect(resolveStaticPath(root, "/page.html?x=1")).toBe(join(root, "page.html"));
  expect(resolveStaticPath(root, "/embed/")).toBe(join(root, "embed", "index.html"));
  expect(resolveStaticPath(root, "/missing")).toBeNull();
});

test("never serves outside its root", () => {
  expect(resolveStaticPath(root, "/../etc/passwd")).toBeNull();
  expect(resolveStaticPath(root, "/%2e%2e/%2e%2e/etc/passwd")).toBeNull();
  expect(resolveStaticPath(root, "/%E0%A4%A")).toBeNull();
});

test("sends COOP/COEP on every response, found or not, so pages are cross-origin isolated", async () => {
  const {server, url} = await startStaticServer(root);
  try {
    for (const [path, status] of [["/page", 200], ["/missing", 404]] as const) {
      const response = await fetch(url + path);
      expect(response.status).toBe(status);
      expect(response.headers.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(response.headers.get("cross-origin-embedder-policy")).toBe("require-corp");
    }
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("a missing page gets the nearest 404 page up its folders", () => {
  expect(notFoundPage(root, "/missing")).toBe(join(root, "404.html"));
  expect(notFoundPage(root, "/embed/missing?x=1")).toBe(join(root, "404.html"));
  expect(notFoundPage(root, "/ko/missing")).toBe(join(root, "ko", "404.html"));
  expect(notFoundPage(root, "/ko/deep/er/missing")).toBe(join(root, "ko", "404.html"));
});
