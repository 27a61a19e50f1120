// End-to-end tests: the release build in the system's Chromium (never a downloaded one),
// served as a static host serves it, twice: under a sub-path (dist/, built with
// `--public-url /mlops-lab/`) and at a site's root (dist-root/). .ci/test.sh builds both
// and exports CHROME_PATH. `npx playwright test --project root` runs one of them.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 4173);
const sites = [
  { name: "sub-path", dir: process.env.E2E_DIST || "dist", port, base: "/mlops-lab/" },
  { name: "root", dir: process.env.E2E_DIST_ROOT || "dist-root", port: port + 1, base: "/" },
];
const address = (site) => `http://127.0.0.1:${site.port}${site.base}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    locale: "en-US",
    launchOptions: {
      executablePath: process.env.CHROME_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: sites.map((site) => ({
    command: `node .ci/static-server.mjs --dir ${site.dir} --port ${site.port} --base ${site.base}`,
    url: address(site),
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  })),
  // The offline test publishes a new release by rewriting the build's sw.js, which every
  // page open on that build would install: it runs alone, after the others.
  projects: [
    ...sites.map((site) => ({
      name: site.name,
      testIgnore: /offline\.spec/,
      // Everything runs at the site's root; under the sub-path, the tests tagged
      // `@sub-path` (SUB_PATH in fixtures.mjs): those whose outcome depends on the base.
      grep: site.base === "/" ? undefined : /@sub-path/,
      // The build's folder, for the tests that read or change its files.
      metadata: { dist: site.dir },
      use: { browserName: "chromium", baseURL: address(site) },
    })),
    ...sites.map((site) => ({
      name: `${site.name} offline`,
      testMatch: /offline\.spec/,
      dependencies: sites.map((s) => s.name),
      metadata: { dist: site.dir },
      use: { browserName: "chromium", baseURL: address(site) },
    })),
  ],
});
