// Self-study: the home page shows what a student has done (sections, story scenes, the
// sorting exercise, the self-checks), continues where they left off, and starts over.
import { LANGS, expect, expectNoAxeViolations, ready, screenshot, subPathIn, t, test } from "./fixtures.mjs";

const fill = (text, args) => Object.entries(args).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);

for (const lang of LANGS) {
  test(`progress is shown, continued and reset in ${lang}`, subPathIn(lang), async ({ page }) => {
    await page.goto(`${lang}/`);
    await ready(page);
    await expect(page.getByText(t(lang, "journey.empty"))).toBeVisible();

    // A student opens two sections, two story scenes and answers one self-check question.
    await page.goto(`${lang}/lifecycle`);
    await ready(page);
    await page.getByRole("radio", { name: t(lang, "quiz.lifecycle.artifacts.opt0") }).check();
    await page.goto(`${lang}/scenario`);
    await ready(page);
    await page.getByRole("button", { name: t(lang, "scenario.scene.next") }).click();
    await expect(page).toHaveURL(/scene=data/);

    await page.goto(`${lang}/`);
    await ready(page);
    const panel = page.getByRole("region", { name: t(lang, "journey.title") });
    await expect(panel).toContainText(fill(t(lang, "journey.sections"), { n: 3, total: 6 }));
    await expect(panel).toContainText(fill(t(lang, "journey.scenes"), { n: 2, total: 13 }));
    const lifecycle = fill(t(lang, "journey.quiz"), { section: t(lang, "section.lifecycle.nav"), n: 1, total: 3, right: 1 });
    await expect(panel).toContainText(lifecycle);
    await expectNoAxeViolations(page);
    await screenshot(page, `${lang}-home-progress`);

    // Continue leads back to the last page open, the story's second scene.
    await panel.getByRole("link", { name: t(lang, "journey.continue") }).click();
    await expect(page.getByRole("heading", { name: t(lang, "scenario.scene.data.title") })).toBeVisible();

    // Starting over forgets it all.
    await page.goto(`${lang}/`);
    await ready(page);
    await panel.getByRole("button", { name: t(lang, "journey.reset") }).click();
    await expect(panel).toContainText(t(lang, "journey.empty"));
    await page.reload();
    await expect(page.getByText(t(lang, "journey.empty"))).toBeVisible();
  });
}
