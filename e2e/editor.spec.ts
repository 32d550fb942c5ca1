import { expect, test, type Page } from "@playwright/test";
import { watchProblems } from "./support";

// The editor, driven only by accessible names (what a screen reader user
// hears): fills a whole table from empty, watches findings appear and clear,
// loads an example table. Writes screenshots at 1366x768 to e2e/screenshots/.

const shot = (page: Page, name: string, project: string, fullPage = false) =>
  page.screenshot({ path: `e2e/screenshots/editor-${name}-${project}.png`, fullPage });

test("fill a whole table from empty, fixing what the check finds", async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");
  const summary = page.getByRole("region", { name: "检查结果" });
  const nav = page.getByRole("navigation", { name: "填报步骤" });
  await expect(summary).toBeVisible();

  // 1. 基本信息
  await page.getByLabel("单位编码").fill("331202");
  await page.getByLabel("单位名称").fill("天津市科学技术发展战略研究院");
  await page.getByLabel("项目名称").fill("科技统计信息系统建设和运维");
  await expect(page.getByLabel("金额单位")).toHaveValue("万元");

  // 2. 预算: a sum that does not add up is shown at once, and in the check.
  await page.getByLabel("预算数").fill("45.00");
  await page.getByLabel("财政资金").fill("40.00");
  await page.getByLabel("财政资金").blur();
  await expect(page.locator("#budget-sum")).toContainText("相差 5 万元");
  await expect(summary).toContainText("不等于财政资金与其他资金之和");
  await expect(nav.getByRole("link", { name: /预算/ })).toContainText("错误 1");
  await page.getByLabel("预算数").focus();
  await page.getByLabel("预算数").blur();
  await expect(page.getByLabel("预算数")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("其他资金").fill("5.00");
  await expect(page.locator("#budget-sum")).toContainText("合计相符");
  await expect(summary).not.toContainText("不等于财政资金与其他资金之和");
  await expect(page.getByLabel("预算数")).not.toHaveAttribute("aria-invalid", "true");

  // 3. 资金用途, 4. 绩效目标
  await page.getByLabel("资金用途", { exact: true }).fill("保障科技统计信息系统的等级保护测评、风险评估和日常运维。");
  await page.getByLabel("绩效目标 1", { exact: true }).fill("完成信息系统等级保护测评和风险评估。");
  await page.getByRole("button", { name: "＋ 新增目标" }).click();
  await page.getByLabel("绩效目标 2", { exact: true }).fill("保障系统全年稳定运行，服务各级用户。");

  // 5. 绩效指标, one 二级 after another.
  const row = async (add: string, n: number, name: string, value: string) => {
    await page.getByRole("button", { name: add }).click();
    await expect(page.getByLabel(`三级指标 第${n}行`)).toBeFocused();
    await page.getByLabel(`三级指标 第${n}行`).fill(name);
    await page.getByLabel(`绩效指标描述 第${n}行`).fill(name);
    await page.getByLabel(`指标值 第${n}行`).fill(value);
    await page.getByLabel(`指标值 第${n}行`).blur();
  };
  await row("新增指标（产出指标/数量指标）", 1, "等级保护和风险评估数量", "3个");
  await expect(page.getByLabel("一级指标 第1行")).toHaveValue("产出指标");
  await expect(page.getByLabel("二级指标 第1行")).toHaveValue("数量指标");

  // A percentage over 100 is an error at its field and in the check.
  await row("新增指标（产出指标/质量指标）", 2, "测评通过率", "105%");
  const quality = page.getByLabel("指标值 第2行");
  await expect(quality).toHaveAttribute("aria-invalid", "true");
  await expect(summary).toContainText("超过 100%");
  const describedBy = (await quality.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`#${describedBy.split(" ")[0]}`)).toContainText("超过 100%");
  await quality.fill("≥95百分比");
  // How the value was read shows as it is typed.
  await expect(page.locator("tr", { has: quality })).toContainText("≥ 95 %（百分比）");
  await expect(quality).not.toHaveAttribute("aria-invalid", "true");
  await expect(summary).not.toContainText("超过 100%");

  await row("新增指标（产出指标/时效指标）", 3, "完成任务时间", "≤12月");

  // A cost over the budget.
  await row("新增指标（产出指标/成本指标）", 4, "经费总额", "≤50万元");
  await expect(page.getByLabel("指标值 第4行")).toHaveAttribute("aria-invalid", "true");
  await expect(summary).toContainText("超过预算数 45.00 万元");
  await page.getByLabel("指标值 第4行").scrollIntoViewIfNeeded();
  await shot(page, "errors-indicators", testInfo.project.name);
  await summary.scrollIntoViewIfNeeded();
  await shot(page, "errors-summary", testInfo.project.name);
  await page.getByLabel("指标值 第4行").fill("≤45万元");
  await expect(summary).not.toContainText("超过预算数");
  await expect(page.getByLabel("指标值 第4行")).not.toHaveAttribute("aria-invalid", "true");

  await row("新增指标（效益指标/社会效益指标）", 5, "服务各级系统用户数", "≥5000家");

  // No 满意度 row yet: the check says which 一级 is missing.
  await expect(summary).toContainText("缺少一级指标「满意度指标」");
  await expect(nav.getByRole("link", { name: /绩效指标/ })).toContainText("错误 1");
  await row("新增指标（满意度指标/服务对象满意度指标）", 6, "服务对象满意度", "≥95%");
  await expect(summary).not.toContainText("缺少一级指标");

  // 6. 检查结果: no error left.
  await expect(summary).toContainText("错误 0");
  await expect(nav.getByRole("link", { name: /检查结果/ })).toContainText("无错误");

  const project = testInfo.project.name;
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "filled-top", project);
  await page.locator("#sec-indicators").scrollIntoViewIfNeeded();
  await page.evaluate(() => document.getElementById("sec-indicators")!.scrollIntoView());
  await shot(page, "filled-indicators", project);
  await shot(page, "filled-full", project, true);

  expect(problems).toEqual([]);
});

