import { defineConfig } from "@playwright/test";
import { chromiumArgs } from "../playwright.config";

// Browser benchmarks (not part of scripts/test): scripts/bench runs them
// against the release build in dist/, in Debian's headless Chromium.
export default defineConfig({
  testDir: ".",
  testMatch: /.*\.bench\.ts/,
  outputDir: "../test-results/bench",
  workers: 1,
  timeout: 300_000,
  reporter: [["list"]],
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
    baseURL: "http://127.0.0.1:4180/",
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: chromiumArgs,
    },
  },
  webServer: {
    command: "node e2e/serve.mjs dist 4180 /",
    cwd: "..",
    url: "http://127.0.0.1:4180/",
    reuseExistingServer: false,
    timeout: 15_000,
  },
});
