import { devices, expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";

// A phone (390x844, touch): a colleague opens a share link, or fixes one
// value between meetings. Every indicator row is a card, touch targets are
// at least 44 px, and the page never scrolls sideways from 360 to 414 px.
// Screenshots go to e2e/screenshots/.

test.use({
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  deviceScaleFactor: 2,
  userAgent: devices["Pixel 7"].userAgent,
});

// On a phone the browser widens its layout viewport to the widest content
// (window.innerWidth grows past the screen), so compare with the screen.
async function noSidewaysScroll(page: Page, where: string) {
  const screen = page.viewportSize()!.width;
  const { scroll, layout } = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollWidth,
    layout: window.innerWidth,
  }));
  expect(Math.max(scroll, layout), `${where}: the page is wider than the ${screen} px screen`).toBeLessThanOrEqual(screen);
}

async function openExample(page: Page) {
  await page.goto("./");
  await page.getByLabel("从示例开始").selectOption({ index: 1 });
  await expect(page.getByLabel("项目名称")).not.toHaveValue("");
}

async function widthOf(page: Page, label: string) {
  const box = await page.getByLabel(label, { exact: true }).boundingBox();
  return box!.width;
}

test("an example table on a phone: cards, wide fields, no sideways scroll", async ({ page }, info) => {
  await openExample(page);
  const rows = await page.locator("tr.ind-row").count();
  expect(rows).toBeGreaterThan(3);
  // Every 三级指标 and 指标值 field is wide enough to read and type in.
  for (let n = 1; n <= rows; n++) {
    expect(await widthOf(page, `三级指标 第${n}行`), `三级指标 第${n}行`).toBeGreaterThanOrEqual(120);
    expect(await widthOf(page, `指标值 第${n}行`), `指标值 第${n}行`).toBeGreaterThanOrEqual(120);
  }
  // The row is a card: its three text fields are stacked, full width.
  const name = await page.getByLabel("三级指标 第2行").boundingBox();
  const value = await page.getByLabel("指标值 第2行").boundingBox();
  expect(value!.y).toBeGreaterThan(name!.y + name!.height - 1);
  expect(name!.width).toBeGreaterThan(300);
  for (const w of [360, 390, 414]) {
    await page.setViewportSize({ width: w, height: 844 });
    await noSidewaysScroll(page, `editor at ${w} px`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByLabel("指标值 第2行").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/screenshots/phone-editor-${info.project.name}.png` });
});

test("touch targets are at least 44 px", async ({ page }) => {
  await openExample(page);
  const small = await page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      ".ind-table button, .ind-table select, .ind-table input, .ind-table textarea, .steps a",
    )) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not shown
      if (r.height < 44 || r.width < 44) {
        out.push(`${el.getAttribute("aria-label") ?? el.textContent?.trim()}: ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
    }
    return out;
  });
  expect(small).toEqual([]);
});

test("add and remove a row by tap; a bad value shows its finding on that field", async ({ page }, info) => {
  await openExample(page);
  const before = await page.locator("tr.ind-row").count();
  const add = page.getByRole("button", { name: /^新增指标（产出指标\/数量指标）/ });
  await add.scrollIntoViewIfNeeded();
  await add.tap();
  await expect(page.locator("tr.ind-row")).toHaveCount(before + 1);
  const focused = page.locator(":focus");
  const label = (await focused.getAttribute("aria-label")) ?? "";
  expect(label).toMatch(/^三级指标 第\d+行$/);
  const n = Number(label.match(/第(\d+)行/)![1]);
  await focused.fill("培训人次");
  const value = page.getByLabel(`指标值 第${n}行`);
  await value.tap();
  await value.fill("105%");
  await value.blur();
  await expect(value).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await value.getAttribute("aria-describedby")) ?? "";
  const finding = page.locator(`#${describedBy.split(" ")[0]}`);
  await expect(finding).toContainText("超过 100%");
  // The finding sits under its field, inside the same card's width.
  const fb = await finding.boundingBox();
  const vb = await value.boundingBox();
  expect(fb!.y).toBeGreaterThan(vb!.y);
  expect(fb!.x + fb!.width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `e2e/screenshots/phone-finding-${info.project.name}.png` });
  await page.getByRole("button", { name: `删除 第${n}行` }).tap();
  await expect(page.locator("tr.ind-row")).toHaveCount(before);
  await noSidewaysScroll(page, "editor after a delete");
});