test("a finding in the summary takes the author to its field", async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  await page.goto("./");
  const summary = page.getByRole("region", { name: "检查结果" });
  await summary.getByRole("button", { name: /项目名称/ }).click();
  await expect(page.getByLabel("项目名称")).toBeFocused();
  // Opening the summary shows every field's findings in place.
  await expect(page.getByLabel("项目名称")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#sec-basic")).toContainText("请填写项目名称");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "blank-revealed", testInfo.project.name);

  await page.getByRole("button", { name: "新增指标（产出指标/数量指标）" }).click();
  await summary.getByRole("button", { name: /第 1 行指标 · 指标值/ }).click();
  await expect(page.getByLabel("指标值 第1行")).toBeFocused();
  expect(problems).toEqual([]);
});

test("start from an example table: no errors", async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  page.on("dialog", (d) => d.accept());
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");
  await page.getByLabel("从示例开始").selectOption({ label: "示例 5：技术市场服务（60.00 万元）" });
  await expect(page.getByLabel("项目名称")).toHaveValue("技术市场服务");
  await expect(page.getByLabel("预算数")).toHaveValue("60.00");
  await expect(page.getByLabel("三级指标 第9行")).toHaveValue("技术转移机构人员满意度");
  const summary = page.getByRole("region", { name: "检查结果" });
  await expect(summary).toContainText("错误 0");
  await expect(summary).toContainText("警告 0");

  // Switching to the 2021 framework moves the cost row under 成本指标.
  await page.getByLabel("指标体系").selectOption("2021");
  await expect(page.getByLabel("一级指标 第1行")).toHaveValue("成本指标");
  await expect(page.getByLabel("二级指标 第1行")).toHaveValue("经济成本指标");
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("经费总额");
  await expect(summary).toContainText("错误 0");
  await page.getByLabel("指标体系").selectOption("2020");

  // 新建空白表 starts a new, empty draft; the example stays in the draft box.
  await page.getByRole("button", { name: "新建空白表" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("");
  await expect(page.locator("#draftbox-toggle")).toContainText("2");
  await page.getByLabel("从示例开始").selectOption({ index: 1 });
  await expect(page.getByLabel("项目名称")).toHaveValue("科技统计信息系统建设和运维");
  await expect(summary).toContainText("错误 0");

  const project = testInfo.project.name;
  await shot(page, "example-top", project);
  await page.evaluate(() => document.getElementById("sec-indicators")!.scrollIntoView());
  await shot(page, "example-indicators", project);
  expect(problems).toEqual([]);
});

test("the indicator rows line up under their headings, a finding spanning to the right edge", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");
  await page.getByLabel("从示例开始").selectOption({ index: 2 });
  // The example arrives from the formats worker as a new draft.
  await expect(page.getByLabel("项目名称")).toHaveValue("2025年度科技重大专项监督评估与诚信管理");
  await page.getByLabel("指标值 第1行").fill("≥abc");
  await page.getByLabel("指标值 第1行").blur();
  const table = page.getByRole("table", { name: "绩效指标" });
  const finding = table.locator(".msg-row .msg-cell", { hasText: "≥abc" });
  await expect(finding).toContainText("指标值");
  const right = (b: { x: number; width: number } | null) => Math.round(b!.x + b!.width);
  for (const width of [1366, 1024, 800]) {
    await page.setViewportSize({ width, height: 768 });
    await finding.scrollIntoViewIfNeeded();
    const tableBox = await table.boundingBox();
    // The finding's cell reaches the table's right edge, as every row does.
    expect(right(await finding.boundingBox()), `at ${width} px`).toBe(right(tableBox));
    expect(right(await table.locator("tr.add-line").first().boundingBox())).toBe(right(tableBox));
    // Each column's heading sits over that column's cells.
    const heads = table.getByRole("columnheader");
    const cells = table.locator("tr.ind-row").first().getByRole("cell");
    const n = await heads.count();
    expect(await cells.count()).toBe(n);
    for (let i = 0; i < n; i++) {
      const [h, c] = [await heads.nth(i).boundingBox(), await cells.nth(i).boundingBox()];
      expect(Math.abs(h!.x - c!.x), `column ${i + 1} at ${width} px`).toBeLessThanOrEqual(1);
      expect(Math.abs(h!.width - c!.width), `column ${i + 1} at ${width} px`).toBeLessThanOrEqual(1);
    }
  }
});
