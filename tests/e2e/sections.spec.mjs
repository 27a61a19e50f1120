// The teaching sections as a learner uses them, in both languages: the sorting exercise by
// keyboard and by drag and drop, the lifecycle diagram and its maturity switch, the tool
// filters and details, the glossary and the links to it from each section, the self-checks
// of Roles, Lifecycle and Tools saved across a reload, and a corrupt saved state. Each page is scanned by axe after the interaction (light and
// dark) and photographed at desktop and phone widths.
import { LANGS, basePath, expect, expectNoAxeViolations, ready, screenshot, subPathIn, t, test } from "./fixtures.mjs";

// Mirrors `teach::roles::TASKS` (id and owner: 0 ML Developer, 1 MLOps Engineer, 2 both).
const TASKS = [
  ["auc", 0], ["dockerfile", 1], ["latency_alert", 1], ["features", 0],
  ["feature_store", 1], ["drift_threshold", 2], ["metric", 0], ["autoscaling", 1],
  ["api_contract", 2], ["ci_pipeline", 1], ["error_analysis", 0], ["release_review", 2],
];
const OWNER_KEYS = ["role.dev.name", "role.ops.name", "roles.owner.both"];
const STAGES = ["frame", "data", "features", "train", "evaluate", "deploy", "monitor", "retrain"];
// Mirrors `teach::quiz::ROLES` and `teach::quiz::LIFECYCLE`: each question's id and the
// index of its right option (every question has three options).
const QUIZZES = {
  roles: [["sla", 1], ["solo", 2], ["threshold", 2]],
  lifecycle: [["artifacts", 0], ["level1", 1], ["skip", 2]],
};

// An accessible name as a pattern: Chromium adds spaces around the <bdi> runs that isolate
// Latin words in Hebrew text, so spaces are optional between any two characters.
const esc = (c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const loose = (text) => new RegExp([...text.replace(/\s+/g, "")].map(esc).join("\\s*"));

async function noSideways(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, "no sideways scrolling").toBeLessThanOrEqual(0);
}

async function bothThemes(page) {
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoAxeViolations(page);
  await page.emulateMedia({ colorScheme: "light" });
}

