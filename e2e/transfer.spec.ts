import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { watchProblems, exportItem, freshPage } from "./support";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

// 导入 / 导出: pasting last year's tables (the published text layout and
// Word's HTML), backups into a fresh browser profile, share links, the
// print view (screen and A4 print), Excel, JSON and table-text exports,
// and what the page says when something is not a table. Screenshots go to
// e2e/screenshots/transfer-*.png.

const FIXTURE = readFileSync("tests/fixtures/tianjin-2025-tables-1-8.txt", "utf8");
const WORD_HTML = readFileSync("tests/fixtures/clipboard/word.html", "utf8");
const PROJECTS = [
  "科技统计信息系统建设和运维",
  "2025年度科技重大专项监督评估与诚信管理",
  "大学科技园建设服务",
  "火炬统计调查",
  "技术市场服务",
  "京津冀基础研究工作(含杰青、区域联合基金服务)",
  "科研档案管理专项工作",
  "农业科技特派员提升工作",
];

const shot = (page: Page, name: string, info: TestInfo, fullPage = false) =>
  page.screenshot({
    path: `e2e/screenshots/transfer-${name}-${info.project.name}.png`,
    fullPage,
  });

async function ready(page: Page) {
  await expect(page.getByLabel("项目名称")).toBeVisible();
  await expect(page.locator("#save-status")).toContainText("已保存");
}

/** A paste into the import dialog's paste area, as Word/WPS/Excel put it
 *  on the clipboard (a trusted paste cannot be made from a test). */
async function paste(page: Page, data: { text?: string; html?: string }) {
  await page.evaluate(({ text, html }) => {
    const dt = new DataTransfer();
    if (html !== undefined) dt.setData("text/html", html);
    if (text !== undefined) dt.setData("text/plain", text);
    const area = document.getElementById("import-paste")!;
    area.focus();
    area.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }),
    );
  }, data);
}

