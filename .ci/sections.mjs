// The app's sections as src/sections.rs defines them (the order of `Section::ALL`, each
// arm of `Section::slug` and `Section::id`), so scripts follow the enum without a copy.
import { readFileSync } from "node:fs";

export function sections() {
  const source = readFileSync(new URL("../src/sections.rs", import.meta.url), "utf8");
  const between = (start, end) => {
    const from = source.indexOf(start);
    if (from < 0) throw new Error(`src/sections.rs: ${start} not found`);
    return source.slice(from, source.indexOf(end, from));
  };
  const arms = (start) =>
    new Map([...between(start, "\n    }\n").matchAll(/Section::(\w+)\s*=>\s*"([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const order = [...between("pub const ALL", "];").matchAll(/Section::(\w+)/g)].map((m) => m[1]);
  const slugs = arms("pub fn slug");
  const ids = arms("pub fn id");
  if (order.length === 0 || order.some((name) => !slugs.has(name) || !ids.has(name))) {
    throw new Error(`src/sections.rs: cannot read the slugs and ids of ${order.join(", ") || "Section::ALL"}`);
  }
  return order.map((name) => ({ name, slug: slugs.get(name), id: ids.get(name) }));
}
