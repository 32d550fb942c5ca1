import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { expectAccessible } from "./axe";

// axe-core on every screen of the page, in both languages; no serious or
// critical violation may remain. (The conflict dialog is checked in
// drafts.spec.ts, where two tabs produce it.)

// axe is injected through the DevTools protocol, which the page CSP does not block.

const fixture = readFileSync("tests/fixtures/tianjin-2025-tables-1-8.txt", "utf8");

async function openExample(page: Page) {
  await page.goto("./");
  await page.getByLabel("从示例开始").selectOption({ index: 1 });
  await expect(page.getByLabel("项目名称")).not.toHaveValue("");
}

test("editor: empty, with findings shown, and an example table", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByLabel("项目名称")).toBeVisible();
  await expectAccessible(page, "empty editor");
  // Open the check: every finding is shown at its field.
  await page.getByRole("navigation", { name: "填报步骤" }).getByRole("link", { name: /检查结果/ }).click();
  await expect(page.getByRole("region", { name: "检查结果" }).getByRole("listitem").first()).toBeVisible();
  await expectAccessible(page, "empty editor with findings");
  await openExample(page);
  await page.getByLabel("指标值 第1行").fill("105%");
  await page.getByLabel("指标值 第1行").blur();
  await expectAccessible(page, "example table with a finding");
});

test("draft box", async ({ page }) => {
  await openExample(page);
  await page.locator("#draftbox-toggle").click();
  await expect(page.getByRole("region", { name: "草稿箱" })).toBeVisible();
  await expectAccessible(page, "draft box");
});

test("import dialog with a preview", async ({ page }) => {
  await page.goto("./");
  await page.getByRole("button", { name: "导入…" }).click();
  const dialog = page.getByRole("dialog", { name: "导入绩效目标表" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, "import dialog");
  await dialog.getByRole("textbox").first().fill(fixture);
  await expect(dialog.getByRole("button", { name: "导入 8 张表" })).toBeVisible();
  await expectAccessible(page, "import dialog with preview");
});

test("export menu, share dialog and print view", async ({ page }) => {
  await openExample(page);
  await page.getByRole("button", { name: "导出 ▾" }).click();
  await expect(page.getByRole("menuitem").first()).toBeVisible();
  await expectAccessible(page, "export menu");
  await page.getByRole("menuitem", { name: "分享链接…" }).click();
  await expect(page.getByRole("dialog", { name: "分享此表" })).toBeVisible();
  await expectAccessible(page, "share dialog");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "导出 ▾" }).click();
  await page.getByRole("menuitem", { name: "打印本表…" }).click();
  await expect(page.getByRole("region", { name: "打印预览" })).toBeVisible();
  await expectAccessible(page, "print view");
});

test("rule help page, in both languages", async ({ page }) => {
  await page.goto("./#help");
  await expect(page.getByRole("heading", { name: "规则说明", level: 2 })).toBeVisible();
  await expectAccessible(page, "help page");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Rule help", level: 2 })).toBeVisible();
  await expectAccessible(page, "help page (English)");
});

test("editor in English", async ({ page }) => {
  await openExample(page);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByLabel("Project name")).toBeVisible();
  await page.getByRole("navigation", { name: "Steps" }).getByRole("link", { name: /Check results/ }).click();
  await expectAccessible(page, "English editor");
});
