// Trunk's one post-build hook, so the steps run in order on the staging directory: the
// JavaScript glue minified (release builds), each language's strings written and named in
// index.html, the fonts cut to the characters the app writes, the loader made to wait for
// the first paint, the Content-Security-Policy into index.html, then its copy as 404.html
// (static hosts that serve 404.html for unknown paths, GitHub Pages and others, then load
// the app for any deep link), then a page per section that shows its opening before the
// app loads, then the service worker, whose file list and version see the final files.
import { copyFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
await import("./minify.mjs");
await import("./strings.mjs");
await import("./subset-fonts.mjs");
await import("./loader.mjs");
await import("./csp.mjs");
copyFileSync(join(dir, "index.html"), join(dir, "404.html"));
await import("./prerender.mjs");
await import("./service-worker.mjs");
