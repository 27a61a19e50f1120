// Writes the Content-Security-Policy into the built index.html (a trunk post_build hook):
// everything from the app's own origin only. The one inline script, trunk's loader, is
// allowed by its hash, which changes with every build's file names, so it is computed
// here. 'wasm-unsafe-eval' lets the page and the worker compile their WebAssembly; inline
// style attributes are allowed because the charts' SVG carries its colours in them.
// `worker-src blob:`: gloo-worker starts the simulation's worker from a small blob script
// that imports the worker's own files (same origin) and starts its WebAssembly.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const marker = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
if (!marker.test(html)) throw new Error("index.html has no Content-Security-Policy meta to fill in");
// `trunk serve` adds its live-reload script to debug pages as it serves them, after this
// hook: debug builds carry no policy, so that script runs.
const release = process.env.TRUNK_PROFILE === "release";
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// A release page also loses index.html's comments: they are notes for this repository.
const filled = html.replace(marker, release ? meta : "");
writeFileSync(file, release ? filled.replace(/\n[ \t]*<!--[\s\S]*?-->/g, "") : filled);
if (release) console.log(`Content-Security-Policy: ${inline.length} inline script(s) allowed by hash`);
