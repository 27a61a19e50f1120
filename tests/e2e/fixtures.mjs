// Shared fixtures: the locale files (so every spec runs in both languages and asserts the
// same text the app shows), the section list, an axe-core check, screenshots, and a guard
// that fails any test whose page (or browser context) contacts an origin other than the
// app's own.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";

function parseLocale(lang) {
  const dir = new URL(`../../src/i18n/${lang}/`, import.meta.url);
  const strings = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    for (const raw of readFileSync(new URL(file, dir), "utf8").split("\n")) {
      const line = raw.trim();
      if (!line || line.startsWith("#")) continue;
      const at = line.indexOf(" = ");
      strings[line.slice(0, at).trim()] = line.slice(at + 3).trim();
    }
  }
  return strings;
}

export const LANGS = ["en", "he"];
export const locales = { en: parseLocale("en"), he: parseLocale("he") };
export const t = (lang, key) => {
  const value = locales[lang][key];
  if (value === undefined) throw new Error(`missing locale key ${lang}:${key}`);
  return value;
};

// Mirrors `Section::ALL` and `Section::slug` in src/sections.rs (a native test checks
// that this list matches the enum).
export const SECTIONS = [
  { id: "home", slug: "" },
  { id: "roles", slug: "roles" },
  { id: "lifecycle", slug: "lifecycle" },
  { id: "tools", slug: "tools" },
  { id: "scenario", slug: "scenario" },
  { id: "glossary", slug: "glossary" },
];

export const sectionPath = (lang, section) => `${lang}/${section.slug}`;

// The tag of the tests whose outcome depends on where the site is served (its links,
// deep links and reloads, the files a page names, the worker's and the lazy part's
// addresses, shared and lesson links, the offline copy's scope). The sub-path project
// runs only these; the site-root project runs every test. Used as `test(title, SUB_PATH, fn)`.
export const SUB_PATH = { tag: "@sub-path" };
// The same tag for a test written once per language whose path handling does not depend on
// the language: the sub-path build runs its English copy only.
export const subPathIn = (lang) => (lang === "en" ? SUB_PATH : {});

export const SCREENSHOT_DIR = new URL("./screenshots/", import.meta.url);
mkdirSync(SCREENSHOT_DIR, { recursive: true });

/// Saves a full-page screenshot as `screenshots/NAME.png`, or under `screenshots/root/` for
/// the build served at a site's root.
export async function screenshot(page, name) {
  const folder = test.info().project.name.startsWith("root") ? new URL("root/", SCREENSHOT_DIR) : SCREENSHOT_DIR;
  mkdirSync(folder, { recursive: true });
  // From the top, so the sticky header sits where a reader sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  // Parts the browser skips while off screen (`content-visibility: auto`) are rendered as a
  // reader scrolling to them sees them; a full-page capture would leave them blank.
  const skipped = await page.evaluate(() => {
    const parts = [...document.querySelectorAll("*")].filter((e) => getComputedStyle(e).contentVisibility === "auto");
    for (const part of parts) part.style.contentVisibility = "visible";
    return parts.length;
  });
  await page.screenshot({ path: new URL(`${name}.png`, folder).pathname, fullPage: true });
  if (skipped) {
    await page.evaluate(() => {
      for (const part of document.querySelectorAll("*")) if (part.style.contentVisibility) part.style.contentVisibility = "";
    });
  }
}

export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, summary.join("\n")).toEqual([]);
}

/// Waits until the app has rendered a page heading.
export async function ready(page) {
  // The app's own main (a release page shows a plain-HTML opening inside a wrapper first).
  await expect(page.locator("body > main h1")).toBeVisible();
}

/// Watches a page, or a whole browser context a test opens itself, and returns the check
/// to run once the test is done with it. The check fails on a request to any origin but
/// the app's own, a response that failed (a 404 for a file the page names, say), a console
/// error, an uncaught error or anything the Content-Security-Policy blocked, unless it
/// matches one of the `expected` patterns (for a failure a test causes on purpose):
///
///   const context = await browser.newContext();
///   const check = guard(context, baseURL);
///   … use the context …
///   check();
export function guard(target, baseURL, expected = []) {
  const origin = new URL(baseURL).origin;
  const foreign = [];
  const failures = [];
  const allowed = (text) => expected.some((pattern) => pattern.test(text));
  target.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  target.on("response", (response) => {
    const text = `${response.status()} ${response.url()}`;
    if (response.status() >= 400 && !allowed(text)) failures.push(text);
  });
  target.on("console", (message) => {
    const text = `console ${message.type()}: ${message.text()}`;
    if ((message.type() === "error" || /Content.Security.Policy/i.test(message.text())) && !allowed(text)) failures.push(text);
  });
  target.on(target.pages ? "weberror" : "pageerror", (error) => {
    const text = `uncaught: ${String(error.error ? error.error() : error)}`;
    if (!allowed(text)) failures.push(text);
  });
  return () => {
    expect(foreign, "requests to other origins").toEqual([]);
    expect(failures, "failed responses, console errors and uncaught errors").toEqual([]);
  };
}

export const test = base.extend({
  // The failures a test expects (for example a worker made to fail on purpose): each a
  // pattern that a failed response (`503 http://…`), console message (`console error: …`)
  // or uncaught error (`uncaught: …`) must match to be let through.
  pageErrors: async ({}, use) => {
    const expected = [];
    await use({ expect: (pattern) => expected.push(pattern), expected });
  },
  page: async ({ page, baseURL, pageErrors }, use) => {
    const check = guard(page, baseURL, pageErrors.expected);
    await use(page);
    check();
  },
});

/// The path the app is served under (`/mlops-lab/` or `/`), from the project's base URL.
export const basePath = (baseURL) => new URL(baseURL).pathname;

export { expect };

// An accessible name as a pattern: Chromium adds spaces around the <bdi> runs that isolate
// Latin words in Hebrew text, so the name is matched with any spacing, whole.
const esc = (c) => c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
export const looseName = (text) => new RegExp(`^\\s*${[...text.replace(/\s+/g, "")].map(esc).join("\\s*")}\\s*$`);

/// Presses a paging key until `target` shows, as a reader paging through a long page does:
/// Page Down and Page Up walk a page part by part before leaving it. Each press must move
/// the page or reach the target.
export async function pageUntil(page, key, target, presses = 40) {
  const scrolled = () => page.evaluate(() => window.scrollY);
  for (let i = 0; i < presses && !(await target.isVisible()); i++) {
    const before = await scrolled();
    const address = page.url();
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
    if (!(await target.isVisible()) && page.url() === address) expect(await scrolled()).not.toBe(before);
  }
  await expect(target).toBeVisible();
}
