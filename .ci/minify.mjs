// Minifies the app's JavaScript glue (wasm-bindgen's output, about 60 KB as written) with
// terser, in place: a quarter less to download once gzipped. Release builds only, so debug
// builds stay readable. Property names are kept, so the imports the WebAssembly module asks
// for by name still match.
//   As a step of trunk's post-build hook (post-build.mjs): the app's mlops-lab-*.js in
//   TRUNK_STAGING_DIR.
//   From the command line: node .ci/minify.mjs FILE… (size.sh, for the shell's build).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { minify } from "terser";

export async function minifyFile(file) {
  const code = readFileSync(file, "utf8");
  const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 } });
  if (!result.code) throw new Error(`terser returned nothing for ${file}`);
  writeFileSync(file, result.code);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of process.argv.slice(2)) await minifyFile(file);
} else if (process.env.TRUNK_PROFILE === "release") {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
  const glue = readdirSync(dir).filter((name) => /^mlops-lab-[0-9a-f]+\.js$/.test(name));
  if (glue.length !== 1) throw new Error(`expected one mlops-lab-*.js in ${dir}, found ${glue.length}`);
  await minifyFile(join(dir, glue[0]));
}
