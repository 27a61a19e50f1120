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
  MissingCheck: "missing",
  RangeCheck: "range",
  InputPsi: "psi",
  FreshnessCheck: "freshness",
  DeadlineAlert: "deadline",
  MaturedF1: "matured",
  BusinessReview: "review",
  Complaint: "complaint",
};
const LEVELS = { NoLoop: "no-loop", ManualRetrain: "manual", AutomatedLoop: "loop" };
// A slowdown the canary's lightly loaded replica lets through (tests/ops_incidents.rs
// checks the same world natively).
const SLIGHT = "1.7";

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
        const cells = row.getByRole("cell");
        await expect(cells.first()).toHaveText(by);
        await expect(cells.nth(5)).toHaveText(grouped(r.cost_nis));
        await expect(cells.last()).toHaveText(grouped(r.sla_credit_nis));
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
    // The production system's four charts join the nine of the model, the first of them
    // right after the F1 chart.
    await expect(page.locator(".chart-svg svg")).toHaveCount(13);
    const f1Figure = page.locator("figure").filter({ has: page.getByRole("img", { name: t(lang, "scenario.chart.f1.title") }) });
    await expect(f1Figure.locator("xpath=following-sibling::figure[1]")).toContainText(t(lang, "scenario.ops.chart.title"));
    // The service's chart follows the incident's days: an image named by its title and
    // described from the hours it shows.
    const chart = page.getByRole("img", { name: t(lang, "scenario.ops.chart.title") });
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toBeVisible();
    const described = page.locator(`[id="${await chart.getAttribute("aria-describedby")}"]`);
    await expect(described).toContainText(fill(t(lang, "scenario.ops.chart.summary").split("{to}")[0], { from: "15" }));
    await screenshot(page, `${lang}-scenario-incident-chart`);
    // Each week's batch beside it: the unit change's week is late at every level, and its
    // table names the checks that fired on that week at Level 1.
    const fresh = page.getByRole("img", { name: t(lang, "scenario.ops.fresh.title") });
    await fresh.scrollIntoViewIfNeeded();
    await expect(fresh).toBeVisible();
    const week = run.ops.batches.find((b) => b.fired.length > 0);
    const freshText = page.locator(`[id="${await fresh.getAttribute("aria-describedby")}"]`);
    await expect(freshText).toContainText(fill(t(lang, "scenario.ops.fresh.summary").split("{none}")[0], { week: String(week.week) }));
    const figure = page.locator("figure").filter({ has: fresh });
    await figure.getByText(t(lang, "scenario.ops.fresh.table")).click();
    const weekRow = figure.getByRole("row").filter({ has: page.getByRole("rowheader", { name: fill(t(lang, "scenario.ops.fresh.week"), { week: String(week.week) }), exact: true }) });
    await expect(weekRow.getByRole("cell").last()).toContainText(t(lang, `scenario.ops.monitor.${MONITORS[week.fired[0]]}`));
  });

  test(`a slightly slower release passes the canary and the full load shows it, in ${lang}`, async ({ page }) => {
    await page.goto(`${lang}/scenario?mode=lab&incidents=slow-release:17`);
    await ready(page);
    const name = t(lang, "incident.slow-release.name");
    const panel = page.getByRole("region", { name: t(lang, "scenario.ops.title") });
    const article = panel.getByRole("article");
    // At the lab's first slowdown the canary stops the release.
    await expect(article.locator(".ops-reading")).toContainText(fill(t(lang, "scenario.ops.incident.slow-release.caught").split("{p95}")[0], { day: "17", factor: "2.5" }));
    const slowdown = page.getByLabel(t(lang, "scenario.ops.slowdown"));
    await slowdown.fill(SLIGHT);
    await slowdown.press("Enter");
    await expect(page).toHaveURL(new RegExp(`slowdown=${SLIGHT}`));
    const run = simulate(["--incident", "slow-release:17", "--slowdown", SLIGHT]);
    const canary = run.ops.checks.find(([kind]) => kind === "SlowRelease")[1][0];
    expect(canary.fired).toBe(false);
    await expect(article.locator(".ops-reading")).toContainText(fill(t(lang, "scenario.ops.incident.slow-release.passed").split("{p95}")[0], { day: "17", factor: SLIGHT }));
    // Level 1 is caught by the latency alert under load, and its lanes say so.
    const automated = run.ops.responses.find((r) => r.kind === "SlowRelease" && r.level === "AutomatedLoop");
    expect(automated.detected_by).toBe("LatencyAlert");
    const level = t(lang, "scenario.policy.loop");
    const row = article.getByRole("row").filter({ has: page.getByRole("rowheader", { name: level, exact: true }) });
    await expect(row.getByRole("cell").first()).toHaveText(t(lang, "scenario.ops.monitor.latency"));
    await expect(article.getByText(t(lang, "scenario.ops.step.slow-release-missed.3"))).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, `${lang}-scenario-incident-canary-missed`);
    // The switch's day and slowdown are one control of a lesson.
    await expect(page.getByRole("checkbox", { name, exact: true })).toBeChecked();
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

for (const lang of LANGS) {
  test(`the Lifecycle and Tools sections lead to the incident their work meets, in ${lang}`, async ({ page }) => {
    const see = (slug) => fill(t(lang, "incident.see"), { incident: t(lang, `incident.${slug}.name`) });
    // Lifecycle: the deployment stage's work meets a slower release in the lab.
    await page.goto(`${lang}/lifecycle`);
    await ready(page);
    const stage = page.getByRole("button", { name: t(lang, "lifecycle.stage.deploy.short"), exact: true });
    await stage.focus();
    await page.keyboard.press("Enter");
    const detail = page.locator("#stage-detail");
    await expect(detail.getByRole("link", { name: see("peak") })).toBeVisible();
    await detail.getByRole("link", { name: see("slow-release") }).click();
    await expect(page).toHaveURL(/incidents=slow-release(:|%3A)17/);
    const name = t(lang, "incident.slow-release.name");
    await expect(page.getByRole("checkbox", { name, exact: true })).toBeChecked();
    await expect(page.locator("article.ops-incident").filter({ has: page.getByRole("heading", { name, exact: true }) })).toBeVisible();
    // Tools: Airflow takes the steps of a late pipeline run.
    await page.goto(`${lang}/tools`);
    await ready(page);
    await page.getByRole("button", { name: /^\s*Airflow/ }).click();
    await page.locator("#tool-detail").getByRole("link", { name: see("late-pipeline") }).click();
    await expect(page).toHaveURL(/incidents=late-pipeline(:|%3A)20/);
    await expect(page.getByRole("heading", { name: t(lang, "incident.late-pipeline.name"), exact: true })).toBeVisible();
  });
}
