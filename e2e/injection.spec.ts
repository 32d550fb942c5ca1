import { expect, test, type Page } from "@playwright/test";

// Text that looks like HTML or script, in every field of a table that comes
// in as JSON, is shown as text everywhere (editor, print view, shared view)
// and never runs: no alert, no injected element, no global set.
const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `</textarea><script>window.__pwned='script'</script>`,
  `javascript:window.__pwned='url'`,
  `"><svg onload="window.__pwned='svg'">`,
];

function hostileTable() {
  const p = (i: number) => PAYLOADS[i % PAYLOADS.length];
  return {
    unit_code: p(0), unit_name: p(1), money_unit: "万元", project: p(0),
    budget: { total: p(2), fiscal: "1.00", other: null },
    purpose: p(3), goals: [p(1), p(2)], framework: "2020",
    indicators: [
      { level1: "产出指标", level2: "数量指标", name: p(0), description: p(1), value: p(2) },
      { level1: p(3), level2: p(0), name: p(1), description: p(2), value: p(3) },
    ],
  };
}

async function guard(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  return async () => {
    expect(dialogs).toEqual([]);
    const pwned = await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned);
    expect(pwned).toBeUndefined();
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length +
        [...document.scripts].filter((s) => s.textContent?.includes("__pwned")).length,
    );
    expect(injected).toBe(0);
  };
}

test("hostile text in every field stays text: editor, print view, share link", async ({ page }) => {
  const check = await guard(page);
  await page.goto("./");
  await expect(page.getByLabel("项目名称")).toBeVisible();

  // In as JSON through the import dialog.
  await page.getByRole("button", { name: "导入…" }).click();
  const dialog = page.getByRole("dialog", { name: "导入绩效目标表" });
  const json = JSON.stringify({ format: "jixiao", version: 1, tables: [hostileTable()] });
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    const area = document.getElementById("import-paste")!;
    area.focus();
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, json);
  await expect(dialog.getByRole("button", { name: "导入 1 张表" })).toBeVisible();
  await check();
  await dialog.getByRole("button", { name: "导入 1 张表" }).click();

  // The editor shows the text as typed.
  await expect(page.getByLabel("项目名称")).toHaveValue(PAYLOADS[0]);
  await expect(page.getByLabel("单位名称")).toHaveValue(PAYLOADS[1]);
  await expect(page.getByLabel("资金用途", { exact: true })).toHaveValue(PAYLOADS[3]);
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue(PAYLOADS[0]);
  await expect(page.getByLabel("指标值 第1行")).toHaveValue(PAYLOADS[2]);
  await check();

  // The print view.
  await page.getByRole("button", { name: "导出 ▾" }).click();
  await page.getByRole("menuitem", { name: "打印本表…" }).click();
  await expect(page.locator(".print-title").first()).toContainText(PAYLOADS[0]);
  await check();
  await page.keyboard.press("Escape");

  // A share link of it, opened.
  await expect(page.getByLabel("项目名称")).toBeVisible();
  await page.getByRole("button", { name: "导出 ▾" }).click();
  await page.getByRole("menuitem", { name: "分享链接…" }).click();
  const link = await page.getByRole("textbox", { name: "分享链接" }).inputValue();
  await page.goto(link);
  await page.reload();
  const view = page.getByRole("region", { name: "分享的绩效目标表（只读）" });
  await expect(view).toBeVisible();
  await expect(view).toContainText(PAYLOADS[1]);
  await check();
});

test("a pasted Word/Excel table carrying script stays text", async ({ page }) => {
  const check = await guard(page);
  await page.goto("./");
  await expect(page.getByLabel("项目名称")).toBeVisible();
  const html = `<html><body><script>window.__pwned='clip'</script>
<table border=1>
<tr><td>项目名称</td><td colspan=4>&lt;img src=x onerror="window.__pwned='cell'"&gt;<img src=x onerror="window.__pwned='tag'"></td></tr>
<tr><td>预算数</td><td>10.00</td><td>其中：财政资金</td><td>10.00</td><td>其他资金</td><td></td></tr>
<tr><td>绩效目标</td><td colspan=4>1.<a href="javascript:window.__pwned='a'">完成</a></td></tr>
<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>绩效指标描述</td><td>指标值</td></tr>
<tr><td>产出指标</td><td>数量指标</td><td><svg onload="window.__pwned='svg'"></svg>报告数量</td><td>报告</td><td>≥1篇</td></tr>
</table></body></html>`;
  await page.getByRole("button", { name: "导入…" }).click();
  const dialog = page.getByRole("dialog", { name: "导入绩效目标表" });
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.setData("text/html", html);
    dt.setData("text/plain", "项目名称\t…");
    const area = document.getElementById("import-paste")!;
    area.focus();
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, html);
  await expect(dialog.getByRole("button", { name: "导入 1 张表" })).toBeVisible();
  await check();
  await dialog.getByRole("button", { name: "导入 1 张表" }).click();
  // The escaped text in the cell is the project name, as text.
  await expect(page.getByLabel("项目名称")).toHaveValue(/^<img src=x onerror=/);
  await expect(page.getByLabel("三级指标 第1行")).toHaveValue("报告数量");
  await check();
});
