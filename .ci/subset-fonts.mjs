// Cuts the Heebo files down to the characters the app writes: printable ASCII, every
// character of the locale files (both languages) and the non-ASCII characters of the code,
// styles and pages (figures' signs, arrows, quotation marks). Each file keeps only the
// characters of its @font-face unicode-range in public/style.css, and its weight axis
// only over the @font-face rule's font-weight range (the weights the style sheets use,
// which this checks), and only the OpenType features a browser turns on by itself plus
// those the style sheets ask for (which this reads), so the text looks as before in about
// half the bytes. A character outside the subset (typed by a user, say) is drawn in the
// next font of the stack.
// A step of trunk's post-build hook (post-build.mjs): the woff2 files in TRUNK_STAGING_DIR,
// fresh copies from node_modules on every build, in place.
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import subsetFont from "subset-font";

const root = new URL("..", import.meta.url).pathname;

function filesUnder(dir, pattern) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
}

/** Every character the app can write. */
function appCharacters() {
  const chars = new Set();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCodePoint(c));
  chars.add("\u00a0");
  for (const file of filesUnder("src/i18n", /\.txt$/)) {
    for (const c of readFileSync(file, "utf8")) chars.add(c);
  }
  const sources = [
    ...filesUnder("src", /\.rs$/),
    ...filesUnder("public", /\.css$/),
    join(root, "index.html"),
    join(root, "examples/prerender.rs"),
  ];
  for (const file of sources) {
    for (const c of readFileSync(file, "utf8")) if (c.codePointAt(0) > 0x7e) chars.add(c);
  }
  return chars;
}

/** Each woff2 file named in the style sheet's @font-face rules: its unicode-range, and
 * its font-weight range, which must hold every weight the style sheets ask for. */
function fontFaces() {
  const css = readFileSync(join(root, "public/style.css"), "utf8");
  const faces = new Map();
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const file = body.match(/url\("([^"]+\.woff2)"\)/)?.[1];
    const range = body.match(/unicode-range:([^;]+);/)?.[1];
    const weights = body.match(/font-weight:\s*(\d+)\s+(\d+)\s*;/);
    if (!file || !range || !weights) {
      throw new Error(`an @font-face rule without a woff2 url, a unicode-range or a font-weight range:${body}`);
    }
    faces.set(file, {
      ranges: range.split(",").map((part) => {
        const [from, to = from] = part.trim().replace(/^U\+/i, "").split("-");
        return [parseInt(from, 16), parseInt(to, 16)];
      }),
      weight: { min: Number(weights[1]), max: Number(weights[2]) },
    });
  }
  return faces;
}

/** Every font weight the style sheets use: the normal 400, bold 700 (headings, <strong>)
 * and each font-weight declaration outside the @font-face rules. */
function usedWeights() {
  const weights = new Set([400, 700]);
  for (const file of filesUnder("public", /\.css$/)) {
    const css = readFileSync(file, "utf8").replace(/@font-face\s*{[^}]*}/g, "");
    for (const [, value] of css.matchAll(/font-weight:\s*([^;}]+)/g)) {
      const named = { normal: 400, bold: 700 }[value.trim()];
      const weight = named ?? Number(value.trim());
      if (!Number.isFinite(weight)) throw new Error(`${file}: font-weight ${value} is not a number`);
      weights.add(weight);
    }
  }
  return weights;
}

/** The OpenType features browsers apply to text unasked (kerning, ligatures, contextual
 * forms, marks), and each one the style sheets ask for. A `font-variant-*` value or a
 * `font-feature-settings` this does not know fails the build rather than lose glyphs. */
function usedFeatures() {
  const features = new Set(["kern", "liga", "clig", "calt", "ccmp", "locl", "mark", "mkmk", "rlig", "rclt", "curs"]);
  const variants = { "tabular-nums": "tnum", "lining-nums": "lnum", "oldstyle-nums": "onum", "proportional-nums": "pnum" };
  for (const file of filesUnder("public", /\.css$/)) {
    const css = readFileSync(file, "utf8");
    for (const [, property, value] of css.matchAll(/(font-variant[a-z-]*|font-feature-settings):\s*([^;}]+)/g)) {
      for (const word of value.trim().split(/[\s,]+/)) {
        const tag = property === "font-feature-settings" ? word.match(/^["']([a-z0-9]{4})["']$/)?.[1] : variants[word];
        if (tag) features.add(tag);
        else if (!(word === "normal" || (property === "font-feature-settings" && /^(on|off|\d+)$/.test(word)))) {
          throw new Error(`${file}: ${property}: ${value} is not a feature the font subset knows`);
        }
      }
    }
  }
  return [...features];
}

async function subsetFonts(dir) {
  const chars = [...appCharacters()];
  const weights = usedWeights();
  const keepFeatures = usedFeatures();
  for (const [file, { ranges, weight }] of fontFaces()) {
    const outside = [...weights].filter((w) => w < weight.min || w > weight.max);
    if (outside.length > 0) {
      throw new Error(`${file} keeps weights ${weight.min}-${weight.max}; the styles also use ${outside.join(", ")}`);
    }
    const path = join(dir, file);
    const inRange = chars.filter((c) => ranges.some(([from, to]) => c.codePointAt(0) >= from && c.codePointAt(0) <= to));
    const font = readFileSync(path);
    const subset = await subsetFont(font, inRange.join(""), {
      targetFormat: "woff2",
      variationAxes: { wght: weight },
      keepFeatures,
    });
    if (subset.length === 0 || subset.length >= font.length) {
      throw new Error(`subsetting ${file} gave ${subset.length} bytes from ${font.length}`);
    }
    writeFileSync(path, subset);
  }
}

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("TRUNK_STAGING_DIR is not set: run this as a trunk hook");
await subsetFonts(dir);
