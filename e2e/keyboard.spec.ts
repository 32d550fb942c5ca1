import { expect, test, type Locator, type Page } from "@playwright/test";

// The whole editor by keyboard alone: no clicks and no fill(). Focus moves
// with Tab / Shift+Tab and controls are used with Enter and typing, as a
// keyboard-only author would. Locators only *check* where focus is.

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab (or Shift+Tab) until `target` has focus. */
async function tabTo(page: Page, target: Locator, back = false) {
  for (let i = 0; i < 400; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

test("fill a table, add, move and remove rows, follow a finding: keyboard only", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");
  await expect(page.getByLabel("项目名称")).toBeVisible();
  const counts = page.locator(".overall .counts");

  await typeInto(page, page.getByLabel("单位编码"), "331202");
  await typeInto(page, page.getByLabel("单位名称"), "天津市科学技术发展战略研究院");
  await typeInto(page, page.getByLabel("项目名称"), "科技统计信息系统建设和运维");
  await typeInto(page, page.getByLabel("预算数"), "45.00");
  await typeInto(page, page.getByLabel("财政资金"), "40.00");
  await page.keyboard.press("Tab");
  await expect(page.locator("#budget-sum")).toContainText("合计不符");
  // Screen readers hear the new counts once typing pauses (a polite status).
  const announcer = page.getByRole("status").filter({ hasText: "检查结果已更新" });
  await expect(announcer).toHaveAttribute("aria-live", "polite");
  await expect(announcer).toContainText(/错误 \d+，警告 \d+，提示 \d+。/);

  // A finding in the check list takes focus to its field.
  const summary = page.getByRole("region", { name: "检查结果" });
  const finding = summary.getByRole("button", { name: /预算数.*不等于/ });
  await tabTo(page, finding);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("预算数")).toBeFocused();
  await typeInto(page, page.getByLabel("其他资金"), "5.00");
  await expect(page.locator("#budget-sum")).toContainText("合计相符");

  await typeInto(page, page.getByLabel("资金用途", { exact: true }), "保障科技统计信息系统的等级保护测评和日常运维。");
  await typeInto(page, page.getByLabel("绩效目标 1", { exact: true }), "完成信息系统等级保护测评。");

  // Rows: Enter on a group's 新增指标 puts focus in the new row's name.
  const addRow = async (group: string, n: number, name: string, value: string) => {
    await tabTo(page, page.getByRole("button", { name: `新增指标（${group}）` }));
    await page.keyboard.press("Enter");
    await expect(page.getByLabel(`三级指标 第${n}行`)).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(`绩效指标描述 第${n}行`)).toBeFocused();
    await page.keyboard.type(name);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(`指标值 第${n}行`)).toBeFocused();
    await page.keyboard.type(value);
  };
  await addRow("产出指标/数量指标", 1, "测评系统数", "3个");
  await addRow("产出指标/数量指标", 2, "风险评估报告", "1份");
  await addRow("效益指标/社会效益指标", 3, "系统正常运行率", "≥95%");
  await addRow("满意度指标/服务对象满意度指标", 4, "用户满意度", "≥90%");

  // Move row 2 up: the rows swap and focus stays on the moved row's button.
  await tabTo(page, page.getByRole("button", { name: "上移 第2行" }), true);
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("风险评估报告");
  await expect(page.getByLabel("三级指标 第2行")).toHaveValue("测评系统数");
  await expect(page.getByRole("button", { name: "下移 第1行" })).toBeFocused();

  // Remove it again: focus goes to the row that took its place.
  await tabTo(page, page.getByRole("button", { name: "删除 第1行" }));
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("测评系统数");
  const focusedRow = await page.evaluate(() => document.activeElement?.closest("tr")?.querySelector("textarea")?.value);
  expect(focusedRow).toBe("测评系统数");

  // Undo by keyboard brings the row back; redo removes it.
  await page.keyboard.press("Control+z");
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("风险评估报告");
  await page.keyboard.press("Control+y");
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("测评系统数");

  await expect(counts).toContainText("错误 0");
  // The language switch works from the keyboard too.
  await tabTo(page, page.getByRole("button", { name: "English" }), true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "中文" })).toBeFocused();
  await expect(page.getByLabel("Project name")).toHaveValue("科技统计信息系统建设和运维");
});

test("every control shows a visible focus ring", async ({ page }) => {
  await page.goto("./");
  await expect(page.getByLabel("项目名称")).toBeVisible();
  const seen = new Set<string>();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
      const shadow = s.boxShadow !== "none";
      return { id: el.id || el.tagName + ":" + (el.getAttribute("aria-label") ?? el.textContent ?? ""), ok: outline || shadow };
    });
    if (!ring) continue;
    seen.add(ring.id);
    expect(ring.ok, `no focus ring on ${ring.id}`).toBe(true);
  }
  expect(seen.size).toBeGreaterThan(15);
});
