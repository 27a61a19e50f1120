// Minifies the app's JavaScript glue (wasm-bindgen's output, about 60 KB as written) with
// terser and its style sheets with lightningcss, in place: a quarter less to download once
// gzipped. Release builds only, so debug builds stay readable. The JavaScript keeps its
// property names, so the imports the WebAssembly module asks for by name still match; each
// style sheet's integrity attribute in index.html is recomputed for its new bytes.
//   As a step of trunk's post-build hook (post-build.mjs): the glue of the app's two
//   binaries (mlops-lab-<hash>.js, mlops-lab-scenario.js) and *.css in TRUNK_STAGING_DIR.
//   From the command line: node .ci/minify.mjs FILE… (size.sh, for the shell's build).
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "lightningcss";
import { minify } from "terser";

export async function minifyFile(file) {
  const code = readFileSync(file, "utf8");
  const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 } });
  if (!result.code) throw new Error(`terser returned nothing for ${file}`);
  writeFileSync(file, result.code);
}

export function minifyCss(file) {
  const { code } = transform({ filename: file, code: readFileSync(file), minify: true });
  writeFileSync(file, code);
  return code;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) {
    if (file.endsWith(".css")) minifyCss(file);
    else await minifyFile(file);
  }
} else if (process.env.TRUNK_PROFILE === "release") {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
  const names = readdirSync(dir);
  const glue = names.filter((name) => /^mlops-lab-(?:[0-9a-f]+|scenario)\.js$/.test(name));
  if (glue.length !== 2) throw new Error(`expected the two binaries' glue in ${dir}, found ${glue.join(", ")}`);
  for (const name of glue) await minifyFile(join(dir, name));
  const indexPath = join(dir, "index.html");
  let index = readFileSync(indexPath, "utf8");
  for (const name of names.filter((name) => name.endsWith(".css"))) {
    const code = minifyCss(join(dir, name));
    const link = new RegExp(`(href="[^"]*/${name.replace(/\./g, "\\.")}" integrity=")sha384-[^"]+"`);
    if (!link.test(index)) throw new Error(`index.html links ${name} without an integrity attribute`);
    const digest = createHash("sha384").update(code).digest("base64");
    index = index.replace(link, `$1sha384-${digest}"`);
  }
  writeFileSync(indexPath, index);
}
