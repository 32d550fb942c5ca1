import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";

// A panic in the page (a test build with the `panic-test` feature, served from
// dist-panic/ on port 4175): a banner says so and offers a backup of every
// draft, and after a reload the autosaved draft is there, whole.
const PANIC_BUILD = "http://127.0.0.1:4175/";

test("a crash shows a banner with a backup, and a reload brings the draft back", async ({
  page,
}, testInfo) => {
  test.skip(testInfo.project.name !== "root", "one test build, served once");
  await page.goto(PANIC_BUILD);
  const project = page.getByLabel("项目名称");
  await expect(project).toBeVisible();
  await project.fill("崩溃前写好的项目");
  await expect(page.locator("#save-status")).toContainText("已保存", { timeout: 3000 });

  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.keyboard.press("Control+Alt+Shift+F12");

  const banner = page.getByRole("alert").filter({ hasText: "程序出错了" });
  await expect(banner).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/crash-banner.png" });
  const backup = banner.getByRole("link", { name: "下载全部草稿的备份" });
  await expect(backup).toHaveAttribute("href", /^blob:/);
  const [download] = await Promise.all([page.waitForEvent("download"), backup.click()]);
  const saved = readFileSync(await download.path(), "utf8");
  const json = JSON.parse(saved);
  expect(json.format).toBe("jixiao-backup");
  expect(saved).toContain("崩溃前写好的项目");

  await banner.getByRole("link", { name: "重新载入页面" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("崩溃前写好的项目");
  await expect(page.getByRole("alert").filter({ hasText: "程序出错了" })).toHaveCount(0);
});
