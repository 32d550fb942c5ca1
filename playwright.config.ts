import { defineConfig } from "@playwright/test";

// End-to-end tests against the release build in dist/ (run `trunk build --release` first;
// scripts/test does). Uses Debian's /usr/bin/chromium: never run `playwright install`.
// Shared with bench/playwright.config.ts.
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
    // Playwright creates a fresh profile (user data dir) per browser context.
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  projects: [
    { name: "root", use: { baseURL: "http://127.0.0.1:4173/" } },
    // Same build under a sub-path: only works if asset URLs are relative.
    { name: "subpath", use: { baseURL: "http://127.0.0.1:4174/jixiao/" } },
  ],
  webServer: [
    {
      command: "node e2e/serve.mjs dist 4173 /",
      url: "http://127.0.0.1:4173/",
      reuseExistingServer: false,
      timeout: 15_000,
    },
    {
      // The panic-test build (scripts/test builds it into dist-panic/).
      command: "node e2e/serve.mjs dist-panic 4175 /",
      url: "http://127.0.0.1:4175/",
      reuseExistingServer: false,
      timeout: 15_000,
    },
    {
      command: "node e2e/serve.mjs dist 4174 /jixiao/",
      url: "http://127.0.0.1:4174/jixiao/",
      reuseExistingServer: false,
      timeout: 15_000,
    },
  ],
});
