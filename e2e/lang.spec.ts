import { expect, test, type Page } from "@playwright/test";

// The language switch: Chinese by default, English on request, remembered
// across reloads; labels, findings and the help page follow; what the
// author typed stays. Screenshots of both languages and of the help page
// go to e2e/screenshots/.

const shot = (page: Page, name: string, project: string, fullPage = false) =>
  page.screenshot({ path: `e2e/screenshots/lang-${name}-${project}.png`, fullPage });

test("switch to English and back; the choice survives a reload", async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.getByLabel("项目名称").fill("科技统计信息系统建设和运维");
  await page.getByLabel("预算数").fill("45.00");
  await page.getByLabel("财政资金").fill("40.00");
  await page.getByLabel("财政资金").blur();
  const summary = page.getByRole("region", { name: "检查结果" });
  await expect(summary).toContainText("不等于财政资金与其他资金之和");
  await shot(page, "zh", info.project.name);

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("button", { name: "中文" })).toBeFocused();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Performance Target Table Editor");
  // The typed text is still there under the English labels.
  await expect(page.getByLabel("Project name")).toHaveValue("科技统计信息系统建设和运维");
  await expect(page.getByRole("textbox", { name: "Budget", exact: true })).toHaveValue("45.00");
  const results = page.getByRole("region", { name: "Check results" });
  await expect(results).toBeVisible();
  await expect(results).not.toContainText("不等于");
  await expect(page.locator("#budget-sum")).toContainText("does not match");
  await expect(page.getByRole("button", { name: "New blank table" })).toBeVisible();
  await shot(page, "en", info.project.name);

  // Remembered: a reload comes up in English with the draft.
  await page.waitForTimeout(800); // autosave
  await page.reload();
  await expect(page.getByLabel("Project name")).toHaveValue("科技统计信息系统建设和运维");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("科技统计信息系统建设和运维");
  await expect(page.getByRole("region", { name: "检查结果" })).toContainText("不等于财政资金与其他资金之和");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
});

test("each finding links to its rule on the help page, and back", async ({ page }, info) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");
  await page.getByLabel("预算数").fill("45.00");
  await page.getByLabel("财政资金").fill("40.00");
  await page.getByLabel("财政资金").blur();
  const summary = page.getByRole("region", { name: "检查结果" });
  const link = summary.getByRole("link", { name: "规则说明：budget-sum" });
  await link.click();
  await expect(page).toHaveURL(/#help\/budget-sum$/);
  const row = page.locator("#rule-budget-sum");
  await expect(row).toBeFocused();
  await expect(row).toContainText("预算数");
  await expect(page.getByRole("heading", { name: "规则说明", level: 2 })).toBeVisible();
  // Every rule of the catalogue is listed with a bad and a good example.
  const rows = page.getByRole("table", { name: "全部规则" }).locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(20);
  await expect(page.getByRole("heading", { name: "满意度指标" })).toBeVisible();
  await shot(page, "help-zh", info.project.name);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Rule help", level: 2 })).toBeVisible();
  await shot(page, "help-en", info.project.name);
  await page.getByRole("button", { name: "中文" }).click();

  await page.getByRole("button", { name: "← 返回表格" }).click();
  await expect(page.getByLabel("预算数")).toHaveValue("45.00");
  await expect(summary.getByRole("link", { name: "规则说明：budget-sum" })).toBeVisible();
});
