// End-to-end tests: the release build in the system's Chromium (never a downloaded one).
// .ci/test.sh builds dist/ with the /mlops-lab/ sub-path and exports CHROME_PATH.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT || 4173);
const base = "/mlops-lab/";

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "tests/e2e/results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}${base}`,
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
  webServer: {
    command: `node .ci/static-server.mjs --dir ${process.env.E2E_DIST || "dist"} --port ${port} --base ${base}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
