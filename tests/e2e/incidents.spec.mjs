// The production incidents as a student runs them in the lab: each switched on in turn by
// its checkbox, its paragraph and its table of the three maturity levels checked against
// the command-line simulation of the same incident (who noticed it and what it cost at each
// level), the day moved from the keyboard into the link, axe on the panel, in both languages.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { LANGS, expect, expectNoAxeViolations, ready, screenshot, t, test } from "./fixtures.mjs";

const targetDir = process.env.CARGO_TARGET_DIR || "target";
const cli = [`${targetDir}/debug/examples/scenario`, `${targetDir}/release/examples/scenario`].find(existsSync);
if (!cli) throw new Error(`Build the command-line example first: cargo build --example scenario (looked in ${targetDir})`);
const simulate = (args) => JSON.parse(execFileSync(cli, ["--seed", "42", "--json", ...args], { encoding: "utf8" }));
const grouped = (v) => Math.round(v).toLocaleString("en-US");
const fill = (text, args) => Object.entries(args).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);

// Mirrors `IncidentKind` (slug, enum name, the lab's first day) and the monitors' locale keys
// in src/scenario/story/ops.rs.
const INCIDENTS = [
  ["peak", "TrafficPeak", 10],
  ["slow-release", "SlowRelease", 17],
  ["units", "UnitChange", 9],
  ["late-pipeline", "LatePipeline", 20],
  ["lost-replica", "LostReplica", 24],
];
const MONITORS = {
  LatencyAlert: "latency",
  ErrorAlert: "errors",
  ReplicaAlert: "replicas",
  Canary: "canary",
  SchemaCheck: "schema",
  RangeCheck: "range",
  InputPsi: "psi",
  FreshnessCheck: "freshness",
  DeadlineAlert: "deadline",
  MaturedF1: "matured",
  BusinessReview: "review",
  Complaint: "complaint",
};
const LEVELS = { NoLoop: "no-loop", ManualRetrain: "manual", AutomatedLoop: "loop" };

for (const lang of LANGS) {
  test(`each production incident runs at every maturity level, in ${lang}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${lang}/scenario?mode=lab`);
    await ready(page);
    const panel = page.getByRole("region", { name: t(lang, "scenario.ops.title") });
    await panel.scrollIntoViewIfNeeded();
    await expect(panel.getByText(t(lang, "scenario.ops.none"))).toBeVisible();
    for (const [slug, kind, day] of INCIDENTS) {
      const name = t(lang, `incident.${slug}.name`);
      const run = simulate(["--incident", `${slug}:${day}`]);
      const switchOn = page.getByRole("checkbox", { name, exact: true });
      await switchOn.check();
      await expect(page).toHaveURL(new RegExp(`incidents=${slug}(:|%3A)${day}`));
      await expect(page.getByLabel(fill(t(lang, "scenario.ops.on"), { incident: name }))).toHaveValue(String(day));
      const article = panel.getByRole("article").filter({ has: page.getByRole("heading", { name, exact: true }) });
      const table = article.getByRole("table");
      for (const r of run.ops.responses.filter((r) => r.kind === kind)) {
        const level = t(lang, `scenario.policy.${LEVELS[r.level]}`);
        const row = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: level, exact: true }) });
        const by = r.detected_by ? t(lang, `scenario.ops.monitor.${MONITORS[r.detected_by]}`) : t(lang, "scenario.ops.nobody");
        await expect(row.getByRole("cell").first()).toHaveText(by);
        await expect(row.getByRole("cell").last()).toHaveText(grouped(r.cost_nis));
        // The paragraph gives each level's cost as the run computed it.
        await expect(article.locator(".ops-reading")).toContainText(grouped(r.cost_nis));
      }
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-scenario-incident-${slug}`);
      await switchOn.uncheck();
      await expect(article).toHaveCount(0);
    }
    await expect(page).not.toHaveURL(/incidents=/);
  });

  test(`an incident's day moves from the keyboard and a link keeps it, in ${lang}`, async ({ page }) => {
    await page.goto(`${lang}/scenario?mode=lab&incidents=units:9`);
    await ready(page);
    const name = t(lang, "incident.units.name");
    const panel = page.getByRole("region", { name: t(lang, "scenario.ops.title") });
    await expect(page.getByRole("checkbox", { name, exact: true })).toBeChecked();
    const day = page.getByLabel(fill(t(lang, "scenario.ops.on"), { incident: name }));
    await day.fill("16");
    await day.press("Enter");
    await expect(page).toHaveURL(/incidents=units(:|%3A)16/);
    const run = simulate(["--incident", "units:16"]);
    const automated = run.ops.responses.find((r) => r.kind === "UnitChange" && r.level === "AutomatedLoop");
    const article = panel.getByRole("article");
    await expect(article.locator(".ops-reading")).toContainText(grouped(automated.cost_nis));
    // The service's chart follows the incident's days: an image named by its title and
    // described from the hours it shows.
    const chart = page.getByRole("img", { name: t(lang, "scenario.ops.chart.title") });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    const described = page.locator(`[id="${await chart.getAttribute("aria-describedby")}"]`);
    await expect(described).toContainText(fill(t(lang, "scenario.ops.chart.summary").split("{to}")[0], { from: "15" }));
    await screenshot(page, `${lang}-scenario-incident-chart`);
  });
}

for (const lang of LANGS) {
  test(`the incidents read on a phone and on a projector in presenter mode, in ${lang}`, async ({ page }) => {
    const name = t(lang, "incident.peak.name");
    // A phone: the panel, its tables and its lanes fit without sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${lang}/scenario?mode=lab&incidents=peak:10,units:9`);
    await ready(page);
    // The lab's lower panels are skipped while off screen (`content-visibility: auto`):
    // scroll to the panel first, as a reader does.
    const panel = page.getByRole("region", { name: t(lang, "scenario.ops.title") });
    await panel.scrollIntoViewIfNeeded();
    const article = panel.getByRole("article").filter({ has: page.getByRole("heading", { name, exact: true }) });
    await article.scrollIntoViewIfNeeded();
    await expect(article.getByRole("table")).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, `${lang}-phone-scenario-incidents`);
    // A projector in presenter mode.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${lang}/scenario?mode=lab&incidents=peak:10,units:9&present`);
    await ready(page);
    await expect(page.locator("html")).toHaveAttribute("data-present", "");
    await panel.scrollIntoViewIfNeeded();
    await expect(article.locator(".ops-reading")).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, `${lang}-projector-scenario-incidents`);
  });
}
