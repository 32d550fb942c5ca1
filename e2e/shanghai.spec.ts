import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { watchProblems, exportItem, freshPage } from "./support";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { expectAccessible } from "./axe";

// The 上海 财政项目支出绩效目标申报表 as a second form, driven by accessible
// names at 1366x768: a blank 上海 table from empty, its fields by the form's
// labels, a 上海 rule firing and clearing, print, Excel, Word and a share
// link in the 上海 layout, and switching to 天津 2025 and back without
// losing anything. Screenshots go to e2e/screenshots/shanghai-*.png.

const shot = (page: Page, name: string, info: TestInfo, fullPage = false) =>
  page.screenshot({ path: `e2e/screenshots/shanghai-${name}-${info.project.name}.png`, fullPage });

/** A text field by its accessible name, exactly (a required field's label
 *  also holds its aria-hidden `*`, which getByLabel would match). */
const box = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

const PROJECT = "长风路-曹杨路地道改建工程";
const OFFICE = "上海市某某区建设和管理委员会";

/** A new blank 上海 table: the form chosen beside 新建空白表. */
async function newShanghai(page: Page) {
  await page.goto("./");
  await expect(page.getByLabel("项目名称")).toBeVisible();
  await expect(page.getByLabel("新建空白表的表样")).toHaveValue("tianjin-2025");
  await page.getByLabel("新建空白表的表样").selectOption({ label: "上海 申报表" });
  await page.getByRole("button", { name: "新建空白表" }).click();
  await expect(page.getByRole("combobox", { name: "表样", exact: true })).toHaveValue("shanghai");
  await expect(page.getByLabel("项目性质")).toBeVisible();
}

/** Fills the 上海 header, funds, goals and five indicator rows. */
async function fillShanghai(page: Page) {
  const summary = page.getByRole("region", { name: "检查结果" });
  await box(page, "年度").fill("2026");
  await page.getByLabel("项目名称").fill(PROJECT);
  await page.getByLabel("项目性质").selectOption("阶段性项目");
  await page.getByLabel("项目类别").fill("特定目标类");
  await page.getByLabel("主管部门").fill(OFFICE);
  await page.getByLabel("实施单位").fill(OFFICE);
  await page.getByLabel("计划开始日期").fill("2024-01-01");
  await page.getByLabel("计划完成日期").fill("2026-12-31");

  await box(page, "项目资金总额").fill("5,200,000.00");
  await box(page, "其中：财政资金").fill("5,200,000.00");
  await expect(page.locator("#f-total_funds-sum")).toContainText("合计相符");
  await box(page, "年度资金申请总额").fill("1,200,000.00");
  await box(page, "当年财政拨款").fill("1,000,000.00");
  await box(page, "当年财政拨款").blur();
  // 年度资金申请总额 ≠ 当年财政拨款 + 上年结转资金 + 其他资金: at the field,
  // under the block and in the check.
  await expect(page.locator("#budget-sum")).toContainText("合计不符");
  await expect(page.locator("#budget-sum")).toContainText("相差 200,000 元");
  await expect(summary).toContainText("年度资金申请总额 1,200,000.00 不等于当年财政拨款、上年结转资金、其他资金之和");
  const annual = box(page, "年度资金申请总额");
  await annual.focus();
  await annual.blur();
  await expect(annual).toHaveAttribute("aria-invalid", "true");
  const nav = page.getByRole("navigation", { name: "填报步骤" });
  await expect(nav.getByRole("link", { name: /项目资金（元）/ })).toContainText("错误");
  await box(page, "上年结转资金").fill("200,000.00");
  await expect(page.locator("#budget-sum")).toContainText("合计相符");
  await expect(summary).not.toContainText("不等于当年财政拨款");
  await expect(annual).not.toHaveAttribute("aria-invalid", "true");
  // The two 其他资金 are told apart by their totals.
  await expect(box(page, "项目资金总额 · 其他资金")).toHaveValue("");
  await expect(box(page, "年度资金申请总额 · 其他资金")).toHaveValue("");

  await box(page, "项目总目标").fill("1.完成长风路-曹杨路地道改建。\n2.提高区域通行能力。");
  await box(page, "年度总体目标 1").fill("完成地道主体结构施工。");

  // Four columns: no 绩效指标描述; the value column is 年度指标值.
  await expect(page.getByRole("columnheader", { name: "年度指标值" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "绩效指标描述" })).toHaveCount(0);
  const row = async (add: string, n: number, name: string, value: string) => {
    await page.getByRole("button", { name: add }).click();
    await expect(page.getByLabel(`三级指标 第${n}行`)).toBeFocused();
    await page.getByLabel(`三级指标 第${n}行`).fill(name);
    await page.getByLabel(`年度指标值 第${n}行`).fill(value);
    await page.getByLabel(`年度指标值 第${n}行`).blur();
  };
  // The 2021 framework: 成本指标 is a 一级.
  await row("新增指标（成本指标/经济成本指标）", 1, "项目年度成本", "≤120万元");
  await row("新增指标（产出指标/数量指标）", 2, "地道改建长度", "985米");
  await row("新增指标（产出指标/质量指标）", 3, "工程验收合格率", "=100.00(%)");
  await row("新增指标（效益指标/社会效益指标）", 4, "区域通行能力", "提高");
  await row("新增指标（满意度指标/服务对象满意度指标）", 5, "周边居民满意度", "≥90.00(%)");
  await expect(page.getByLabel("绩效指标描述 第1行")).toHaveCount(0);
  await expect(summary).toContainText("错误 0");
}

