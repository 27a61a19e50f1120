// Fuzzing the running app: thousands of random and hostile addresses (huge numbers, NaN,
// unknown keys, scripts in values, broken escapes, endless queries) are fed to one page
// through the history API, as the back and forward buttons do, and corrupt saved states
// are planted before loads. The app must always show a page, never the crash panel, and
// say so when it could not use part of a scenario link. A seeded generator keeps every
// run the same; `tests/input_fuzz.rs` does the same natively against the parsers.
import { SECTIONS, SUB_PATH, basePath, expect, ready, t, test } from "./fixtures.mjs";

// Mulberry32: a small seeded generator, so a failure can be replayed.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ["mode", "scene", "day", "preset", "seed", "n", "drift", "strength", "onset", "shape", "ramp",
  "delay", "alert", "policy", "bad", "arpu", "offer", "save", "months", "feature", "stat", "junk", "__proto__", ""];
const VALUES = ["NaN", "Infinity", "-1", "1e309", "99999999999999999999", "0.0000001", "", "%", "%zz", "%00",
  "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "lab", "story",
  "gate", "loop", "ignore,stale", "price-rise", "calls", "p", "1.05", "😀", "\u202e", "9".repeat(3000)];
const SEGMENTS = ["", "en", "he", "fr", "roles", "lifecycle", "tools", "scenario", "glossary", "..", "%2e%2e",
  "index.html", "<b>", "mlops-lab"];

function randomAddress(random, base) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const path = Array.from({ length: Math.floor(random() * 4) }, () => pick(SEGMENTS)).join("/");
  const params = Array.from({ length: Math.floor(random() * 12) }, () => {
    const value = random() < 0.2 ? String(random() * 10 ** Math.floor(random() * 12 - 4)) : pick(VALUES);
    return `${encodeURIComponent(pick(KEYS))}=${random() < 0.5 ? encodeURIComponent(value) : value}`;
  });
  return `${base}${path}${params.length ? `?${params.join("&")}` : ""}`;
}

test("thousands of random and hostile addresses always show a page", SUB_PATH, async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  // From the scenario's page, whose binary draws every page (the sections' binary sends a
  // scenario address to the server instead, which "a section's page loads without the
  // scenario's code" checks).
  await page.goto("en/scenario");
  await ready(page);
  const random = generator(20261126);
  // Under the sub-path a fifth as many: the parsing is the one the root build fuzzes, and
  // what differs, the prefix every address carries, shows in the first few hundred.
  const count = basePath(baseURL) === "/" ? 2000 : 400;
  const addresses = Array.from({ length: count }, () => randomAddress(random, basePath(baseURL)));
  const failures = await page.evaluate(async (addresses) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const failed = [];
    for (const address of addresses) {
      try {
        history.pushState(null, "", address);
      } catch {
        continue; // The browser itself refused the address.
      }
      dispatchEvent(new PopStateEvent("popstate"));
      await frame();
      // A page whose strings are still on their way shows once they are in.
      const shown = () => document.querySelector("main h1")?.textContent.trim();
      for (let frames = 0; frames < 120 && !shown() && !document.getElementById("fatal-error"); frames++) {
        await frame();
      }
      if (document.getElementById("fatal-error") || !shown()) {
        failed.push(address);
        if (failed.length > 5) break;
      }
    }
    return failed;
  }, addresses);
  expect(failures).toEqual([]);
  expect(errors).toEqual([]);
});

test("hostile scenario links fall back with a notice in both modes", async ({ page }) => {
  for (const query of [
    "mode=lab&strength=NaN&n=1e309&seed=-1",
    "mode=lab&day=99999&feature=<script>&stat=%zz",
    "scene=nowhere&preset=__proto__&drift=javascript:alert(1)",
    `mode=lab&alert=${"9".repeat(3000)}&bad=all`,
    "mode=lab&onset=56&ramp=1&horizon=28&delay=35",
  ]) {
    await page.goto(`he/scenario?${query}`);
    await ready(page);
    await expect(page.locator("#fatal-error")).toHaveCount(0);
    await expect(page.locator(".notice[role=status]")).toBeVisible();
    await expect(page.locator("main h1")).toHaveText(t("he", "section.scenario.title"));
  }
});

test("corrupt saved states are discarded and every page still opens", async ({ page }) => {
  const plant = () =>
    page.evaluate(() => {
      const junk = [
        "<script>alert(1)</script>",
        "\u0000\uffff",
        "{\"a\":",
        "9".repeat(10000),
        '{"version":1,"value":{"sections":255,"last":"//evil.example"}}',
        '{"version":2,"value":[0]}',
        '{"version":1,"value":"x","more":1}',
      ];
      const keys = ["lang", "theme", "sort-roles", "quiz-roles", "quiz-lifecycle", "quiz-tools", "journey"];
      keys.forEach((key, i) => localStorage.setItem(`mlops-lab.${key}`, junk[i % junk.length]));
    });
  await page.goto("en/");
  await ready(page);
  for (const lang of ["en", "he"]) {
    for (const section of SECTIONS) {
      await plant();
      await page.goto(`${lang}/${section.slug}`);
      await ready(page);
      await expect(page.locator("#fatal-error")).toHaveCount(0);
      if (section.id === "roles") {
        // The exercise and the self-check say they started afresh.
        await expect(page.getByText(t(lang, "roles.sort.corrupt"))).toBeVisible();
        await expect(page.getByText(t(lang, "quiz.corrupt"))).toBeVisible();
      }
    }
  }
});