async function openImport(page: Page) {
  await page.getByRole("button", { name: "导入…" }).click();
  const dialog = page.getByRole("dialog", { name: "导入绩效目标表" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Imports the eight tables of the fixture; the first one opens. */
async function importFixture(page: Page) {
  const dialog = await openImport(page);
  await paste(page, { text: FIXTURE });
  await expect(dialog.locator(".import-found")).toHaveText("从文本中找到 8 张表：");
  await dialog.getByRole("button", { name: "导入 8 张表" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("项目名称")).toHaveValue(PROJECTS[0]);
}

test("paste the published document: a preview of 8 tables, then 8 drafts", async ({ page }, info) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  const dialog = await openImport(page);
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  await expect(page.locator("#import-paste")).toBeFocused();
  await expect(dialog.getByRole("button", { name: "导入" })).toBeDisabled();

  await paste(page, { text: FIXTURE });
  // Nothing is added before the author confirms: a preview first.
  await expect(dialog.locator(".import-found")).toHaveText("从文本中找到 8 张表：");
  const items = dialog.locator(".import-item");
  await expect(items).toHaveCount(8);
  for (const [i, p] of PROJECTS.entries()) {
    await expect(items.nth(i).locator(".import-project")).toHaveText(p);
  }
  await expect(items.nth(0)).toContainText("331202天津市科学技术发展战略研究院");
  await expect(items.nth(0)).toContainText("预算数 45.00 万元");
  await expect(items.nth(0)).toContainText("指标 6 项");
  await expect(items.nth(0)).toContainText("错误 0");
  // Table 5 has two hints (a quality row that counts, an indicator no
  // goal names), shown with where they are.
  await expect(items.nth(4)).toContainText("提示 2");
  await expect(items.nth(4).locator(".import-findings")).toContainText("第 4 行指标");
  await shot(page, "import-preview", info);

  await dialog.getByRole("button", { name: "导入 8 张表" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("项目名称")).toHaveValue(PROJECTS[0]);
  await expect(page.getByLabel("预算数")).toHaveValue("45.00");
  await expect(page.locator(".xfer-toast[role=status]")).toContainText("已导入 8 张表");
  await expect(page.locator("#current-draft-name")).toHaveText(PROJECTS[0]);
  // The eight are in the draft box (with the blank one the page started
  // with, unless the draft box drops an untouched blank draft).
  await expect(page.locator("#draftbox-toggle")).toHaveText(/草稿箱\s*(8|9)$/);
  await page.locator("#draftbox-toggle").click();
  const box = page.getByRole("table", { name: "草稿" });
  for (const p of PROJECTS) await expect(box).toContainText(p);
  await page.locator("#draftbox-toggle").click();

  // The same document again: the preview says they are already there.
  const again = await openImport(page);
  await paste(page, { text: FIXTURE });
  await expect(again).toContainText("其中 8 张与草稿箱中已有的表完全相同");
  await expect(again.locator(".import-item").first()).toContainText("（草稿箱中已有）");
  await again.getByRole("button", { name: "取消" }).click();
  await expect(again).toBeHidden();
  expect(problems).toEqual([]);
});

test("paste a table copied from Word (text/html), and what is not a table", async ({ page }, info) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  const dialog = await openImport(page);

  // Not a table: the importer's message, and nothing to import.
  await paste(page, { text: "请各单位于3月底前报送绩效目标表。" });
  await expect(dialog.getByRole("alert")).toContainText("没有找到绩效目标表");
  await expect(dialog.getByRole("button", { name: "导入" })).toBeDisabled();
  await page.locator("#import-paste").fill("");
  await paste(page, { html: "<table><tr><td>姓名</td><td>电话</td></tr></table>", text: "姓名\t电话" });
  await expect(dialog.getByRole("alert")).toContainText("不像绩效目标表");
  await paste(page, { text: '{"format":"jixiao","version":9,"tables":[]}' });
  await expect(dialog.getByRole("alert")).toContainText("更新版本");
  // A damaged Word file, and an old .doc: what to do instead.
  await dialog.getByLabel("选择文件…").setInputFiles({
    name: "2024年绩效目标表.docx",
    mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    buffer: Buffer.from("PK\u0003\u0004"),
  });
  await expect(dialog.getByRole("alert")).toContainText("这个 .docx 文件已损坏或不完整");
  await expect(dialog.getByRole("button", { name: "导入" })).toBeDisabled();
  await dialog.getByLabel("选择文件…").setInputFiles({
    name: "2023年绩效目标表.doc",
    mimeType: "application/msword",
    buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
  });
  await expect(dialog.getByRole("alert")).toContainText("另存为");
  await shot(page, "import-error", info);

  // Esc closes the dialog and focus returns to 导入….
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "导入…" })).toBeFocused();

  // Word's clipboard: the HTML table wins over the plain text.
  await openImport(page);
  await paste(page, { html: WORD_HTML, text: "科技统计信息系统建设和运维\t45.00" });
  await expect(dialog.locator(".import-found")).toHaveText("从复制的表格中找到 1 张表：");
  await expect(dialog.locator(".import-item")).toContainText("预算数 45.00 万元");
  await dialog.getByRole("button", { name: "导入 1 张表" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue(PROJECTS[0]);
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("信息系统等级保护和风险评估数量");

  // A partial table says what it lacks.
  await openImport(page);
  await paste(page, { text: "项目名称\t只有名称的项目" });
  await expect(dialog.locator(".import-item")).toContainText("只有名称的项目");
  await expect(dialog.locator(".import-missing")).toContainText("缺少单位、预算数、资金用途、绩效目标、绩效指标");
  await expect(dialog.locator(".import-item")).toContainText(/错误 [1-9]/);
  await dialog.getByRole("button", { name: "取消" }).click();
  await expect(dialog).toBeHidden();
  expect(problems).toEqual([]);
});

test("a backup restores the same drafts in a fresh browser profile", async ({ page, browser }, info) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  await importFixture(page);
  await ready(page);

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    exportItem(page, "备份草稿箱（全部草稿）"),
  ]);
  expect(download.suggestedFilename()).toMatch(/^绩效目标表草稿箱备份-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  const file = info.outputPath("backup.json");
  await download.saveAs(file);
  const backup = JSON.parse(readFileSync(file, "utf8"));
  expect(backup.format).toBe("jixiao-backup");
  const summary = (drafts: any[]) =>
    drafts
      .filter((d) => d.table.project)
      .map((d) => ({
        name: d.name,
        project: d.table.project,
        unit: d.table.unit_code + d.table.unit_name,
        total: d.table.budget.total,
        goals: d.table.goals.length,
        rows: d.table.indicators.length,
        last: d.table.indicators.at(-1)?.value,
      }))
      .sort((a, b) => a.project.localeCompare(b.project));
  const before = summary(backup.drafts);
  expect(before.map((d) => d.project).sort()).toEqual([...PROJECTS].sort());

  // A new profile: nothing of the first one.
  const other = await freshPage(browser, info);
  const otherProblems = watchProblems(other);
  await other.goto("./");
  await ready(other);
  const dialog = await openImport(other);
  await dialog.getByLabel("选择文件…").setInputFiles(file);
  await expect(dialog.locator(".import-found")).toContainText(`草稿箱备份：${backup.drafts.length} 个草稿`);
  await expect(dialog.locator(".import-item")).toHaveCount(backup.drafts.length);
  await dialog.getByRole("button", { name: `恢复 ${backup.drafts.length} 个草稿` }).click();
  await expect(dialog).toBeHidden();
  await expect(other.locator(".xfer-toast[role=status]")).toContainText(`已从备份恢复 ${backup.drafts.length} 个草稿`);
  await other.locator("#draftbox-toggle").click();
  const box = other.getByRole("table", { name: "草稿" });
  for (const p of PROJECTS) await expect(box).toContainText(p);

  // The same drafts, field by field: back them up again and compare.
  await other.locator("#draftbox-toggle").click();
  const [again] = await Promise.all([
    other.waitForEvent("download"),
    exportItem(other, "备份草稿箱（全部草稿）"),
  ]);
  const file2 = info.outputPath("backup2.json");
  await again.saveAs(file2);
  const after = summary(JSON.parse(readFileSync(file2, "utf8")).drafts);
  expect(after).toEqual(before);
  const tables = (b: any) =>
    b.drafts
      .map((d: any) => d.table)
      .filter((t: any) => t.project)
      .sort((x: any, y: any) => x.project.localeCompare(y.project));
  expect(tables(JSON.parse(readFileSync(file2, "utf8")))).toEqual(tables(backup));
  await other.context().close();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
});

