import { expect, test, type Page } from "@playwright/test";
import { watchProblems } from "./support";
import { readFileSync } from "node:fs";
import { expectAccessible } from "./axe";

// The draft box: autosave and reload, two tabs on one draft, damaged and
// newer-version entries, delete / restore / purge, undo and redo,
// localStorage disabled, storage full. Every page of a test shares one
// browser context (one localStorage), like two tabs of one browser.

const status = (page: Page) => page.locator("#save-status");
const boxButton = (page: Page) => page.locator("#draftbox-toggle");
const draftBox = (page: Page) => page.getByRole("region", { name: "草稿箱" });

async function openBox(page: Page) {
  await boxButton(page).click();
  await expect(page.getByRole("heading", { name: "草稿箱" })).toBeVisible();
}

async function closeBox(page: Page) {
  await boxButton(page).click();
  await expect(page.getByLabel("项目名称")).toBeVisible();
}

async function ready(page: Page) {
  await expect(page.getByLabel("项目名称")).toBeVisible();
  await expect(status(page)).toContainText("已保存");
}

test("typing is saved within a second and survives a reload", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  await page.getByLabel("项目名称").fill("科技统计信息系统建设和运维");
  await expect(status(page)).toHaveText(/保存中…|已保存/);
  await expect(status(page)).toContainText("已保存", { timeout: 2500 });
  await page.reload();
  await expect(page.getByLabel("项目名称")).toHaveValue("科技统计信息系统建设和运维");

  // Typing and reloading at once: saved as the page goes away.
  await page.getByLabel("单位名称").fill("天津市科学技术发展战略研究院");
  await page.getByLabel("资金用途", { exact: true }).pressSequentially("保障运维");
  await page.reload();
  await expect(page.getByLabel("单位名称")).toHaveValue("天津市科学技术发展战略研究院");
  await expect(page.getByLabel("资金用途", { exact: true })).toHaveValue("保障运维");

  // The draft is named after its project and listed with its budget and counts.
  await page.getByLabel("预算数").fill("45.00");
  await expect(status(page)).toContainText("已保存");
  await openBox(page);
  const row = draftBox(page).getByRole("row", { name: /科技统计信息系统建设和运维/ });
  await expect(row).toContainText("45.00 万元");
  await expect(row).toContainText("错误");
  await expect(row).toContainText("正在编辑");
  expect(problems).toEqual([]);
});

