import { expect, test } from "@playwright/test";

// Loads the page (at "/" for project "root", at "/jixiao/" for project "subpath"),
// waits for the wasm app to mount, and takes a 1366x768 screenshot.
test("page loads and shows the heading", async ({ page }, testInfo) => {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");

  await expect(page).toHaveTitle("绩效目标表编制器");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { level: 1, name: "绩效目标表编制器" })).toBeVisible();

  await page.screenshot({
    path: `test-results/screenshots/smoke-${testInfo.project.name}-1366x768.png`,
    fullPage: false,
  });

  expect(problems).toEqual([]);
});