test("a share link opens read-only in a fresh profile and is saved as a draft", async ({ page, browser }, info) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  await page.getByLabel("从示例开始").selectOption({ label: "示例 5：技术市场服务（60.00 万元）" });
  await expect(page.getByLabel("项目名称")).toHaveValue("技术市场服务");
  // One change of our own, so the link carries the table as edited.
  await page.getByLabel("资金用途", { exact: true }).fill("用于技术市场服务。");

  await exportItem(page, "分享链接…");
  const dialog = page.getByRole("dialog", { name: "分享此表" });
  await expect(dialog).toBeVisible();
  const field = dialog.getByRole("textbox", { name: "分享链接" });
  await expect(field).toBeFocused();
  await expect(field).toHaveAttribute("readonly", "");
  const link = await field.inputValue();
  const base = new URL(info.project.use.baseURL!).href;
  expect(link.startsWith(`${base}#share=v1.`)).toBe(true);
  await expect(dialog).toContainText("不会上传到任何服务器");
  await dialog.getByRole("button", { name: "复制链接" }).click();
  await expect(dialog.getByRole("button", { name: "已复制 ✓" })).toBeVisible();
  await shot(page, "share-dialog", info);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "导出 ▾" })).toBeFocused();

  const other = await freshPage(browser, info);
  const otherProblems = watchProblems(other);
  await other.goto(link);
  const view = other.getByRole("region", { name: "分享的绩效目标表（只读）" });
  await expect(view).toBeVisible();
  await expect(view.locator(".print-title")).toHaveText("1.技术市场服务绩效目标表");
  await expect(view.locator(".paper")).toContainText("用于技术市场服务。");
  await expect(view.getByRole("region", { name: "检查结果" })).toContainText("提示 2");
  await expect(view.locator(".shared-findings")).toContainText("第 4 行指标");
  // Read-only: the editor is not on the page while the shared table shows.
  await expect(other.getByLabel("项目名称")).toBeHidden();
  await expect(view.getByRole("button", { name: "保存为我的草稿" })).toBeFocused();
  await shot(other, "shared", info);

  await view.getByRole("button", { name: "保存为我的草稿" }).click();
  await expect(view).toBeHidden();
  await expect(other.getByLabel("项目名称")).toHaveValue("技术市场服务");
  await expect(other.getByLabel("资金用途", { exact: true })).toHaveValue("用于技术市场服务。");
  await expect(other.locator(".xfer-toast[role=status]")).toContainText("已保存为我的草稿");
  expect(new URL(other.url()).hash).toBe("");
  await ready(other);
  await other.reload();
  await expect(other.getByLabel("项目名称")).toHaveValue("技术市场服务");
  await expect(other.getByRole("region", { name: "分享的绩效目标表（只读）" })).toHaveCount(0);
  await other.context().close();
  expect(problems).toEqual([]);
  expect(otherProblems).toEqual([]);
});