test("new drafts, open, rename, duplicate; the box shows the latest first", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  await page.getByLabel("项目名称").fill("第一个项目");
  await page.getByRole("button", { name: "新建空白表" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("");
  await page.getByLabel("项目名称").fill("第二个项目");
  await page.getByLabel("从示例开始").selectOption({ label: "示例 5：技术市场服务（60.00 万元）" });
  await expect(page.getByLabel("项目名称")).toHaveValue("技术市场服务");
  await expect(status(page)).toContainText("已保存");

  await openBox(page);
  const names = draftBox(page).locator("tr.draft td.c-name button.link");
  await expect(names).toHaveText(["技术市场服务", "第二个项目", "第一个项目"]);
  await expect(boxButton(page)).toContainText("3");

  // Open the first draft again: its text is there.
  await page.getByRole("button", { name: "打开「第一个项目」" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("第一个项目");
  await expect(page.locator("#current-draft-name")).toHaveText("第一个项目");

  // Rename (Enter), duplicate.
  await openBox(page);
  await page.getByRole("button", { name: "重命名「第二个项目」" }).click();
  const input = page.getByLabel("新名称（原名「第二个项目」）");
  await expect(input).toBeFocused();
  await input.fill("二号表");
  await input.press("Enter");
  await expect(page.getByRole("button", { name: "打开「二号表」" })).toBeVisible();
  await page.getByRole("button", { name: "复制「二号表」" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已复制为「二号表（副本）」" })).toBeVisible();
  await page.getByRole("button", { name: "打开「二号表（副本）」" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("第二个项目");
  // A renamed draft keeps its name when its project changes.
  await openBox(page);
  await page.getByRole("button", { name: "打开「二号表」" }).click();
  await page.getByLabel("项目名称").fill("第二个项目（改）");
  await expect(status(page)).toContainText("已保存");
  await page.reload();
  await expect(page.getByLabel("项目名称")).toHaveValue("第二个项目（改）");
  await expect(page.locator("#current-draft-name")).toHaveText("二号表");
  expect(problems).toEqual([]);
});

test("a deleted draft comes back whole: undo in the toast, and from the trash", async ({ page }) => {
  const problems = watchProblems(page);
  page.on("dialog", (d) => d.accept());
  await page.goto("./");
  await ready(page);
  await page.getByLabel("项目名称").fill("保留的项目");
  await page.getByLabel("从示例开始").selectOption({ label: "示例 5：技术市场服务（60.00 万元）" });
  await page.getByLabel("三级指标 第2行").fill("改过的指标名");
  await expect(status(page)).toContainText("已保存");
  const whole = async () => {
    await expect(page.getByLabel("项目名称")).toHaveValue("技术市场服务");
    await expect(page.getByLabel("预算数")).toHaveValue("60.00");
    await expect(page.getByLabel("三级指标 第2行")).toHaveValue("改过的指标名");
    await expect(page.getByLabel("三级指标 第9行")).toHaveValue("技术转移机构人员满意度");
  };

  // Delete the open draft: the next one opens; 撤销 brings it back, open.
  await openBox(page);
  await page.getByRole("button", { name: "删除「技术市场服务」" }).click();
  const toast = page.locator(".xfer-toast[role=status]");
  await expect(toast).toContainText("已删除「技术市场服务」");
  await expect(draftBox(page).locator("tr.draft")).toHaveCount(1);
  await expect(page.locator("#current-draft-name")).toHaveText("保留的项目");
  await toast.getByRole("button", { name: "撤销" }).click();
  await expect(page.locator("#current-draft-name")).toHaveText("技术市场服务");
  await closeBox(page);
  await whole();

  // Delete again; restore from the trash (回收站).
  await openBox(page);
  await page.getByRole("button", { name: "删除「技术市场服务」" }).click();
  await page.locator(".toast-close").click();
  await page.getByText("回收站（1）").click();
  await page.getByRole("button", { name: "恢复「技术市场服务」" }).click();
  await expect(page.getByText("回收站（0）")).toBeVisible();
  await page.getByRole("button", { name: "打开「技术市场服务」" }).click();
  await whole();
  await page.reload();
  await whole();

  // Delete for good: asked first, then gone.
  await openBox(page);
  await page.getByRole("button", { name: "删除「技术市场服务」" }).click();
  await page.getByText("回收站（1）").click();
  let asked = "";
  page.once("dialog", (d) => {
    asked = d.message();
  });
  await page.getByRole("button", { name: "永久删除「技术市场服务」" }).click();
  expect(asked).toContain("永久删除「技术市场服务」");
  await expect(page.getByText("回收站（0）")).toBeVisible();
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("jixiao.draft.")));
  expect(keys).toHaveLength(1);
  expect(problems).toEqual([]);
});

test("two tabs: one follows the other, and a conflict keeps both texts", async ({ page, context }, testInfo) => {
  const problems = watchProblems(page);
  const a = page;
  // Tab A's clock can be paused, so that its changes wait unsaved.
  await a.clock.install();
  await a.goto("./");
  await ready(a);
  await a.getByLabel("项目名称").fill("共同的项目");
  await expect(status(a)).toContainText("已保存");

  const b = await context.newPage();
  const problemsB = watchProblems(b);
  await b.goto("./");
  // A new tab opens the most recently edited draft.
  await expect(b.getByLabel("项目名称")).toHaveValue("共同的项目");

  // B edits; A has nothing unsaved and follows silently.
  await b.getByLabel("单位编码").fill("331202");
  await expect(status(b)).toContainText("已保存");
  await expect(a.getByLabel("单位编码")).toHaveValue("331202");

  // A types and its save waits (the clock of the browser context stops);
  // B saves a different change first, as it does when its tab is hidden.
  await a.clock.pauseAt(Date.now() + 60_000);
  await a.getByLabel("资金用途", { exact: true }).fill("A 页写的资金用途");
  await b.getByLabel("单位名称").fill("B 页写的单位名称");
  await expect(status(a)).toHaveText("保存中…");
  await expect(status(b)).toHaveText("保存中…");
  await b.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
  await expect(status(b)).toContainText("已保存");
  await a.clock.resume();

  const dialog = a.getByRole("dialog", { name: "这份草稿在另一个标签页中也被修改了" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute("aria-modal", "true");
  await expectAccessible(a, "conflict dialog");
  await expect(dialog).toContainText("对方的（另一个标签页）");
  await expect(dialog).toContainText("我的（本页）");
  const diff = dialog.locator("table.diff");
  await expect(diff.getByRole("row", { name: /单位名称/ })).toContainText("B 页写的单位名称");
  await expect(diff.getByRole("row", { name: /资金用途/ })).toContainText("A 页写的资金用途");
  await expect(dialog.getByRole("button", { name: "两份都保留" })).toBeFocused();
  await a.setViewportSize({ width: 1366, height: 768 });
  await a.screenshot({ path: `e2e/screenshots/drafts-conflict-${testInfo.project.name}.png` });

  // Focus stays in the dialog.
  for (let i = 0; i < 6; i++) {
    await a.keyboard.press("Tab");
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await a.keyboard.press("Shift+Tab");
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);

  // Esc decides later; nothing is saved meanwhile, and nothing lost.
  await a.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(status(a)).toContainText("未保存");
  await a.getByRole("button", { name: "解决冲突…" }).click();
  await expect(dialog).toBeVisible();

  // Keep both: A continues on a new draft with its text; B's stays.
  await dialog.getByRole("button", { name: "两份都保留" }).click();
  await expect(dialog).toBeHidden();
  await expect(a.locator("#current-draft-name")).toHaveText("共同的项目（本页版本）");
  await expect(a.getByLabel("资金用途", { exact: true })).toHaveValue("A 页写的资金用途");
  await expect(status(a)).toContainText("已保存");
  await expect(b.getByLabel("单位名称")).toHaveValue("B 页写的单位名称");
  await expect(b.getByLabel("资金用途", { exact: true })).toHaveValue("");

  // Both tabs list both drafts (B learns of A's new one by the storage event).
  await openBox(b);
  await expect(draftBox(b).locator("tr.draft td.c-name button.link")).toHaveText([
    "共同的项目（本页版本）",
    "共同的项目",
  ]);

  // Keep theirs / keep mine: another round on the same draft.
  await closeBox(b);
  const c = await context.newPage();
  await c.goto("./");
  await expect(c.getByLabel("资金用途", { exact: true })).toHaveValue("A 页写的资金用途");
  await a.clock.pauseAt(Date.now() + 120_000);
  await a.getByLabel("资金用途", { exact: true }).fill("A 的第二稿");
  await c.getByLabel("资金用途", { exact: true }).fill("C 的第二稿");
  await c.evaluate(() => window.dispatchEvent(new PageTransitionEvent("pagehide")));
  await expect(status(c)).toContainText("已保存");
  await a.clock.resume();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "保留对方的" }).click();
  await expect(a.getByLabel("资金用途", { exact: true })).toHaveValue("C 的第二稿");
  // Mine is one undo away.
  await a.locator("#undo").click();
  await expect(a.getByLabel("资金用途", { exact: true })).toHaveValue("A 的第二稿");
  await expect(status(a)).toContainText("已保存");
  await expect(c.getByLabel("资金用途", { exact: true })).toHaveValue("A 的第二稿");

  expect(problems).toEqual([]);
  expect(problemsB).toEqual([]);
});

test("a damaged entry is listed, downloadable, and never stops the app", async ({ page }) => {
  const problems = watchProblems(page);
  page.on("dialog", (d) => d.accept());
  await page.goto("./");
  await ready(page);
  await page.getByLabel("项目名称").fill("好的草稿");
  await expect(status(page)).toContainText("已保存");
  const raw = '{"format":"jixiao-draft","version":2,"id":"broken","table":{"project":';
  const future = JSON.stringify({
    format: "jixiao-draft",
    version: 3,
    id: "future",
    name: "新版本写的草稿",
    revision: 4,
    created: Date.now(),
    updated: Date.now() - 60_000,
    trashed: null,
    table: { project: "新版本的项目", goals: ["新目标"] },
    collaborators: ["新字段"],
  });
  await page.evaluate(
    ([raw, future]) => {
      localStorage.setItem("jixiao.draft.broken", raw);
      localStorage.setItem("jixiao.draft.future", future);
    },
    [raw, future],
  );
  await page.reload();
  await expect(page.getByLabel("项目名称")).toHaveValue("好的草稿");

  await openBox(page);
  const damaged = page.getByRole("region", { name: /损坏的草稿/ });
  await expect(damaged).toContainText("损坏的草稿（1）");
  await expect(damaged).toContainText("jixiao.draft.broken");
  const download = page.waitForEvent("download");
  await damaged.getByRole("button", { name: "下载原文" }).click();
  const file = await download;
  expect(readFileSync(await file.path(), "utf8")).toBe(raw);

  // The newer version's draft opens read-only and is never written.
  await page.getByRole("button", { name: "打开「新版本写的草稿」" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("新版本的项目");
  await expect(page.getByLabel("项目名称")).toBeDisabled();
  await expect(page.getByRole("status").filter({ hasText: "更新版本的编制器" })).toBeVisible();
  await expect(status(page)).toHaveText("只读");
  expect(await page.evaluate(() => localStorage.getItem("jixiao.draft.future"))).toBe(future);
  // An editable copy can be made.
  await page.getByRole("button", { name: "另存为可编辑的副本" }).click();
  await expect(page.getByLabel("项目名称")).toBeEnabled();
  await page.getByLabel("项目名称").fill("新版本的项目（改）");
  await expect(status(page)).toContainText("已保存");
  expect(await page.evaluate(() => localStorage.getItem("jixiao.draft.future"))).toBe(future);

  // The damaged entry goes only when the user says so.
  await openBox(page);
  await damaged.getByRole("button", { name: "删除" }).click();
  await expect(damaged).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem("jixiao.draft.broken"))).toBeNull();
  await page.getByRole("button", { name: "打开「好的草稿」" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("好的草稿");
  expect(problems).toEqual([]);
});

test("undo and redo across several edits", async ({ page }) => {
  const problems = watchProblems(page);
  await page.goto("./");
  await ready(page);
  const project = page.getByLabel("项目名称");
  const unit = page.getByLabel("单位名称");
  const undo = page.locator("#undo");
  const redo = page.locator("#redo");
  await expect(undo).toBeDisabled();

  // Typing in one field is one step, not one per character.
  await project.pressSequentially("科技统计");
  await unit.fill("研究院");
  await page.getByRole("button", { name: "新增指标（产出指标/数量指标）" }).click();
  await page.getByLabel("三级指标 第1行").fill("测评数量");
  await page.getByLabel("指标值 第1行").fill("3个");
  await expect(page.getByLabel("指标值 第1行")).toBeFocused();

  // Ctrl+Z from inside a text field: the page's undo.
  await page.keyboard.press("Control+z");
  await expect(page.getByLabel("指标值 第1行")).toHaveValue("");
  await page.keyboard.press("Control+z");
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("");
  await page.keyboard.press("Control+z");
  await expect(page.getByLabel("三级指标 第1行")).toHaveCount(0);
  await page.keyboard.press("Control+z");
  await expect(unit).toHaveValue("");
  await expect(project).toHaveValue("科技统计");
  await expect(unit).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect(project).toHaveValue("");
  await expect(undo).toBeDisabled();

  // Redo: Ctrl+Y, Ctrl+Shift+Z, the button.
  await page.keyboard.press("Control+y");
  await expect(project).toHaveValue("科技统计");
  await page.keyboard.press("Control+Shift+z");
  await expect(unit).toHaveValue("研究院");
  await redo.click();
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("");
  await redo.click();
  await redo.click();
  await expect(page.getByLabel("指标值 第1行")).toHaveValue("3个");
  await expect(redo).toBeDisabled();
  await undo.click();
  await expect(page.getByLabel("指标值 第1行")).toHaveValue("");
  // A new edit drops the redo steps.
  await page.getByLabel("指标值 第1行").fill("≥5个");
  await expect(redo).toBeDisabled();

  // Undo is saved like any edit.
  await expect(status(page)).toContainText("已保存");
  await page.reload();
  await expect(page.getByLabel("指标值 第1行")).toHaveValue("≥5个");
  await expect(project).toHaveValue("科技统计");
  expect(problems).toEqual([]);
});

test("localStorage disabled: a banner says so and editing works in memory", async ({ page }) => {
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto("./");
  const banner = page.getByRole("alert").filter({ hasText: "刷新或关闭后将丢失" });
  await expect(banner).toBeVisible();
  await page.getByLabel("项目名称").fill("只在内存里");
  await expect(status(page)).toContainText("已保存");
  await page.getByRole("button", { name: "新建空白表" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("");
  await openBox(page);
  await page.getByRole("button", { name: "打开「只在内存里」" }).click();
  await expect(page.getByLabel("项目名称")).toHaveValue("只在内存里");
  await page.getByLabel("项目名称").fill("改过");
  await page.getByLabel("项目名称").press("Control+z");
  await expect(page.getByLabel("项目名称")).toHaveValue("只在内存里");
  // The table can be taken away as a file.
  const download = page.waitForEvent("download");
  await banner.getByRole("button", { name: "导出此表" }).click();
  expect((await download).suggestedFilename()).toMatch(/\.json$/);
  expect(problems).toEqual([]);
});

test("storage full: the text stays, an export is offered, saving resumes", async ({ page }) => {
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if ((window as any).__full && key.startsWith("jixiao.draft.")) {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      }
      return set.call(this, key, value);
    };
  });
  await page.goto("./");
  await ready(page);
  await page.getByLabel("项目名称").fill("存得下的项目");
  await expect(status(page)).toContainText("已保存");
  await page.evaluate(() => ((window as any).__full = true));
  await page.getByLabel("项目名称").fill("存不下的项目");
  await expect(status(page)).toContainText("未保存：浏览器存储空间已满");
  const banner = page.getByRole("alert").filter({ hasText: "存储空间已满" });
  await expect(banner).toBeVisible();
  // The stored draft is the last good one, whole.
  const stored = await page.evaluate(() => {
    const k = Object.keys(localStorage).find((k) => k.startsWith("jixiao.draft."))!;
    return JSON.parse(localStorage.getItem(k)!).table.project;
  });
  expect(stored).toBe("存得下的项目");
  const download = page.waitForEvent("download");
  await banner.getByRole("button", { name: "导出此表（JSON）" }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), "utf8"));
  expect(exported.tables[0].project).toBe("存不下的项目");

  // Space again: the next change is saved, the banner goes.
  await page.evaluate(() => ((window as any).__full = false));
  await page.getByLabel("单位名称").fill("研究院");
  await expect(status(page)).toContainText("已保存");
  await expect(banner).toBeHidden();
  await page.reload();
  await expect(page.getByLabel("项目名称")).toHaveValue("存不下的项目");
  expect(problems).toEqual([]);
});

test("the draft box at 1366x768", async ({ page }, testInfo) => {
  const problems = watchProblems(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("./");
  await ready(page);
  for (const label of [
    "示例 1：科技统计信息系统建设和运维（45.00 万元）",
    "示例 5：技术市场服务（60.00 万元）",
  ]) {
    await page.getByLabel("从示例开始").selectOption({ label });
  }
  await page.getByRole("button", { name: "新建空白表" }).click();
  await page.getByLabel("项目名称").fill("科技成果转化专项（一个很长的项目名称，用来看表格里名称列是否会把别的列挤出去）");
  await page.getByLabel("预算数").fill("120.5");
  await expect(status(page)).toContainText("已保存");
  await page.evaluate(() => localStorage.setItem("jixiao.draft.broken", "{not json"));
  await openBox(page);
  await page.getByRole("button", { name: "删除「技术市场服务」" }).click();
  await page.getByText("回收站（1）").click();
  await page.screenshot({ path: `e2e/screenshots/drafts-box-${testInfo.project.name}.png` });
  expect(problems).toEqual([]);
});

test("the draft a tab had open, found damaged on reload, is named and offered for download", async ({ page }) => {
  page.on("dialog", (d) => d.accept());
  await page.goto("./");
  await ready(page);
  await page.getByLabel("项目名称").fill("留着的草稿");
  await expect(status(page)).toContainText("已保存");
  // A second draft, open when the page is reloaded.
  await page.getByRole("button", { name: "新建空白表" }).first().click();
  await page.getByLabel("项目名称").fill("会被损坏的草稿");
  await expect(status(page)).toContainText("已保存");
  // Another program cuts its stored entry short.
  const key = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      const v = localStorage.getItem(k)!;
      if (k.startsWith("jixiao.draft.") && v.includes("会被损坏的草稿")) {
        localStorage.setItem(k, v.slice(0, v.indexOf('"table"')));
        return k;
      }
    }
    return null;
  });
  expect(key).not.toBeNull();
  await page.reload();
  // Not silently another draft: a banner names the damaged one.
  const banner = page.locator(".banner.damaged-open");
  await expect(banner).toHaveAttribute("role", "alert");
  await expect(banner).toContainText("上次打开的草稿「会被损坏的草稿」已损坏");
  await expect(page.getByLabel("项目名称")).toHaveValue("留着的草稿");
  const [file] = await Promise.all([page.waitForEvent("download"), banner.getByRole("button", { name: "下载原文" }).click()]);
  expect(file.suggestedFilename()).toMatch(/^损坏的草稿-.+\.txt$/);
  const raw = (await import("node:fs")).readFileSync(await file.path(), "utf8");
  expect(raw).toContain("会被损坏的草稿");
  await banner.getByRole("button", { name: "知道了" }).click();
  await expect(banner).toBeHidden();
});
