// Writes each language's strings next to the build (a trunk post-build step, every
// profile), in parts, and names them in index.html. The page's WebAssembly carries no
// text: it fetches the core, the term names and the part of the page it shows
// (src/strings.rs), so a first visit downloads one language's shared text and one
// section's. The parts:
//   core: the shell's, the home page's and the lesson's locale files, and the story's scene
//         titles (the presenter's deck and a lesson's bar name them on any page);
//   terms: the glossary's term names, which any page links to (and the glossary shows in
//         both languages);
//   one part per other locale file (roles, lifecycle, tools, scenario, glossary): the rest.
// Each is written as its `key = value` lines, comments and blank lines left out, named by
// its content's hash (`strings-he-core-1a2b3c4d5e6f7a8b.txt`), so a new release's strings
// never meet an old release's code, and named in a `<meta name="strings-he-core">`.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
const CORE_FILES = ["shell", "home", "lesson"];
const termName = (key) => /^term\.[^.]+\.name$/.test(key);
const sceneTitle = (key) => /^scenario\.scene\.[^.]+\.title$/.test(key);

const source = new URL("../src/i18n/", import.meta.url);
const metas = [];
for (const lang of ["en", "he"]) {
  const folder = new URL(`${lang}/`, source);
  const parts = new Map([["core", []], ["terms", []]]);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".txt")).sort()) {
    const own = file.slice(0, -".txt".length);
    for (const raw of readFileSync(new URL(file, folder), "utf8").split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const key = line.slice(0, line.indexOf(" = "));
      const part = termName(key) ? "terms" : CORE_FILES.includes(own) || sceneTitle(key) ? "core" : own;
      if (!parts.has(part)) parts.set(part, []);
      parts.get(part).push(line);
    }
  }
  for (const [part, lines] of parts) {
    const text = `${lines.join("\n")}\n`;
    const name = `strings-${lang}-${part}-${createHash("sha256").update(text).digest("hex").slice(0, 16)}.txt`;
    writeFileSync(join(dir, name), text);
    metas.push(`<meta name="strings-${lang}-${part}" content="${name}" />`);
  }
}
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const base = /<base [^>]*>/;
if (!base.test(html)) throw new Error("index.html has no <base>: the strings' addresses are relative to it");
writeFileSync(file, html.replace(base, (tag) => `${tag}\n    ${metas.join("\n    ")}`));