for (const lang of LANGS) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === "he" ? "he-IL" : "en-US" });

    test("the sorting exercise is done by keyboard, explains each answer and keeps it", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${lang}/roles`);
      await ready(page);
      await expect(page.getByRole("table")).toContainText(t(lang, "roles.aspect.questions.ops"));
      for (const [id, owner] of TASKS) {
        const group = page.getByRole("group", { name: loose(t(lang, `roles.task.${id}`)) });
        const first = group.getByRole("radio").first();
        await first.focus();
        await page.keyboard.press("Space");
        for (let i = 0; i < owner; i++) await page.keyboard.press("ArrowDown");
        await expect(group.getByRole("radio", { name: loose(t(lang, OWNER_KEYS[owner])) })).toBeChecked();
      }
      await expect(page).toHaveURL(new RegExp(`/${lang}/roles$`));
      const check = page.getByRole("button", { name: t(lang, "roles.sort.check") });
      await check.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByText(t(lang, "roles.sort.score").replace("{n}", "12").replace("{total}", "12"))).toBeVisible();
      await expect(page.getByText(t(lang, "roles.task.feature_store.why"))).toBeVisible();
      // A wrong answer is explained with the right owner.
      const auc = page.getByRole("group", { name: loose(t(lang, "roles.task.auc")) });
      await auc.getByRole("radio", { name: loose(t(lang, "role.ops.name")) }).check();
      await check.click();
      await expect(page.getByText(t(lang, "roles.sort.wrong").replace("{owner}", t(lang, "role.dev.name")))).toBeVisible();
      await bothThemes(page);
      await screenshot(page, `${lang}-desktop-roles-exercise`);
      await page.reload();
      await ready(page);
      await expect(
        page.getByRole("group", { name: loose(t(lang, "roles.task.ci_pipeline")) }).getByRole("radio", { name: loose(t(lang, "role.ops.name")) }),
      ).toBeChecked();
    });

    test("checking the sorting exercise judges only the tasks placed; the answers are a separate step", async ({ page }) => {
      await page.goto(`${lang}/roles`);
      await ready(page);
      const [[firstId, firstOwner], [secondId]] = TASKS;
      const first = page.getByRole("group", { name: loose(t(lang, `roles.task.${firstId}`)) });
      await first.getByRole("radio", { name: loose(t(lang, OWNER_KEYS[firstOwner])) }).check();
      await page.getByRole("button", { name: t(lang, "roles.sort.check") }).click();
      await expect(page.getByText(t(lang, `roles.task.${firstId}.why`))).toBeVisible();
      // A task not placed gives nothing away.
      await expect(page.getByText(t(lang, `roles.task.${secondId}.why`))).toHaveCount(0);
      const partial = t(lang, "roles.sort.score_partial").replace("{n}", "1").replace("{placed}", "1").replace("{left}", String(TASKS.length - 1));
      await expect(page.getByRole("status").filter({ hasText: partial })).toBeVisible();
      await page.getByRole("button", { name: t(lang, "roles.sort.show") }).click();
      await expect(page.getByText(t(lang, `roles.task.${secondId}.why`))).toBeVisible();
    });

    test("on a phone the sorting exercise speaks only of the buttons it shows", async ({ page }) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${lang}/roles`);
      await ready(page);
      await expect(page.getByText(t(lang, "roles.sort.lead"))).toBeVisible();
      await expect(page.getByText(t(lang, "roles.sort.drag"))).toBeHidden();
    });

    test("a task can be dragged onto a role", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${lang}/roles`);
      await ready(page);
      await page.locator(".task").nth(1).dragTo(page.locator(".bin-ops"));
      const group = page.getByRole("group", { name: loose(t(lang, "roles.task.dockerfile")) });
      await expect(group.getByRole("radio", { name: loose(t(lang, "role.ops.name")) })).toBeChecked();
      await expect(page.locator(".bin-ops .chip")).toHaveText(["2"]);
    });

    test("the lifecycle diagram is driven by keyboard and the maturity switch marks automation", subPathIn(lang), async ({ page, baseURL }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${lang}/lifecycle`);
      await ready(page);
      const stage = (i) => page.getByRole("button", { name: t(lang, `lifecycle.stage.${STAGES[i]}.short`), exact: true });
      const detail = page.locator("#stage-detail");
      await expect(stage(0)).toHaveAttribute("aria-pressed", "true");
      await stage(0).focus();
      await page.keyboard.press("ArrowRight");
      await expect(stage(1)).toBeFocused();
      await expect(stage(1)).toHaveAttribute("aria-pressed", "true");
      await expect(stage(0)).toHaveAttribute("aria-pressed", "false");
      await expect(detail.getByRole("heading")).toHaveText(t(lang, "lifecycle.stage.data.name"));
      await expect(detail).toContainText(t(lang, "lifecycle.stage.data.skip"));
      await expect(detail.getByRole("link", { name: loose(t(lang, "term.data_contract.name")) })).toBeVisible();
      // Still on the lifecycle page: the arrow keys did not page to another section.
      await expect(page).toHaveURL(new RegExp(`/${lang}/lifecycle$`));
      // Tab forward to the monitoring stage and select it with Enter.
      for (let i = 2; i <= 6; i++) await page.keyboard.press("Tab");
      await expect(stage(6)).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(detail.getByRole("heading")).toHaveText(t(lang, "lifecycle.stage.monitor.name"));
      const toScenario = detail.getByRole("link", { name: loose(t(lang, "lifecycle.detail.scenario")) });
      await expect(toScenario).toHaveAttribute("href", `${basePath(baseURL)}${lang}/scenario`);
      await expect(detail).toContainText(t(lang, "lifecycle.auto.manual"));
      // The maturity switch.
      const count = (n) => t(lang, "lifecycle.maturity.count").replace("{n}", n).replace("{total}", "8");
      await expect(page.getByText(count("0"))).toBeVisible();
      await page.getByRole("radio", { name: loose(t(lang, "lifecycle.level.1.name")) }).check();
      await expect(page.getByText(count("6"))).toBeVisible();
      await expect(detail).toContainText(t(lang, "lifecycle.auto.full"));
      await expect(page.getByText(t(lang, "lifecycle.level.1.who"))).toBeVisible();
      await stage(5).locator(".node-body").click();
      await expect(detail).toContainText(t(lang, "lifecycle.auto.partial"));
      await page.keyboard.press("ArrowRight");
      await page.getByRole("radio", { name: loose(t(lang, "lifecycle.level.1.name")) }).focus();
      await page.keyboard.press("ArrowDown");
      await expect(page.getByRole("radio", { name: loose(t(lang, "lifecycle.level.2.name")) })).toBeChecked();
      await expect(page.getByText(count("7"))).toBeVisible();
      await stage(5).locator(".node-body").click();
      await expect(detail).toContainText(t(lang, "lifecycle.auto.full"));
      await bothThemes(page);
      await screenshot(page, `${lang}-desktop-lifecycle-diagram`);
      // A glossary link from the stage details opens the entry.
      await detail.getByRole("link", { name: loose(t(lang, "term.inference_api.name")) }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/glossary#term-inference_api$`));
      await expect(page.locator("#term-inference_api")).toBeInViewport();
      await expect(page.locator("#term-inference_api")).toContainText(t(lang, "term.inference_api.def"));
    });

    test("the tool map filters by role and stage and explains a selected tool", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${lang}/tools`);
      await ready(page);
      const shown = (n) => t(lang, "tools.shown").replace("{n}", n).replace("{total}", "6");
      await expect(page.getByText(shown("6"))).toBeVisible();
      const mlflow = page.getByRole("button", { name: /^\s*MLflow(?!\s*Registry)/ });
      await expect(mlflow).toContainText(t(lang, "tools.bridge"));
      await expect(page.getByRole("button", { name: /^\s*Feast/ })).toContainText(t(lang, "tools.bridge"));
      await page.getByLabel(t(lang, "tools.filter.role")).selectOption("dev");
      await expect(page.getByText(shown("5"))).toBeVisible();
      await expect(page.getByRole("heading", { name: t(lang, "tools.cat.cicd") })).toHaveCount(0);
      await page.getByLabel(t(lang, "tools.filter.stage")).focus();
      await page.getByLabel(t(lang, "tools.filter.stage")).selectOption("monitor");
      await expect(page.getByText(shown("2"))).toBeVisible();
      const evidently = page.getByRole("button", { name: "Evidently" });
      await evidently.focus();
      await page.keyboard.press("Enter");
      await expect(evidently).toHaveAttribute("aria-pressed", "true");
      const detail = page.getByRole("region", { name: loose(t(lang, "tools.detail.title").replace("{tool}", "Evidently")) });
      await expect(detail).toContainText(t(lang, "tools.tool.evidently.what"));
      await expect(detail).toContainText(t(lang, "tools.tool.evidently.artifact"));
      // How each role uses this tool in particular, not the text of its category.
      await expect(detail).toContainText(t(lang, "tools.tool.evidently.dev"));
      await expect(detail).toContainText(t(lang, "tools.tool.evidently.ops"));
      await expect(detail).not.toContainText(t(lang, "tools.cat.monitoring.ops"));
      await expect(detail).toContainText(t(lang, "tools.stage.monitor"));
      await bothThemes(page);
      await screenshot(page, `${lang}-desktop-tools-map`);
      await page.getByLabel(t(lang, "tools.filter.role")).selectOption("all");
      await page.getByLabel(t(lang, "tools.filter.stage")).selectOption("all");
      await mlflow.click();
      await expect(page.locator("#tool-detail")).toContainText(t(lang, "tools.tool.mlflow.what"));
      const lineage = page.locator(".lineage li.lineage-step");
      await expect(lineage).toHaveCount(7);
      await expect(lineage.nth(2)).toContainText("MLflow Registry");
      await expect(lineage.nth(6)).toContainText(t(lang, "tools.lineage.trigger.title"));
    });

    test("a self-check answer is explained and survives a reload", async ({ page }) => {
      await page.goto(`${lang}/tools`);
      await ready(page);
      const q1 = page.getByRole("group", { name: loose(t(lang, "quiz.tools.bridge")) });
      await q1.getByRole("radio", { name: loose(t(lang, "quiz.tools.bridge.opt0")) }).check();
      await expect(page.getByText(t(lang, "quiz.tools.bridge.why0"))).toBeVisible();
      // A wrong guess names the right option, then says why it is right.
      await expect(page.getByText(t(lang, "quiz.answer").replace("{option}", t(lang, "quiz.tools.bridge.opt1")))).toBeVisible();
      await expect(page.getByText(t(lang, "quiz.tools.bridge.why1"))).toBeVisible();
      const q2 = page.getByRole("group", { name: loose(t(lang, "quiz.tools.cicd")) });
      await q2.getByRole("radio", { name: loose(t(lang, "quiz.tools.cicd.opt0")) }).focus();
      await page.keyboard.press("Space");
      await expect(page.getByText(t(lang, "quiz.tools.cicd.why0"))).toBeVisible();
      const progress = t(lang, "quiz.progress").replace("{answered}", "2").replace("{total}", "3").replace("{correct}", "1");
      await expect(page.getByText(progress)).toBeVisible();
      await page.reload();
      await ready(page);
      await expect(page.getByText(progress)).toBeVisible();
      await expect(
        page.getByRole("group", { name: loose(t(lang, "quiz.tools.cicd")) }).getByRole("radio", { name: loose(t(lang, "quiz.tools.cicd.opt0")) }),
      ).toBeChecked();
      await page.getByRole("button", { name: t(lang, "quiz.reset") }).click();
      await expect(page.getByText(t(lang, "quiz.progress").replace("{answered}", "0").replace("{total}", "3").replace("{correct}", "0"))).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem("mlops-lab.quiz-tools"))).toBeNull();
    });

    for (const [section, questions] of Object.entries(QUIZZES)) {
      test(`the ${section} self-check explains a right and a wrong answer and keeps both after a reload`, async ({ page }) => {
        await page.goto(`${lang}/${section}`);
        await ready(page);
        const question = (id) => page.getByRole("group", { name: loose(t(lang, `quiz.${section}.${id}`)) });
        const option = (id, n) => question(id).getByRole("radio", { name: loose(t(lang, `quiz.${section}.${id}.opt${n}`)) });
        const why = (id, n) => page.getByText(t(lang, `quiz.${section}.${id}.why${n}`));
        const [[first, firstRight], [second, secondRight]] = questions;
        const secondWrong = (secondRight + 1) % 3;
        // The first question answered right, with the mouse.
        await option(first, firstRight).check();
        await expect(why(first, firstRight)).toBeVisible();
        // The second answered wrong, with the keyboard: the explanation of the chosen option
        // and of the right one both appear.
        await option(second, secondWrong).focus();
        await page.keyboard.press("Space");
        await expect(option(second, secondWrong)).toBeChecked();
        await expect(why(second, secondWrong)).toBeVisible();
        await expect(why(second, secondRight)).toBeVisible();
        const progress = t(lang, "quiz.progress").replace("{answered}", "2").replace("{total}", "3").replace("{correct}", "1");
        await expect(page.getByText(progress)).toBeVisible();
        await page.reload();
        await ready(page);
        await expect(page.getByText(progress)).toBeVisible();
        await expect(option(first, firstRight)).toBeChecked();
        await expect(option(second, secondWrong)).toBeChecked();
        await expect(why(first, firstRight)).toBeVisible();
        await expect(why(second, secondRight)).toBeVisible();
        await page.getByRole("button", { name: t(lang, "quiz.reset") }).click();
        await expect(option(first, firstRight)).not.toBeChecked();
        expect(await page.evaluate((key) => localStorage.getItem(key), `mlops-lab.quiz-${section}`)).toBeNull();
      });
    }

    test("the Roles section links the terms it uses to their glossary entries", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${lang}/roles`);
      await ready(page);
      const glossary = (id) => new RegExp(`/${lang}/glossary#term-${id}$`);
      const compare = page.getByRole("region", { name: loose(t(lang, "roles.table.title")) });
      for (const id of ["roc_auc", "latency", "sla_slo"]) {
        await expect(compare.getByRole("link", { name: loose(t(lang, `term.${id}.name`)) })).toHaveAttribute("href", glossary(id));
      }
      const exercise = page.getByRole("region", { name: loose(t(lang, "roles.sort.title")) });
      await expect(exercise.getByRole("link", { name: loose(t(lang, "term.feature_store.name")) })).toHaveAttribute("href", glossary("feature_store"));
      await exercise.getByRole("link", { name: loose(t(lang, "term.psi.name")) }).click();
      await expect(page).toHaveURL(glossary("psi"));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(t(lang, "section.glossary.title"));
      await expect(page.locator("#term-psi")).toBeInViewport();
      await expect(page.locator("#term-psi")).toContainText(t(lang, "term.psi.def"));
    });

    test("the lifecycle cards and the tool lineage link their terms to the glossary", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      const glossary = (id) => new RegExp(`/${lang}/glossary#term-${id}$`);
      await page.goto(`${lang}/lifecycle`);
      await ready(page);
      const ritual = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: loose(t(lang, "lifecycle.ritual.3.title")) }) });
      await expect(ritual.getByRole("link", { name: loose(t(lang, "term.blameless_review.name")) })).toHaveAttribute("href", glossary("blameless_review"));
      const maturity = page.locator(".maturity");
      await expect(maturity.getByRole("link", { name: loose(t(lang, "term.maturity_level.name")) })).toHaveAttribute("href", glossary("maturity_level"));
      await page.goto(`${lang}/tools`);
      await ready(page);
      const lineage = page.getByRole("region", { name: loose(t(lang, "tools.lineage.title")) });
      await expect(lineage.locator("li.lineage-step").nth(4).getByRole("link", { name: loose(t(lang, "term.inference_api.name")) })).toHaveAttribute("href", glossary("inference_api"));
      // The lead's list comes first; the registered-model step links the same entry.
      await lineage.getByRole("link", { name: loose(t(lang, "term.lineage.name")) }).first().click();
      await expect(page).toHaveURL(glossary("lineage"));
      await expect(page.locator("#term-lineage")).toContainText(t(lang, "term.lineage.def"));
    });

    test("a corrupt saved state is discarded with a notice, not a crash", async ({ page }) => {
      await page.goto(`${lang}/`);
      await ready(page);
      await page.evaluate(() => {
        localStorage.setItem("mlops-lab.quiz-lifecycle", "{broken");
        localStorage.setItem("mlops-lab.sort-roles", JSON.stringify({ version: 1, value: [9, 9, 9] }));
      });
      await page.goto(`${lang}/lifecycle`);
      await ready(page);
      await expect(page.getByRole("status").filter({ hasText: t(lang, "quiz.corrupt") })).toBeVisible();
      expect(await page.evaluate(() => localStorage.getItem("mlops-lab.quiz-lifecycle"))).toBeNull();
      await page.goto(`${lang}/roles`);
      await ready(page);
      await expect(page.getByRole("status").filter({ hasText: t(lang, "roles.sort.corrupt") })).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test("the glossary lists every term in both languages and filters by search", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${lang}/glossary`);
      await ready(page);
      const other = lang === "en" ? "he" : "en";
      const entry = page.locator("#term-concept_drift");
      await expect(entry.getByRole("heading")).toHaveText(t(lang, "term.concept_drift.name"));
      await expect(entry).toContainText(t(other, "term.concept_drift.name"));
      await page.getByLabel(t(lang, "glossary.search.label")).fill("drift");
      await expect(entry).toBeVisible();
      await expect(page.locator("#term-kubernetes")).toBeHidden();
      await page.getByLabel(t(lang, "glossary.search.label")).fill("zzzz");
      await expect(page.getByText(t(lang, "glossary.none"))).toBeVisible();
      await page.getByLabel(t(lang, "glossary.search.label")).fill("");
      await bothThemes(page);
      await screenshot(page, `${lang}-desktop-glossary`);
    });

    test("the sections read at phone and projector widths", async ({ page }) => {
      for (const [width, height, name] of [[360, 740, "phone"], [1920, 1080, "projector"]]) {
        await page.setViewportSize({ width, height });
        for (const slug of ["roles", "lifecycle", "tools", "glossary"]) {
          await page.goto(`${lang}/${slug}`);
          await ready(page);
          if (slug === "tools") await page.getByRole("button", { name: /^\s*Feast/ }).click();
          await noSideways(page);
          await screenshot(page, `${lang}-${name}-${slug}`);
        }
      }
    });
  });
}