test("a damaged or altered share link says so, and the page works", async ({ page }, info) => {
  const problems = watchProblems(page);
  await page.goto("./#share=v1.eNrLSM3JyVcozy_KSQEAGgQEXQ");
  const alert = page.getByRole("alert").filter({ hasText: "无法打开分享链接" });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText("请让对方重新复制完整的分享链接");
  await shot(page, "share-damaged", info);
  await alert.getByRole("button", { name: "知道了" }).click();
  await expect(alert).toBeHidden();
  expect(new URL(page.url()).hash).toBe("");
  await page.getByLabel("项目名称").fill("照常填写");
  await expect(page.getByLabel("项目名称")).toHaveValue("照常填写");

  // A table too large for a link: the limit, and what to do instead.
  const words = Array.from({ length: 24000 }, (_, i) =>
    String.fromCharCode(0x4e00 + ((i * 7919 + ((i * i) % 104729)) % 20000)),
  ).join("");
  await page.getByLabel("资金用途", { exact: true }).fill(words);
  await exportItem(page, "分享链接…");
  const tooLong = page.getByRole("dialog", { name: "分享此表" });
  await expect(tooLong.getByRole("alert")).toContainText("链接过长");
  await expect(tooLong.getByRole("alert")).toContainText("导出 JSON");
  await expect(tooLong.getByRole("textbox", { name: "分享链接" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  await page.getByLabel("资金用途", { exact: true }).fill("正常长度");

  // A real link with one character changed in the middle.
  await exportItem(page, "分享链接…");
  const link = await page.getByRole("textbox", { name: "分享链接" }).inputValue();
  await page.keyboard.press("Escape");
  const at = link.indexOf("#share=v1.") + 40;
  const altered = link.slice(0, at) + (link[at] === "A" ? "B" : "A") + link.slice(at + 1);
  await page.goto(altered);
  await expect(page.getByRole("alert").filter({ hasText: "无法打开分享链接" })).toContainText(
    /损坏|校验失败|无法读取/,
  );
  await expect(page.getByLabel("项目名称")).toBeVisible();
  expect(problems).toEqual([]);
});

test("print view: the official layout on screen and on A4", async ({ page }, info) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  await importFixture(page);
  await page.evaluate(() => {
    (window as any).__printed = 0;
    window.print = () => {
      (window as any).__printed++;
    };
  });

  // The menu by keyboard: ↓ opens it on the first item, Esc closes it.
  const button = page.getByRole("button", { name: "导出 ▾" });
  await button.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "打印本表…" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "导出 Excel（.xlsx）" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute("aria-expanded", "false");

  await exportItem(page, "打印本表…");
  const view = page.getByRole("region", { name: "打印预览" });
  await expect(view).toBeVisible();
  await expect(page.getByLabel("项目名称")).toBeHidden();
  await expect(page).toHaveTitle(`${PROJECTS[0]}绩效目标表`);
  const paper = view.locator(".paper");
  await expect(paper.locator(".print-title")).toHaveText(`1.${PROJECTS[0]}绩效目标表`);
  await expect(paper.locator(".print-meta")).toContainText("331202天津市科学技术发展战略研究院");
  await expect(paper.locator(".print-meta")).toContainText("单位：万元");
  await expect(paper.locator("th", { hasText: "预算规模及资金用途" })).toHaveAttribute("rowspan", "2");
  await expect(paper.locator("td", { hasText: "产出指标" })).toHaveAttribute("rowspan", "4");
  await expect(paper.locator(".print-indicators tbody tr")).toHaveCount(6);
  await view.getByRole("button", { name: "打印" }).click();
  expect(await page.evaluate(() => (window as any).__printed)).toBe(1);
  await shot(page, "print-table", info);

  // In print only the tables: no bar, no editor.
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await expect(view.locator(".paper-bar")).toBeHidden();
  await expect(page.locator(".topbar")).toBeHidden();
  await expect(paper.locator(".print-title")).toBeVisible();
  await shot(page, "print-table-a4", info, true);
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1366, height: 768 });

  // Esc goes back to the editor; focus returns to 导出.
  await page.keyboard.press("Escape");
  await expect(view).toBeHidden();
  await expect(page.getByLabel("项目名称")).toBeVisible();
  await expect(button).toBeFocused();
  await expect(page).toHaveTitle("绩效目标表编制器");

  // The unit's documents together: numbered, with the total budget.
  await exportItem(page, "打印本单位 8 张表…");
  await expect(view).toBeVisible();
  await expect(paper.locator(".print-summary")).toHaveText(
    "331202天津市科学技术发展战略研究院：共 8 张绩效目标表，预算数合计 198.00万元。",
  );
  const titles = paper.locator(".print-title");
  await expect(titles).toHaveCount(8);
  for (const [i, p] of PROJECTS.entries()) await expect(titles.nth(i)).toHaveText(`${i + 1}.${p}绩效目标表`);
  await shot(page, "print-unit", info);
  // Each table starts a new A4 page.
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(8);
  expect(pages.length).toBeLessThanOrEqual(16);
  writeFileSync(info.outputPath("unit.pdf"), pdf);
  await page.emulateMedia({ media: "screen" });
  await view.getByRole("button", { name: "返回编辑" }).click();
  await expect(page.getByLabel("项目名称")).toBeVisible();
  expect(problems).toEqual([]);
});

