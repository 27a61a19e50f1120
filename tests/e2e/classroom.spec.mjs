// Classroom use: presenter mode for a projector (large type, a slide position, paging
// through every section and story scene with a clicker's keys, full screen) and embed
// mode for a learning platform's page, in both languages, checked with axe.
import { LANGS, SECTIONS, expect, expectNoAxeViolations, pageUntil, ready, screenshot, t, test } from "./fixtures.mjs";

const fill = (text, args) => Object.entries(args).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, v), text);
const TOTAL = 5 + 13 + 1; // five sections, the story's thirteen scenes and its lab

for (const lang of LANGS) {
  test.describe(`classroom in ${lang}`, () => {
    test("a presenter pages through the whole deck with a clicker's keys", async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`${lang}/?present`);
      await ready(page);
      await expect(page.locator("html")).toHaveAttribute("data-present", "");
      const position = (n) => page.getByText(fill(t(lang, "present.position"), { n, total: TOTAL }));
      await expect(position(1)).toBeVisible();
      await expect(page.getByRole("button", { name: t(lang, "present.switch") })).toHaveAttribute("aria-pressed", "true");
      await expect(page.getByRole("button", { name: t(lang, "present.fullscreen") })).toBeVisible();
      await expect(page.locator(".site-footer")).toBeHidden();
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-projector-present-home`);

      // Page Down walks a long section part by part, then on to the next: every press
      // moves, and the last part is on screen before the section is left.
      const scrolled = () => page.evaluate(() => window.scrollY);
      const pageTo = (n, key) => pageUntil(page, key, position(n));
      await pageTo(2, "PageDown");
      await page.keyboard.press("PageDown");
      await expect(position(2)).toBeVisible();
      expect(await scrolled()).toBeGreaterThan(0);
      await screenshot(page, `${lang}-projector-present-roles-part`);
      // The new section's heading has focus, without a ring around it.
      await pageTo(3, "PageDown");
      await expect(page.locator("main h1")).toBeFocused();
      expect(await page.locator("main h1").evaluate((h) => getComputedStyle(h).outlineStyle)).toBe("none");
      for (let n = 4; n <= 5; n++) await pageTo(n, "PageDown");
      await expect(page.getByRole("heading", { name: t(lang, "scenario.scene.problem.title") })).toBeVisible();
      // Space turns the scene like a clicker (after the rest of the scene, if any).
      await page.locator("main h1").focus();
      await pageTo(6, " ");
      await expect(page).toHaveURL(/scene=data/);
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-projector-present-scene`);

      // The mode stays on through navigation without the flag, and after a reload.
      await page.goto(`${lang}/glossary`);
      await expect(position(TOTAL)).toBeVisible();
      // Back from the glossary lands on the lab, its main chart and a few controls on the
      // first screen; back again, on the story's last scene.
      await pageTo(TOTAL - 1, "PageUp");
      await expect(page).toHaveURL(/mode=lab/);
      const f1 = page.getByRole("img", { name: t(lang, "scenario.chart.f1.title") });
      await expect(f1).toBeInViewport();
      await expect(page.getByLabel(t(lang, "scenario.lab.strength"))).toBeInViewport();
      // The chart's text is scaled up for the back row: 16 CSS px or more.
      const smallest = await f1.locator("svg").evaluate((svg) => {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return Math.min(...[...svg.querySelectorAll("text")].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
      });
      expect(smallest).toBeGreaterThanOrEqual(16);
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-projector-present-lab`);
      await page.reload();
      await expect(position(TOTAL - 1)).toBeVisible();
      await pageTo(TOTAL - 2, "PageUp");
      await expect(page.getByRole("heading", { name: t(lang, "scenario.scene.impact.title") })).toBeVisible();

      // The switch turns it off.
      await page.getByRole("button", { name: t(lang, "present.switch") }).click();
      await expect(page.locator("html")).not.toHaveAttribute("data-present", "");
      await expect(page.getByText(fill(t(lang, "present.position"), { n: TOTAL - 2, total: TOTAL }))).toHaveCount(0);
    });

    test("an embedded page has no site header or footer and still pages", async ({ page }) => {
      await page.goto(`${lang}/roles?embed`);
      await ready(page);
      await expect(page.getByRole("banner")).toHaveCount(0);
      await expect(page.getByRole("contentinfo")).toHaveCount(0);
      await expect(page.locator("main h1")).toHaveText(t(lang, "section.roles.title"));
      await page.getByRole("navigation", { name: t(lang, "pager.label") }).getByRole("link").last().click();
      await expect(page.locator("main h1")).toHaveText(t(lang, "section.lifecycle.title"));
      await expect(page.getByRole("banner")).toHaveCount(0);
      await expectNoAxeViolations(page);
      await screenshot(page, `${lang}-embed-lifecycle`);
    });

    test("a projected story slide shows the scene and its question on the first screen", async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await page.goto(`${lang}/scenario?scene=drop&present`);
      await ready(page);
      await expect(page.locator(".page.scenario > .lead")).toBeHidden();
      const reveal = page.getByRole("button", { name: t(lang, "scenario.predict.reveal") });
      const box = await reveal.boundingBox();
      expect(box.y + box.height).toBeLessThanOrEqual(1080);
      await screenshot(page, `${lang}-projector-story-slide`);
    });

    test("embed mode stays with its frame, not with the tab's later addresses", async ({ page }) => {
      await page.goto(`${lang}/roles?embed`);
      await ready(page);
      await expect(page.getByRole("banner")).toHaveCount(0);
      // An address typed afterwards in the same tab shows the whole site again.
      await page.goto(`${lang}/tools`);
      await ready(page);
      await expect(page.getByRole("banner")).toHaveCount(1);
      // In a learning platform's frame (another origin), a page loaded afresh stays embedded.
      const base = test.info().project.use.baseURL;
      await page.setContent(`<iframe title="MLOps Lab" src="${new URL(`${lang}/roles?embed`, base).href}" style="width:900px;height:700px"></iframe>`);
      const frame = page.frameLocator("iframe");
      await expect(frame.locator("main h1")).toHaveText(t(lang, "section.roles.title"));
      await expect(frame.getByRole("banner")).toHaveCount(0);
      await page.frames()[1].goto(new URL(`${lang}/lifecycle`, base).href);
      await expect(frame.locator("main h1")).toHaveText(t(lang, "section.lifecycle.title"));
      await expect(frame.getByRole("banner")).toHaveCount(0);
    });

    test("every section prints as a clean black-and-white handout", async ({ page }) => {
      await page.emulateMedia({ media: "print", colorScheme: "dark" });
      for (const section of SECTIONS) {
        await page.goto(`${lang}/${section.slug}${section.id === "scenario" ? "?mode=lab" : ""}`);
        await ready(page);
        await expect(page.getByRole("banner")).toBeHidden();
        await expect(page.getByRole("contentinfo")).toBeHidden();
        await expect(page.getByRole("navigation", { name: t(lang, "pager.label") })).toBeHidden();
        const colours = await page.evaluate(() => {
          const style = getComputedStyle(document.body);
          return [style.color, style.backgroundColor];
        });
        expect(colours).toEqual(["rgb(0, 0, 0)", "rgb(255, 255, 255)"]);
      }
      // The lab prints its charts in black and grey, without its controls.
      await page.goto(`${lang}/scenario?mode=lab`);
      await ready(page);
      await expect(page.locator(".lab-controls")).toHaveCount(1);
      await expect(page.getByRole("img", { name: t(lang, "scenario.chart.f1.title") })).toBeVisible();
      const ink = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--series-0").trim());
      expect(ink).toBe("#000");
      await expect(page.locator(".lab-controls")).toBeHidden();
      // In their place, the settings they hold.
      const settings = page.getByRole("region", { name: t(lang, "report.config") });
      await expect(settings).toBeVisible();
      await expect(settings).toContainText(t(lang, "scenario.lab.seed"));
      await expect(settings).toContainText(t(lang, "scenario.preset.article"));
      await screenshot(page, `${lang}-print-scenario-lab`);
      // The story prints as a handout of every scene, not the one on screen.
      await page.goto(`${lang}/scenario?scene=drop`);
      await ready(page);
      const handout = page.locator(".story-handout");
      await expect(handout).toBeVisible();
      await expect(handout.locator("h3")).toHaveCount(13);
      await expect(handout).toContainText(t(lang, "scenario.scene.impact.title"));
      await expect(page.locator("section.story")).toBeHidden();
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 4).toString()).toBe("%PDF");
    });
  });
}