test("a 上海 申报表 from empty: fields, checks, print, Excel, Word, share", async ({ page, browser }, info) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await newShanghai(page);
  // Empty, then with every finding shown at its field: no axe violation.
  await expectAccessible(page, "empty 上海 editor");
  await page.getByRole("navigation", { name: "填报步骤" }).getByRole("link", { name: /检查结果/ }).click();
  await expect(box(page, "项目资金总额")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "empty 上海 editor with findings");
  // The 上海 header; the Tianjin-only fields are not on this form.
  await expect(page.getByLabel("单位名称")).toHaveCount(0);
  await expect(box(page, "资金用途")).toHaveCount(0);
  await fillShanghai(page);

  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "editor-top", info);
  // In English the fields are named by the form's English labels.
  await page.getByRole("button", { name: "English" }).click();
  await expect(box(page, "Funds requested this year")).toHaveValue("1,200,000.00");
  await expect(box(page, "Other funds (funds requested this year)")).toHaveValue("");
  await expect(box(page, "Annual target value, row 2")).toHaveValue("985米");
  await shot(page, "editor-en", info);
  await page.getByRole("button", { name: "中文" }).click();
  await expect(box(page, "年度资金申请总额")).toHaveValue("1,200,000.00");
  await page.evaluate(() => document.getElementById("sec-budget")!.scrollIntoView());
  await shot(page, "editor-funds", info);
  await page.evaluate(() => document.getElementById("sec-indicators")!.scrollIntoView());
  await shot(page, "editor-indicators", info);
  await shot(page, "editor-full", info, true);

  // Print: the 上海 layout.
  await exportItem(page, "打印本表…");
  const view = page.getByRole("region", { name: "打印预览" });
  const paper = view.locator(".paper");
  await expect(paper).toContainText("财政项目支出绩效目标申报表");
  await expect(paper).toContainText("（2026年度）");
  await expect(paper).toContainText("项目总体目标（2024 年-2026 年）");
  await expect(paper).toContainText("5,200,000.00");
  await expect(paper).toContainText("年度指标值");
  await expect(paper).not.toContainText("绩效指标描述");
  await shot(page, "print", info);
  await shot(page, "print-full", info, true);
  await page.keyboard.press("Escape");
  await expect(view).toBeHidden();

  // Excel and Word downloads in the 上海 layout.
  const [xlsx] = await Promise.all([page.waitForEvent("download"), exportItem(page, "导出 Excel（.xlsx）")]);
  expect(xlsx.suggestedFilename()).toBe(`${PROJECT}绩效目标表.xlsx`);
  expect(readFileSync(await xlsx.path()).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  const [word] = await Promise.all([page.waitForEvent("download"), exportItem(page, "导出 Word（.docx）")]);
  expect(word.suggestedFilename()).toBe(`${PROJECT}.docx`);
  const read = JSON.parse(
    execFileSync("python3", ["tests/docx/read_docx.py", await word.path()], { encoding: "utf8" }),
  );
  const text = JSON.stringify(read);
  expect(text).toContain("财政项目支出绩效目标申报表");
  expect(text).toContain("年度资金申请总额");
  expect(text).toContain("周边居民满意度");

  // A share link opens in a fresh profile in the 上海 layout.
  await exportItem(page, "分享链接…");
  const link = await page.getByRole("textbox", { name: "分享链接" }).inputValue();
  await page.keyboard.press("Escape");
  const other = await freshPage(browser, info);
  const otherProblems = watchProblems(other);
  await other.goto(link);
  const shared = other.getByRole("region", { name: "分享的绩效目标表（只读）" });
  await expect(shared).toBeVisible();
  await expect(shared.locator(".paper")).toContainText("财政项目支出绩效目标申报表");
  await expect(shared.locator(".paper")).toContainText("上年结转资金");
  await expect(shared.getByRole("region", { name: "检查结果" })).toContainText("错误 0");
  await shot(other, "shared", info);
  await shared.getByRole("button", { name: "保存为我的草稿" }).click();
  await expect(other.getByRole("combobox", { name: "表样", exact: true })).toHaveValue("shanghai");
  await expect(box(other, "年度资金申请总额")).toHaveValue("1,200,000.00");
  await other.context().close();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
});