test("printing from the editor (Ctrl+P) prints the official layout", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  await page.getByLabel("从示例开始").selectOption({ index: 1 });
  await expect(page.getByLabel("项目名称")).toHaveValue(PROJECTS[0]);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#print-auto .print-title")).toHaveText(`1.${PROJECTS[0]}绩效目标表`);
  await expect(page.locator("#print-auto")).toBeVisible();
  await expect(page.locator(".topbar")).toBeHidden();
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await page.emulateMedia({ media: "screen" });
  await expect(page.locator("#print-auto")).toBeEmpty();
  expect(problems).toEqual([]);
});

test("hostile text prints as text", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  const hostile = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>&amp;`;
  await page.getByLabel("项目名称").fill(hostile);
  await page.getByLabel("单位名称").fill(`"><b>粗体</b>`);
  await exportItem(page, "打印本表…");
  const paper = page.getByRole("region", { name: "打印预览" }).locator(".paper");
  await expect(paper.locator(".print-title")).toHaveText(`1.${hostile}绩效目标表`);
  await expect(paper.locator(".print-meta")).toContainText(`"><b>粗体</b>`);
  await expect(paper.locator("img, script, b")).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(problems).toEqual([]);
});

test("Excel, JSON and table-text exports", async ({ page, context }, info) => {
  const problems = watchProblems(page);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("./");
  await ready(page);
  await importFixture(page);

  const [xlsx] = await Promise.all([page.waitForEvent("download"), exportItem(page, "导出 Excel（.xlsx）")]);
  expect(xlsx.suggestedFilename()).toBe(`${PROJECTS[0]}绩效目标表.xlsx`);
  const bytes = readFileSync(await xlsx.path());
  expect(bytes.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
  await expect(page.locator(".xfer-toast[role=status]")).toContainText(`已下载：${PROJECTS[0]}绩效目标表.xlsx`);

  const [unit] = await Promise.all([
    page.waitForEvent("download"),
    exportItem(page, "导出本单位 Excel（每表一个工作表）"),
  ]);
  expect(unit.suggestedFilename()).toBe("天津市科学技术发展战略研究院绩效目标表（8张）.xlsx");
  expect(readFileSync(await unit.path()).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");

  const [json] = await Promise.all([page.waitForEvent("download"), exportItem(page, "导出 JSON")]);
  expect(json.suggestedFilename()).toBe(`${PROJECTS[0]}绩效目标表.json`);
  const doc = JSON.parse(readFileSync(await json.path(), "utf8"));
  expect(doc.format).toBe("jixiao");
  expect(doc.tables).toHaveLength(1);
  expect(doc.tables[0].project).toBe(PROJECTS[0]);
  expect(doc.tables[0].budget.total).toBe("45.00");

  await exportItem(page, "复制为表格文本");
  await expect(page.locator(".xfer-toast[role=status]")).toContainText("已复制为表格文本");
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toContain(`项目名称\t${PROJECTS[0]}`);
  expect(text.split("\n").length).toBeGreaterThan(10);

  // Where the page may not use the Clipboard API (plain http on an
  // intranet), the older copy command does it.
  await page.evaluate(() => {
    (window as any).__clipboard = navigator.clipboard;
    Object.defineProperty(navigator, "clipboard", { get: () => undefined, configurable: true });
  });
  await page.evaluate(() => (window as any).__clipboard.writeText("—"));
  await exportItem(page, "复制为表格文本");
  await expect(page.locator(".xfer-toast[role=status]")).toContainText("已复制为表格文本");
  const lf = (t: string) => t.replace(/\r\n/g, "\n");
  expect(lf(await page.evaluate(() => (window as any).__clipboard.readText()))).toBe(lf(text));

  // The JSON file comes back in as one table.
  const dialog = await openImport(page);
  await dialog.getByLabel("选择文件…").setInputFiles(await json.path());
  await expect(dialog.locator(".import-found")).toHaveText("从JSON 文件中找到 1 张表：");
  await dialog.getByRole("button", { name: "取消" }).click();
  expect(problems).toEqual([]);
});

test("a Word document in: preview, then the same drafts as the pasted text; and Word out", async ({ page }, info) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  // The same eight tables, written by python-docx (not by jixiao), merged
  // 一级/二级 cells and all.
  let dialog = await openImport(page);
  await dialog.getByLabel("选择文件…").setInputFiles("tests/fixtures/tianjin-2025-tables-1-8.docx");
  await expect(dialog.locator(".import-found")).toContainText("找到 8 张表");
  // Nothing is added before the author confirms.
  await expect(page.getByLabel("项目名称")).not.toHaveValue(PROJECTS[0]);
  await shot(page, "import-docx", info);
  await dialog.getByRole("button", { name: "导入 8 张表" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("项目名称")).toHaveValue(PROJECTS[0]);
  const [fromWord] = await Promise.all([page.waitForEvent("download"), exportItem(page, "导出本单位 Excel（每表一个工作表）")]);
  // What the pasted text gives, in a fresh profile of the same page.
  const other = await freshPage(page.context().browser()!, info);
  await other.goto("./");
  await ready(other);
  await importFixture(other);
  const [fromText] = await Promise.all([other.waitForEvent("download"), exportItem(other, "导出本单位 Excel（每表一个工作表）")]);
  // Compare table by table through the exchange JSON of each draft.
  const jsonOf = async (p: Page, n: number) => {
    const out: unknown[] = [];
    for (let i = 0; i < n; i++) {
      await p.locator("#draftbox-toggle").click();
      await p
        .getByRole("region", { name: "草稿箱" })
        .locator("tr.draft td.c-name button.link", { hasText: PROJECTS[i] })
        .first()
        .click();
      await expect(p.getByLabel("项目名称")).toHaveValue(PROJECTS[i]);
      const [j] = await Promise.all([p.waitForEvent("download"), exportItem(p, "导出 JSON")]);
      out.push(JSON.parse(readFileSync(await j.path(), "utf8")).tables[0]);
    }
    return out;
  };
  expect(fromWord.suggestedFilename()).toBe(fromText.suggestedFilename());
  expect(await jsonOf(page, 8)).toEqual(await jsonOf(other, 8));

  // Word out: <项目名称>.docx, read back by python-docx.
  const [word] = await Promise.all([page.waitForEvent("download"), exportItem(page, "导出 Word（.docx）")]);
  expect(word.suggestedFilename()).toBe(`${PROJECTS[7]}.docx`);
  const read = JSON.parse(execFileSync("python3", ["tests/docx/read_docx.py", await word.path()], { encoding: "utf8" }));
  const tables = read.body.filter((b: any) => b.table);
  expect(tables).toHaveLength(1);
  const cells = tables[0].table.flat().join("\n");
  expect(read.body.find((b: any) => b.paragraph)?.paragraph).toBe(`1.${PROJECTS[7]}绩效目标表`);
  const shown = await page.locator("tr.ind-row").count();
  for (let n = 1; n <= shown; n++) {
    const name = await page.getByLabel(`三级指标 第${n}行`).inputValue();
    const value = await page.getByLabel(`指标值 第${n}行`).inputValue();
    expect(cells).toContain(name);
    expect(cells).toContain(value);
  }
  expect(read.sections[0].orientation).toBe("PORTRAIT");
  expect(problems).toEqual([]);
});

test("drafts chosen in the draft box go out as one Word document, a table to a page", async ({ page }, info) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  await importFixture(page);
  await page.locator("#draftbox-toggle").click();
  const box = page.getByRole("region", { name: "草稿箱" });
  const exportChosen = box.getByRole("button", { name: "导出所选为 Word（.docx）" });
  // Nothing chosen: nothing to export.
  await expect(exportChosen).toBeDisabled();
  // Three of the eight, ticked out of order.
  for (const n of [5, 1, 3]) await box.getByRole("checkbox", { name: `选择「${PROJECTS[n]}」` }).check();
  await expect(box.getByRole("group", { name: "所选草稿" })).toContainText("已选择 3 份草稿");
  await shot(page, "draftbox-chosen", info);
  const [word] = await Promise.all([page.waitForEvent("download"), exportChosen.click()]);
  expect(word.suggestedFilename()).toMatch(/\.docx$/);
  const read = JSON.parse(execFileSync("python3", ["tests/docx/read_docx.py", await word.path()], { encoding: "utf8" }));
  const tables = read.body.filter((b: any) => b.table);
  expect(tables).toHaveLength(3);
  // In the box's order (most recently changed first), each titled and on
  // its own page.
  const shown = await box.locator("tr.draft td.c-project").allTextContents();
  const order = shown.filter((p) => [PROJECTS[1], PROJECTS[3], PROJECTS[5]].includes(p.trim()));
  const titles = read.body.filter((b: any) => b.paragraph?.endsWith("绩效目标表"));
  expect(titles.map((t: any) => t.paragraph)).toEqual(order.map((p, i) => `${i + 1}.${p.trim()}绩效目标表`));
  expect(titles.slice(1).every((t: any) => t.page_break_before)).toBe(true);
  // Some chosen: 选择全部草稿 shows it, partly ticked.
  const all = box.getByRole("checkbox", { name: "选择全部草稿" });
  await expect(all).toHaveJSProperty("indeterminate", true);
  // 取消选择 clears the choice; focus stays in the box, on 选择全部草稿.
  await box.getByRole("button", { name: "取消选择" }).click();
  await expect(exportChosen).toBeDisabled();
  await expect(all).toBeFocused();
  await expect(all).toHaveJSProperty("indeterminate", false);
  // A draft that still has errors goes out as it is, and the notice names it.
  await page.locator("#draftbox-toggle").click();
  await page.getByRole("button", { name: "新建空白表" }).first().click();
  await expect(page.getByLabel("项目名称")).toHaveValue("");
  await page.locator("#draftbox-toggle").click();
  await box.locator("tr.draft").first().getByRole("checkbox").check();
  await box.getByRole("checkbox", { name: `选择「${PROJECTS[0]}」` }).check();
  const [two] = await Promise.all([page.waitForEvent("download"), exportChosen.click()]);
  expect(two.suggestedFilename()).toMatch(/\.docx$/);
  await expect(page.getByRole("status").filter({ hasText: "已下载" })).toContainText("其中 1 份仍有错误");
  // 选择全部草稿 ticks all, and again clears them.
  await all.check();
  await expect(box.getByRole("group", { name: "所选草稿" })).toContainText(`已选择 ${await box.locator("tr.draft").count()} 份草稿`);
  await all.uncheck();
  await expect(exportChosen).toBeDisabled();
  expect(problems).toEqual([]);
});

test("text saved by LibreOffice or WPS imports whole; a table that does not line up is named, not offered", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  const dialog = await openImport(page);
  // Each cell on its own line, no tab in front, merged cells as empty lines.
  await paste(page, { text: readFileSync("tests/fixtures/libreoffice/tianjin-2025-tables-1-8.txt", "utf8") });
  await expect(dialog.locator(".import-found")).toHaveText("从文本中找到 8 张表：");
  await expect(dialog.locator(".import-left-out")).toHaveCount(0);
  await expect(dialog.locator(".import-item").first()).toContainText("指标 6 项");
  // One table damaged (a value missing): the other seven come in, and the
  // preview says which one did not and where.
  await paste(page, { text: readFileSync("tests/fixtures/libreoffice/tianjin-2025-tables-1-8.damaged.txt", "utf8") });
  await expect(dialog.locator(".import-found")).toHaveText("从文本中找到 7 张表：");
  await expect(dialog.locator(".import-left-out")).toContainText("第 3 张表「大学科技园建设服务」没有导入");
  await dialog.getByRole("button", { name: "导入 7 张表" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByLabel("项目名称")).toHaveValue(PROJECTS[0]);
  expect(problems).toEqual([]);
});
