// Trunk's loader, made to load the right binary and to wait for the first paint (a trunk
// post-build step, before the Content-Security-Policy hashes the loader).
//
// Two binaries draw the app (`app::Pages`): the sections' (trunk's main binary) and the
// scenario's, which trunk builds beside it without a loader (`data-type="worker"` with
// `data-bindgen-target="web"`, so under its plain name). Here the scenario's files get a
// name with their content's hash, as trunk names the main binary's, and the one loader,
// the same on every page, picks the scenario's binary for the scenario's address and the
// sections' for any other.
//
// Release builds also wait before loading: trunk's loader imports the app's JS and
// WebAssembly at once and its preload links fetch them ahead of everything else. Here the
// preloads go, and the loader waits for the page's fonts and then its next frame, so the
// section's opening (written by prerender.mjs) shows first, in its font, and a slow
// classroom network spends its first bandwidth on the page, not on the app. (Waiting for
// the first frame alone was not enough: text still waiting for its font painted later,
// after the app's download had begun.)
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
const release = process.env.TRUNK_PROFILE === "release";

// The scenario's binary, named by its content's hash.
const name = "mlops-lab-scenario";
const hash = createHash("sha256")
  .update(readFileSync(join(dir, `${name}.js`)))
  .update(readFileSync(join(dir, `${name}_bg.wasm`)))
  .digest("hex")
  .slice(0, 16);
renameSync(join(dir, `${name}.js`), join(dir, `${name}-${hash}.js`));
renameSync(join(dir, `${name}_bg.wasm`), join(dir, `${name}-${hash}_bg.wasm`));

const file = join(dir, "index.html");
let html = readFileSync(file, "utf8");
if (release) html = html.replace(/\s*<link rel="(?:modulepreload|preload)" href="[^"]*"[^>]*>/g, "");
const loader = /import init, \* as bindings from '([^']+)';\nconst wasm = await init\(\{ module_or_path: '([^']+)' \}\);/;
if (!loader.test(html)) throw new Error("index.html: trunk's loader has changed; update .ci/loader.mjs");
html = html.replace(loader, (_, js, wasm) => {
  const scenarioJs = js.replace(/mlops-lab-[0-9a-f]+\.js$/, `${name}-${hash}.js`);
  const scenarioWasm = wasm.replace(/mlops-lab-[0-9a-f]+_bg\.wasm$/, `${name}-${hash}_bg.wasm`);
  if (scenarioJs === js || scenarioWasm === wasm) throw new Error("trunk's main binary is no longer mlops-lab-<hash>");
  return (
    (release
      ? "await document.fonts.ready;\n" +
        "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n"
      : "") +
    // The scenario's address: its last segment is `scenario` (or the prerendered file).
    "const scenario = /\\/scenario(?:\\.html)?\\/?$/.test(location.pathname);\n" +
    `const bindings = await import(scenario ? '${scenarioJs}' : '${js}');\n` +
    `const wasm = await bindings.default({ module_or_path: scenario ? '${scenarioWasm}' : '${wasm}' });`
  );
});
writeFileSync(file, html);
