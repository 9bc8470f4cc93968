/**
 * A plain static file server for dist/, mapping clean URLs the way static hosts
 * do (/page → page.html, /dir/ → dir/index.html). Used by `npm start` and the
 * browser tests; binds to 127.0.0.1 only. It sends the COOP/COEP pair that
 * makes pages cross-origin isolated, so the MNIST worker can use threads
 * (README, "Deploying"); the tests see the site as such a host serves it.
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve, sep} from "node:path";
import {fileURLToPath} from "node:url";

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".gz": "application/gzip",
  ".zip": "application/zip",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml"
};

/**
 * Cross-origin isolation: SharedArrayBuffer, and with it tfjs's threaded wasm
 * binary, exists only in isolated pages. Every file of the site comes from
 * this origin, so require-corp blocks nothing.
 */
export const ISOLATION_HEADERS = {
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-embedder-policy": "require-corp"
};

/** Finds the file a URL path refers to, or null. Never leaves `root`. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  const base = resolve(root);
  const target = normalize(join(base, path));
  if (target !== base && !target.startsWith(base + sep)) return null;
  const candidates = path.endsWith("/") ? [join(target, "index.html")] : [target, `${target}.html`, join(target, "index.html")];
  for (const candidate of candidates) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** The 404 page for a missing path: the nearest 404.html up its folders (as hosts such as Cloudflare Pages do), so /ko/… misses get the Korean one. */
export function notFoundPage(root: string, urlPath: string): string | null {
  const folders = urlPath.split(/[?#]/)[0].split("/").slice(1, -1);
  for (let depth = folders.length; depth >= 0; --depth) {
    const page = resolveStaticPath(root, `/${folders.slice(0, depth).map((f) => `${f}/`).join("")}404`);
    if (page) return page;
  }
  return null;
}

export function startStaticServer(root: string, port = 0, host = "127.0.0.1"): Promise<{server: Server; url: string}> {
  const server = createServer((request, response) => {
    const file = resolveStaticPath(root, request.url ?? "/");
    if (!file) {
      const notFound = notFoundPage(root, request.url ?? "/");
      response.writeHead(404, {"content-type": types[".html"], ...ISOLATION_HEADERS});
      if (notFound) createReadStream(notFound).pipe(response);
      else response.end("Not found");
      return;
    }
    response.writeHead(200, {"content-type": types[extname(file)] ?? "application/octet-stream", "content-length": statSync(file).size, ...ISOLATION_HEADERS});
    if (request.method === "HEAD") response.end();
    else createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolvePromise({server, url: `http://${host}:${actualPort}`});
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? "dist";
  const port = Number(process.env.PORT ?? process.argv[3] ?? 3000);
  if (!existsSync(join(root, "index.html"))) {
    console.error(`${root}/index.html not found: run \`npm run build\` first.`);
    process.exit(1);
  }
  const {url} = await startStaticServer(root, port);
  console.log(`Serving ${root}/ at ${url}/ (Ctrl-C to stop)`);
}