test("switching to 天津 2025 and back keeps every value; one undo step", async ({ page }, info) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await newShanghai(page);
  await fillShanghai(page);

  const form = page.getByRole("combobox", { name: "表样", exact: true });
  await form.selectOption({ label: "天津 2025" });
  await expect(form).toHaveValue("tianjin-2025");
  // Tianjin shows the year's money as 预算数; what it lacks is kept and listed.
  await expect(page.getByLabel("预算数")).toHaveValue("1200000.00");
  await expect(page.getByLabel("单位名称")).toHaveValue("");
  await expect(page.getByLabel("项目性质")).toHaveCount(0);
  const kept = page.locator("#form-kept");
  await expect(kept).toContainText("本表样不含以下已填内容（已保留");
  await expect(kept).toContainText("项目性质");
  await expect(kept).toContainText("阶段性项目");
  await expect(kept).toContainText("上年结转资金");
  await expect(kept).toContainText("项目资金总额中的财政资金");
  await expect(kept).toContainText("200,000.00 元");
  await expect(page.getByLabel("绩效指标描述 第1行")).toBeVisible();
  await expect(box(page, "指标值 第2行")).toHaveValue("985米");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "switched-to-tianjin", info);

  // One undo step takes the switch back.
  await page.getByRole("button", { name: "↶ 撤销" }).click();
  await expect(form).toHaveValue("shanghai");
  await expect(page.getByLabel("项目性质")).toHaveValue("阶段性项目");
  await page.getByRole("button", { name: "↷ 重做" }).click();
  await expect(form).toHaveValue("tianjin-2025");

  // And back to 上海 by the kept note's button: nothing was lost.
  await kept.getByRole("button", { name: "切换到「上海 申报表」编辑这些内容" }).click();
  await expect(form).toHaveValue("shanghai");
  await expect(page.locator("#form-kept")).toHaveCount(0);
  await expect(page.getByLabel("项目性质")).toHaveValue("阶段性项目");
  await expect(page.getByLabel("项目类别")).toHaveValue("特定目标类");
  await expect(page.getByLabel("主管部门")).toHaveValue(OFFICE);
  await expect(page.getByLabel("计划完成日期")).toHaveValue("2026-12-31");
  await expect(box(page, "项目资金总额")).toHaveValue("5,200,000.00");
  await expect(box(page, "年度资金申请总额")).toHaveValue("1,200,000.00");
  await expect(box(page, "上年结转资金")).toHaveValue("200,000.00");
  await expect(box(page, "项目总目标")).toHaveValue(/提高区域通行能力/);
  await expect(box(page, "年度总体目标 1")).toHaveValue("完成地道主体结构施工。");
  await expect(page.getByLabel("年度指标值 第2行")).toHaveValue("985米");
  await expect(page.getByLabel("一级指标 第1行")).toHaveValue("成本指标");
  await expect(page.getByRole("region", { name: "检查结果" })).toContainText("错误 0");

  // The draft reopens as a 上海 draft after a reload.
  await expect(page.locator("#save-status")).toContainText("已保存");
  await page.reload();
  await expect(page.getByRole("combobox", { name: "表样", exact: true })).toHaveValue("shanghai");
  await expect(page.getByLabel("新建空白表的表样")).toHaveValue("shanghai");
  await expect(box(page, "上年结转资金")).toHaveValue("200,000.00");
  expect(problems).toEqual([]);
});

/** A paste into the import dialog's paste area (a trusted paste cannot be
 *  made from a test). */
