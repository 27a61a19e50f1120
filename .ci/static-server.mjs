// A small static file server for the release build, with no dependencies: serves `dist/`
// under a base path, a section's own page for its path (`/en/roles` from `en/roles.html`),
// index.html for any other address below it, so deep links survive a reload, and a 404
// for a missing file. Used by the end-to-end tests, the measurement scripts, and anyone who
// wants to serve a release build from a laptop without network.
//
//   node .ci/static-server.mjs [--dir dist] [--port 4173] [--base /mlops-lab/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = resolve(option("dir", "dist"));
const port = Number(option("port", process.env.PORT || 4173));
let base = option("base", "/");
if (!base.startsWith("/")) base = `/${base}`;
if (!base.endsWith("/")) base = `${base}/`;

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

async function file(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (path === base.slice(0, -1) || !path.startsWith(base)) {
    if (path === "/" || path === base.slice(0, -1)) {
      res.writeHead(302, { Location: base }).end();
    } else {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    }
    return;
  }
  const relative = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, "");
  const candidate = join(root, relative);
  // The file itself, else a page written for that path (`en/roles.html`, `en/index.html`),
  // else, for an address (a path whose last part has no file extension), the app's shell,
  // which reads the path itself. A missing file is a 404, as on any static host.
  const inside = candidate.startsWith(root);
  const page = inside && ((await file(candidate)) || (await file(`${candidate}.html`)) || (await file(join(candidate, "index.html"))));
  if (!page && extname(relative)) {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
    return;
  }
  const found = page || join(root, "index.html");
  const isIndex = found.endsWith(".html");
  const body = await readFile(found);
  res.writeHead(200, {
    "Content-Type": types[extname(found)] || "application/octet-stream",
    // Hashed assets never change; the page itself must always be fresh.
    "Cache-Control": isIndex ? "no-cache" : "public, max-age=31536000, immutable",
    "X-Content-Type-Options": "nosniff",
  });
  res.end(body);
});

server.listen(port, "127.0.0.1", () => {
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`);
});