test("the step list stays reachable and a finding takes the author to its field", async ({ page }) => {
  await openExample(page);
  await page.getByLabel("指标值 第3行").fill("105%");
  await page.getByLabel("指标值 第3行").blur();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const steps = page.getByRole("navigation", { name: "填报步骤" });
  await expect(steps).toBeInViewport();
  await steps.getByRole("link", { name: /检查结果/ }).tap();
  const check = page.getByRole("region", { name: "检查结果" });
  const link = check.getByRole("button", { name: /第 3 行/ }).first();
  await link.scrollIntoViewIfNeeded();
  await link.tap();
  await expect(page.getByLabel("指标值 第3行")).toBeFocused();
  await expect(page.getByLabel("指标值 第3行")).toBeInViewport();
});

test("draft box, import dialog and help page fit the phone", async ({ page }, info) => {
  await openExample(page);
  await page.locator("#draftbox-toggle").tap();
  await expect(page.getByRole("region", { name: "草稿箱" })).toBeVisible();
  for (const w of [360, 414, 390]) {
    await page.setViewportSize({ width: w, height: 844 });
    await noSidewaysScroll(page, `draft box at ${w} px`);
  }
  await page.screenshot({ path: `e2e/screenshots/phone-drafts-${info.project.name}.png` });
  await expectAccessible(page, "draft box on a phone");
  await page.locator("#draftbox-toggle").tap();

  await page.getByRole("button", { name: "导入…" }).tap();
  await expect(page.getByRole("dialog", { name: "导入绩效目标表" })).toBeVisible();
  await noSidewaysScroll(page, "import dialog");
  await page.keyboard.press("Escape");

  await page.goto("./#help");
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  for (const w of [360, 414]) {
    await page.setViewportSize({ width: w, height: 844 });
    await noSidewaysScroll(page, `help at ${w} px`);
  }
});

test("axe on the phone editor", async ({ page }) => {
  await openExample(page);
  await expectAccessible(page, "editor on a phone");
});

test("a shared link on a phone: summary, findings, then the table; saved as a draft", async ({ page, browser }, info) => {
  await openExample(page);
  await page.getByRole("button", { name: "导出 ▾" }).tap();
  await page.getByRole("menuitem", { name: "分享链接…" }).tap();
  const link = await page.getByRole("dialog", { name: "分享此表" }).getByRole("textbox", { name: "分享链接" }).inputValue();
  const ctx = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    baseURL: info.project.use.baseURL,
  });
  const other = await ctx.newPage();
  await other.goto(link);
  const view = other.getByRole("region", { name: "分享的绩效目标表（只读）" });
  await expect(view).toBeVisible();
  // The order a reader wants on a small screen.
  const y = async (sel: string) => (await view.locator(sel).first().boundingBox())!.y;
  const findings = await y(".shared-findings");
  const table = await y(".paper");
  expect(findings).toBeLessThan(table);
  for (const w of [360, 390, 414]) {
    await other.setViewportSize({ width: w, height: 844 });
    await noSidewaysScroll(other, `shared view at ${w} px`);
  }
  // The official table keeps its width and scrolls inside its own box
  // instead of breaking numbers over lines.
  const paper = view.locator(".paper");
  const sizes = await paper.evaluate((el) => ({
    scroll: el.scrollWidth,
    client: el.clientWidth,
    table: el.querySelector(".print-table")!.getBoundingClientRect().width,
  }));
  expect(sizes.table).toBeGreaterThanOrEqual(560);
  expect(sizes.scroll).toBeGreaterThan(sizes.client);
  await other.screenshot({ path: `e2e/screenshots/phone-shared-${info.project.name}.png` });
  await expectAccessible(other, "shared link on a phone");
  await view.getByRole("button", { name: "保存为我的草稿" }).tap();
  await expect(view).toBeHidden();
  await expect(other.getByLabel("项目名称")).not.toHaveValue("");
  await ctx.close();
});
