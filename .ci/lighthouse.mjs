// Runs Lighthouse 12.2.3 (mobile profile) on every section of the release build, in both
// languages, and prints the four category scores. A measurement, not a test.
//
//   npm run lighthouse            (after `npm run size` or `npm test` built dist/)
//   npm run lighthouse -- --only en/scenario,he/lifecycle     (some pages only)
//
// Under each page's scores: the performance metrics behind the first (first and largest
// contentful paint, total blocking time, layout shift, speed index, as Lighthouse
// simulates them on a slow phone).
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";
import { spawn } from "node:child_process";
import { sections } from "./sections.mjs";
import { setTimeout as sleep } from "node:timers/promises";

const port = 4180;
const base = `http://127.0.0.1:${port}/mlops-lab/`;
const pages = sections().map((s) => s.slug);
const langs = ["en", "he"];
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(",")) : null;

const server = spawn("node", [".ci/static-server.mjs", "--dir", "dist", "--port", String(port), "--base", "/mlops-lab/"], {
  stdio: "ignore",
});
await sleep(500);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const categories = ["performance", "accessibility", "best-practices", "seo"];
console.log(["page".padEnd(22), ...categories.map((c) => c.padStart(15))].join(""));
try {
  for (const lang of langs) {
    for (const page of pages) {
      if (only && !only.has(`${lang}/${page}`)) continue;
      const url = `${base}${lang}/${page}`;
      const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: categories });
      const scores = categories.map((c) => String(Math.round(result.lhr.categories[c].score * 100)).padStart(15));
      console.log([`${lang}/${page}`.padEnd(22), ...scores].join(""));
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
  server.kill();
}
