// Renames the functions the WebAssembly module imports from its JavaScript glue to short
// names, in both files. wasm-bindgen names each one after the browser call it wraps plus a
// 16-digit hash (`__wbg_setAttribute_f75317b2b5cabfb4`), and about 190 of them sit in both
// the module and the glue, where gzip cannot shrink the hashes: a few KB of the download.
// The exports named with a hash (the closures' entry points) are renamed the same way; the
// other exports keep their names. Every name must be found where it is expected, or the
// build fails rather than ship a module and a glue that do not match.
//   As a step of trunk's post-build hook (post-build.mjs), after the glue is minified:
//   the app's mlops-lab-*.js and mlops-lab-*_bg.wasm in TRUNK_STAGING_DIR.
//   From the command line: node .ci/short-imports.mjs GLUE.js MODULE.wasm (size.sh).
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Reads an unsigned LEB128 number at `at`: [value, next offset]. */
function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const nameBytes = (text) => [...leb(encoder.encode(text).length), ...encoder.encode(text)];

/** `a`, `b`, … `Z`, `aa`, `ab`, …: the n-th short name. */
function shortName(n) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[n % letters.length] + name;
    n = Math.floor(n / letters.length) - 1;
  } while (n >= 0);
  return name;
}

/**
 * The module with one section's entries rewritten: `entry(bytes, at, out)` reads the entry
 * at `at`, appends its new bytes to `out` and returns where the next entry starts.
 */
function rewriteSection(wasm, sectionId, what, entry) {
  const bytes = new Uint8Array(wasm);
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, body] = readLeb(bytes, at + 1);
    if (id !== sectionId) {
      at = body + size;
      continue;
    }
    const out = [];
    let [count, p] = readLeb(bytes, body);
    out.push(...leb(count));
    for (let i = 0; i < count; i++) p = entry(bytes, p, out);
    if (p !== body + size) throw new Error(`the ${what} section did not read to its end`);
    return new Uint8Array([...bytes.subarray(0, at), sectionId, ...leb(out.length), ...out, ...bytes.subarray(body + size)]);
  }
  throw new Error(`the module has no ${what} section`);
}

/** A name at `at`: [the name, where its bytes end]. */
function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

/** The module with its imports from `module` renamed: the module to `moduleShort`, the
 * n-th import to `shortName(n)`; and the old names, in that order. */
function renameImports(wasm, module, moduleShort) {
  const names = [];
  const limits = (bytes, from) => {
    const flags = bytes[from];
    let [, next] = readLeb(bytes, from + 1);
    if (flags & 1) [, next] = readLeb(bytes, next);
    return next;
  };
  const rewritten = rewriteSection(wasm, 2, "import", (bytes, p, out) => {
    const [moduleName, moduleEnd] = readName(bytes, p);
    const [name, nameEnd] = readName(bytes, moduleEnd);
    // The import's kind and type: a function's type index, or a table, memory or global.
    let end = nameEnd;
    const kind = bytes[end++];
    if (kind === 0) [, end] = readLeb(bytes, end);
    else if (kind === 1) end = limits(bytes, end + 1);
    else if (kind === 2) end = limits(bytes, end);
    else if (kind === 3) end += 2;
    else throw new Error(`an import of kind ${kind} is not one this reads`);
    if (moduleName === module) {
      out.push(...nameBytes(moduleShort), ...nameBytes(shortName(names.length)));
      names.push(name);
    } else {
      out.push(...bytes.subarray(p, nameEnd));
    }
    out.push(...bytes.subarray(nameEnd, end));
    return end;
  });
  return { wasm: rewritten, names };
}

/** The module with its exports whose names end in a hash renamed by `rename`. */
function renameHashedExports(wasm, rename) {
  const renamed = new Map();
  const rewritten = rewriteSection(wasm, 7, "export", (bytes, p, out) => {
    const [name, nameEnd] = readName(bytes, p);
    const [, end] = readLeb(bytes, nameEnd + 1);
    if (/_h[0-9a-f]{16}$/.test(name)) {
      const short = rename(renamed.size);
      renamed.set(name, short);
      out.push(...nameBytes(short));
    } else {
      out.push(...bytes.subarray(p, nameEnd));
    }
    out.push(...bytes.subarray(nameEnd, end));
    return end;
  });
  return { wasm: rewritten, renamed };
}

export function shortenImports(gluePath, wasmPath) {
  const module = "./mlops-lab_bg.js";
  let glue = readFileSync(gluePath, "utf8");
  const { wasm, names } = renameImports(readFileSync(wasmPath), module, "a");
  if (names.length === 0) throw new Error(`${wasmPath} imports nothing from ${module}`);
  // Each old name is a key of the imports object, once, and nowhere else.
  for (const [n, name] of names.entries()) {
    const key = new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`, "g");
    const found = glue.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`${gluePath} names the import ${name} ${found} times, not once`);
    glue = glue.replace(key, shortName(n));
  }
  const moduleKey = `"${module}":`;
  if (glue.split(moduleKey).length !== 2) throw new Error(`${gluePath} does not key its imports by "${module}" once`);
  glue = glue.replace(moduleKey, "a:");
  // The hashed exports: the glue calls each through its exports object, `.name`.
  const exported = renameHashedExports(wasm, (n) => `$${shortName(n)}`);
  for (const [name, short] of exported.renamed) {
    const uses = new RegExp(`\\.${name}(?![\\w$])`, "g");
    if (!uses.test(glue)) throw new Error(`${gluePath} never calls the export ${name}`);
    glue = glue.replace(uses, `.${short}`);
  }
  writeFileSync(gluePath, glue);
  writeFileSync(wasmPath, exported.wasm);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [glue, wasm] = process.argv.slice(2);
  if (!glue || !wasm) throw new Error("usage: node .ci/short-imports.mjs GLUE.js MODULE.wasm");
  shortenImports(glue, wasm);
} else if (process.env.TRUNK_PROFILE === "release") {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
  const names = readdirSync(dir);
  const glue = names.filter((name) => /^mlops-lab-[0-9a-f]+\.js$/.test(name));
  const wasm = names.filter((name) => /^mlops-lab-[0-9a-f]+_bg\.wasm$/.test(name));
  if (glue.length !== 1 || wasm.length !== 1) {
    throw new Error(`expected one mlops-lab-*.js and one mlops-lab-*_bg.wasm in ${dir}`);
  }
  shortenImports(join(dir, glue[0]), join(dir, wasm[0]));
}
