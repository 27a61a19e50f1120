// Runs Lighthouse 12.2.3 (mobile profile) on every page of the release builds, as a
// static host serves them, under a sub-path (dist/, built with `--public-url /mlops-lab/`)
// and at a site's root (dist-root/, built with `--public-url / --dist dist-root`): the
// bare address and every section in both languages. Prints the four category scores.
// A measurement, not a test.
//
//   npm run lighthouse            (after `npm test` built both; `npm run size` builds dist/)
//   npm run lighthouse -- --only en/scenario,he/lifecycle     (some pages only; "/" is the bare address)
//   npm run lighthouse -- --site root                          (one of the two builds)
//
// Under each page's scores: the performance metrics behind the first (first and largest
// contentful paint, total blocking time, layout shift, speed index, as Lighthouse
// simulates them on a slow phone).
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { sections } from "./sections.mjs";
import { setTimeout as sleep } from "node:timers/promises";

const option = (name) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : null;
};
const only = option("only") ? new Set(option("only").split(",")) : null;
const sites = [
  { name: "sub-path", dir: "dist", base: "/mlops-lab/", port: 4180 },
  { name: "root", dir: "dist-root", base: "/", port: 4181 },
].filter((site) => (!option("site") || option("site") === site.name) && existsSync(`${site.dir}/index.html`));
if (sites.length === 0) throw new Error("no release build to measure: run `npm test`, or `npm run build` (dist/)");
// The bare address first, then every section in each language.
const pages = ["/", ...["en", "he"].flatMap((lang) => sections().map((s) => `${lang}/${s.slug}`))];

const servers = sites.map((site) =>
  spawn("node", [".ci/static-server.mjs", "--dir", site.dir, "--port", String(site.port), "--base", site.base], { stdio: "ignore" }),
);
await sleep(500);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"];
console.log(["page".padEnd(30), ...categories.map((c) => c.padStart(15))].join(""));
try {
  for (const site of sites) {
    for (const page of pages) {
      if (only && !only.has(page)) continue;
      const path = page === "/" ? "" : page;
      const url = `http://127.0.0.1:${site.port}${site.base}${path}`;
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories });
      const scores = categories.map((c) => String(Math.round(result.lhr.categories[c].score * 100)).padStart(15));
      console.log([`${site.base}${path}`.padEnd(30), ...scores].join(""));
      const metric = (id) => result.lhr.audits[id].displayValue;
      console.log(
        `    FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")}, SI ${metric("speed-index")}`,
      );
      const lcp = result.lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node;
      if (lcp) console.log(`    largest paint: ${lcp.snippet.slice(0, 100)}`);
      for (const c of categories.slice(1)) {
        const failing = result.lhr.categories[c].auditRefs
          .map((ref) => result.lhr.audits[ref.id])
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "manual");
        for (const audit of failing) console.log(`    ${c}: ${audit.id} — ${audit.title}`);
      }
    }
  }
} finally {
  await chrome.kill();
  for (const server of servers) server.kill();
}
