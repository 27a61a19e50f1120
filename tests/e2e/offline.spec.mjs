// Offline use: after one visit the service worker holds the whole release build, so every
// page, the lab and its simulation worker keep working with the network off (a classroom
// with bad Wi-Fi); a new release makes the browser replace the stored copy.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, ready, t, test } from "./fixtures.mjs";

const cacheNames = (page) => page.evaluate(() => caches.keys());

test("after one visit the app works offline, and a new release replaces its copy", async ({ page, context }) => {
  const swPath = `${test.info().project.metadata.dist}/sw.js`;
  await page.goto("en/");
  await ready(page);
  // The worker installs, stores the build and takes control of the page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const version = readFileSync(swPath, "utf8").match(/const VERSION = "([0-9a-f]+)"/)[1];
  expect(await cacheNames(page)).toEqual([`mlops-lab-${version}`]);

  await context.setOffline(true);
  for (const [path, key] of [
    ["he/tools", "section.tools.title"],
    ["en/glossary", "section.glossary.title"],
    ["he/", "home.title"],
  ]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toHaveText(t(path.slice(0, 2), key));
  }
  // The lab reruns its simulation offline: its worker loads the stored module.
  await page.goto("en/scenario?mode=lab");
  await ready(page);
  // (Its text, not its rendered text: the lab lays out only what is on screen.)
  const summary = await page.locator("table.summary").textContent();
  await page.getByLabel(t("en", "scenario.lab.strength")).focus();
  await page.keyboard.press("Home");
  await expect(page).toHaveURL(/strength=0/);
  await expect(page.locator(".lab-results")).toHaveAttribute("aria-busy", "false");
  await expect.poll(() => page.locator("table.summary").textContent()).not.toBe(summary);
  await context.setOffline(false);

  // A new release: any changed file changes the worker's version; the browser installs
  // the new worker, which deletes the old copy when it takes over.
  const original = readFileSync(swPath, "utf8");
  const next = "0123456789abcdef";
  try {
    writeFileSync(swPath, original.replace(`const VERSION = "${version}"`, `const VERSION = "${next}"`));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect.poll(() => cacheNames(page), { timeout: 30_000 }).toEqual([`mlops-lab-${next}`]);
  } finally {
    writeFileSync(swPath, original);
  }
});
