// Lets a release page paint before the app downloads (a trunk post-build step, before the
// Content-Security-Policy hashes the loader): trunk's loader imports the app's JS and
// WebAssembly at once and its preload links fetch them ahead of everything else. Here
// the preloads go, and the loader waits for the page's fonts and then its next frame, so
// the section's opening (written by prerender.mjs) shows first, in its font, and a slow
// classroom network spends its first bandwidth on the page, not on the app. (Waiting for
// the first frame alone was not enough: text still waiting for its font painted later,
// after the app's download had begun.) The app then loads as before.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
if (process.env.TRUNK_PROFILE === "release") {
  const file = join(dir, "index.html");
  let html = readFileSync(file, "utf8");
  const preloads = /\s*<link rel="(?:modulepreload|preload)" href="[^"]*"[^>]*>/g;
  html = html.replace(preloads, "");
  const loader = /import init, \* as bindings from '([^']+)';\nconst wasm = await init\(\{ module_or_path: '([^']+)' \}\);/;
  if (!loader.test(html)) throw new Error("index.html: trunk's loader has changed; update .ci/loader.mjs");
  html = html.replace(
    loader,
    (_, js, wasm) =>
      "await document.fonts.ready;\n" +
      "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n" +
      `const bindings = await import('${js}');\n` +
      `const wasm = await bindings.default({ module_or_path: '${wasm}' });`,
  );
  writeFileSync(file, html);
}
