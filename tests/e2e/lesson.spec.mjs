// Lesson links: an instructor builds a lesson (its stops, the lab's values, what students
// may change) and shares a link; a student who opens it walks exactly those stops, with
// the fixed controls held, and can leave the lesson. Both languages, checked with axe.
import { LANGS, expect, expectNoAxeViolations, looseName, pageUntil, ready, screenshot, subPathIn, t, test } from "./fixtures.mjs";

const fill = (text, args) => Object.entries(args).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);

for (const lang of LANGS) {
  test.describe(`lessons in ${lang}`, () => {
    test("an instructor builds a lesson and a student gets exactly that lesson", subPathIn(lang), async ({ page }) => {
      await page.goto(`${lang}/`);
      await ready(page);
      await page.getByRole("link", { name: t(lang, "builder.footer") }).click();
      await expect(page.locator("main h1")).toHaveText(t(lang, "builder.title"));
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-lesson-builder`);

      // The stops: clear everything, then pick Roles, two scenes and the lab.
      await page.getByRole("button", { name: t(lang, "builder.none") }).click();
      await expect(page.getByText(t(lang, "builder.empty"))).toBeVisible();
      await expect(page.locator("#lesson-link")).toHaveCount(0);
      const stops = page.getByRole("group", { name: t(lang, "builder.stops") });
      await stops.getByRole("checkbox", { name: looseName(t(lang, "section.roles.nav")) }).check();
      await stops.getByRole("checkbox", { name: looseName(t(lang, "scenario.scene.drop.title")) }).check();
      await stops.getByRole("checkbox", { name: looseName(t(lang, "scenario.scene.alert.title")) }).check();
      await stops.getByRole("checkbox", { name: looseName(t(lang, "lesson.stop.lab")) }).check();

      // Students may change the strength and nothing else.
      const open = page.getByRole("group", { name: t(lang, "builder.open") });
      const boxes = open.getByRole("checkbox");
      // Every control of the lab, the assumptions and the incidents included.
      await expect(boxes).toHaveCount(14);
      for (let i = 0; i < 14; i++) await boxes.nth(i).uncheck();
      await open.getByRole("checkbox", { name: looseName(t(lang, "scenario.lab.strength")) }).check();

      // The values: a price rise, seed 7.
      const values = page.getByRole("region", { name: t(lang, "builder.values") });
      await values.getByRole("combobox", { name: looseName(t(lang, "scenario.lab.drift")) }).selectOption("price-rise");
      const seed = values.getByRole("spinbutton", { name: looseName(t(lang, "scenario.lab.seed")) });
      await seed.fill("7");
      await seed.press("Tab");
      // And the class meets charges sent in agorot.
      await values.getByRole("checkbox", { name: t(lang, "incident.units.name"), exact: true }).check();

      await expect(page.getByText(fill(t(lang, "builder.summary"), { stops: 4, open: 1, controls: 14 }))).toBeVisible();
      const field = page.getByRole("textbox", { name: t(lang, "builder.link") });
      await expect(field).toHaveValue(/lesson=roles,drop,alert,lab&open=strength&/);
      const link = await field.inputValue();
      expect(link).toContain("seed=7");
      expect(link).toContain("drift=price-rise");
      expect(link).toMatch(/incidents=units(:|%3A)9/);
      expect(link).toContain(`/${lang}/roles?`);
      // A half-made lesson survives a reload of the builder.
      await page.reload();
      await expect(page.getByRole("textbox", { name: t(lang, "builder.link") })).toHaveValue(link);
      await expectNoAxeViolations(page);

      // A student opens it: Roles, with the lesson bar and only the lesson's sections.
      await page.goto(link);
      await ready(page);
      await expect(page.locator("main h1")).toHaveText(t(lang, "section.roles.title"));
      const bar = page.getByRole("complementary", { name: t(lang, "lesson.label") });
      await expect(bar).toContainText(fill(t(lang, "lesson.position"), { n: 1, total: 4 }));
      const nav = page.getByRole("navigation", { name: t(lang, "nav.label") });
      await expect(nav.getByRole("link", { name: t(lang, "section.roles.nav") })).toBeVisible();
      await expect(nav.getByRole("link", { name: t(lang, "section.tools.nav") })).toHaveCount(0);
      await expect(nav.getByRole("link", { name: t(lang, "section.glossary.nav") })).toHaveCount(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-lesson-roles`);

      // The pager walks the stops: the first scene of the lesson, its story two scenes long.
      await page.getByRole("link", { name: new RegExp(t(lang, "lesson.next")) }).click();
      await expect(page.getByRole("heading", { name: looseName(t(lang, "scenario.scene.drop.title")) })).toBeVisible();
      await expect(bar).toContainText(fill(t(lang, "lesson.position"), { n: 2, total: 4 }));
      await expect(page.getByText(fill(t(lang, "scenario.scene.position"), { n: 1, total: 2 }))).toBeVisible();
      await page.getByRole("button", { name: t(lang, "scenario.scene.next") }).click();
      await expect(page.getByRole("heading", { name: looseName(t(lang, "scenario.scene.alert.title")) })).toBeVisible();
      await expect(page.getByRole("button", { name: t(lang, "scenario.scene.next") })).toBeDisabled();
      // The keys walk on into the lab.
      await page.locator("main h1").focus();
      await pageUntil(page, "PageDown", page.getByRole("slider", { name: looseName(t(lang, "scenario.lab.strength")) }));
      await expect(page).toHaveURL(/mode=lab/);
      await expect(bar).toContainText(fill(t(lang, "lesson.position"), { n: 4, total: 4 }));

      // In the lab, only the strength can be changed; the fixed values hold.
      await expect(page.getByText(t(lang, "lesson.fixed"))).toBeVisible();
      await expect(page.getByRole("slider", { name: looseName(t(lang, "scenario.lab.strength")) })).toBeEnabled();
      await expect(page.getByRole("combobox", { name: looseName(t(lang, "scenario.lab.drift")) })).toBeDisabled();
      await expect(page.getByRole("combobox", { name: looseName(t(lang, "scenario.lab.drift")) })).toHaveValue("price-rise");
      await expect(page.getByRole("spinbutton", { name: looseName(t(lang, "scenario.lab.seed")) })).toBeDisabled();
      await expect(page.getByRole("spinbutton", { name: looseName(t(lang, "scenario.lab.seed")) })).toHaveValue("7");
      await expect(page.getByRole("slider", { name: looseName(t(lang, "scenario.lab.alert")) })).toBeDisabled();
      const units = page.getByRole("checkbox", { name: t(lang, "incident.units.name"), exact: true });
      await expect(units).toBeChecked();
      await expect(units).toBeDisabled();
      await expect(page.getByRole("heading", { name: t(lang, "incident.units.name"), exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-lesson-lab`);

      // A student who edits the address cannot unfix a control; the open one moves.
      const url = new URL(page.url());
      url.searchParams.set("seed", "99");
      url.searchParams.set("strength", "1.5");
      await page.goto(url.toString());
      await ready(page);
      await expect(page.getByRole("spinbutton", { name: looseName(t(lang, "scenario.lab.seed")) })).toHaveValue("7");
      await expect(page.getByRole("slider", { name: looseName(t(lang, "scenario.lab.strength")) })).toHaveValue("1.5");

      // Leaving the lesson gives the whole app back.
      await page.getByRole("button", { name: t(lang, "lesson.leave") }).click();
      await expect(bar).toHaveCount(0);
      await expect(nav.getByRole("link", { name: t(lang, "section.tools.nav") })).toBeVisible();
      await expect(page.getByRole("combobox", { name: looseName(t(lang, "scenario.lab.drift")) })).toBeEnabled();
    });

    test("a broken lesson link or saved lesson gives a notice, never a broken page", async ({ page }) => {
      await page.goto(`${lang}/roles?lesson=%3Cscript%3E,nowhere`);
      await ready(page);
      await expect(page.locator("main h1")).toHaveText(t(lang, "section.roles.title"));
      const notice = page.getByRole("status").filter({ hasText: "<script>" });
      await expect(notice).toBeVisible();
      await expect(page.getByRole("button", { name: t(lang, "lesson.leave") })).toHaveCount(0);
      await expectNoAxeViolations(page);

      // A corrupt lesson kept for the tab is dropped with a notice.
      await page.evaluate(() => sessionStorage.setItem("mlops-lab.lesson", JSON.stringify({ version: 1, value: "lesson=roles&seed=NaN" })));
      await page.goto(`${lang}/tools`);
      await ready(page);
      await expect(page.locator("main h1")).toHaveText(t(lang, "section.tools.title"));
      await expect(page.getByRole("status").filter({ hasText: fill(t(lang, "lesson.notice"), { names: "lesson" }) })).toBeVisible();
      expect(await page.evaluate(() => sessionStorage.getItem("mlops-lab.lesson"))).toBeNull();
      await expect(page.getByRole("button", { name: t(lang, "lesson.leave") })).toHaveCount(0);
    });
  });
}