async function paste(page: Page, data: { text?: string; html?: string }) {
  await page.evaluate(({ text, html }) => {
    const dt = new DataTransfer();
    if (html !== undefined) dt.setData("text/html", html);
    if (text !== undefined) dt.setData("text/plain", text);
    const area = document.getElementById("import-paste")!;
    area.focus();
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

/** Pastes `data`, expects one table in the preview as a 上海 table and
 *  imports it: the page opens it as a 上海 draft. */
async function importOne(page: Page, data: { text?: string; html?: string }, project: string) {
  await page.getByRole("button", { name: "导入…" }).click();
  const dialog = page.getByRole("dialog", { name: "导入绩效目标表" });
  await paste(page, data);
  await expect(dialog.locator(".import-item")).toHaveCount(1);
  await expect(dialog.locator(".import-facts")).toContainText("上海 申报表");
  await expect(dialog.locator(".import-facts")).toContainText("年度资金申请总额");
  await dialog.getByRole("button", { name: "导入 1 张表" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("combobox", { name: "表样", exact: true })).toHaveValue("shanghai");
  await expect(page.getByLabel("项目名称")).toHaveValue(project);
}

test("an exchange JSON of a 上海 table opens as a 上海 draft", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await expect(page.locator("#save-status")).toContainText("已保存");
  const json = JSON.stringify({
    format: "jixiao",
    version: 1,
    tables: [
      {
        form: "shanghai",
        money_unit: "元",
        project: PROJECT,
        year: "2026",
        nature: "经常性项目",
        budget: { total: "1200000.00", fiscal: "1000000.00", other: null },
        carryover: "200000.00",
        goals: ["完成地道主体结构施工。"],
        framework: "2021",
        indicators: [{ level1: "产出指标", level2: "数量指标", name: "地道改建长度", value: "985米" }],
      },
    ],
  });
  await importOne(page, { text: json }, PROJECT);
  await expect(box(page, "年度资金申请总额")).toHaveValue("1,200,000.00");
  await expect(box(page, "上年结转资金")).toHaveValue("200,000.00");
  await expect(page.getByLabel("项目性质")).toHaveValue("经常性项目");
  await expect(box(page, "年度指标值 第1行")).toHaveValue("985米");
  expect(problems).toEqual([]);
});

// The 上海 importers and their hand-written fixtures come with the crate
// side of the 上海 form (tests/fixtures/shanghai/); where they are not in
// this checkout the test says so instead of failing.
const FIXTURES = "tests/fixtures/shanghai";
const CHANGFENG = "长风路-曹杨路地道改建工程";

test("a pasted 上海 table (Word, Excel, PDF text) and its .docx open as 上海 drafts", async ({ page }) => {
  test.skip(!existsSync(`${FIXTURES}/changfeng-word.html`), "needs tests/fixtures/shanghai (the 上海 importers)");
  const problems = watchProblems(page);
  await page.goto("./");
  await expect(page.locator("#save-status")).toContainText("已保存");
  const fixture = (name: string) => readFileSync(`${FIXTURES}/${name}`, "utf8");
  await importOne(page, { html: fixture("changfeng-word.html"), text: "" }, CHANGFENG);
  await expect(box(page, "年度资金申请总额")).toHaveValue("1,200,000.00");
  await importOne(page, { text: fixture("changfeng-excel.tsv") }, CHANGFENG);
  await expect(box(page, "年度资金申请总额")).toHaveValue("1,200,000.00");
  await importOne(page, { text: fixture("changfeng-pdf.txt") }, CHANGFENG);
  await expect(box(page, "年度资金申请总额")).toHaveValue("1,200,000.00");
  await expect(box(page, "三级指标 第1行")).toHaveValue("年度项目总成本");

  // The .docx through the file chooser.
  await page.getByRole("button", { name: "导入…" }).click();
  const dialog = page.getByRole("dialog", { name: "导入绩效目标表" });
  await dialog.getByLabel("选择文件…").setInputFiles(`${FIXTURES}/changfeng.docx`);
  await expect(dialog.locator(".import-facts")).toContainText("上海 申报表");
  await dialog.getByRole("button", { name: "导入 1 张表" }).click();
  await expect(page.getByRole("combobox", { name: "表样", exact: true })).toHaveValue("shanghai");
  await expect(page.getByLabel("项目名称")).toHaveValue(CHANGFENG);
  expect(problems).toEqual([]);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("a 上海 table on a phone: fields full width, no sideways scroll", async ({ page }, info) => {
    await newShanghai(page);
    await box(page, "年度资金申请总额").fill("1,200,000.00");
    await page.getByRole("button", { name: "新增指标（产出指标/数量指标）" }).click();
    await box(page, "年度指标值 第1行").fill("985米");
    const { scroll, layout } = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      layout: window.innerWidth,
    }));
    expect(Math.max(scroll, layout)).toBeLessThanOrEqual(390);
    const amount = await box(page, "年度资金申请总额").boundingBox();
    expect(amount!.width).toBeGreaterThan(250);
    await box(page, "年度指标值 第1行").scrollIntoViewIfNeeded();
    await shot(page, "phone", info);
  });
});
