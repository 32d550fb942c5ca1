import { expect, test, type Page } from "@playwright/test";

// Tablet width (768 px portrait, 1024 px landscape) and the office screen
// (1366x768): the page never scrolls sideways, and every control of the
// editor can be reached and used. Screenshots go to e2e/screenshots/.

async function noSidewaysScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.scrollingElement!.scrollWidth,
    width: window.innerWidth,
  }));
  expect(scroll, "the page scrolls sideways").toBeLessThanOrEqual(width);
}

for (const [w, h] of [
  [768, 1024],
  [1024, 768],
  [1366, 768],
]) {
  test(`editor at ${w}x${h}`, async ({ page }, info) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto("./");
    await page.getByLabel("从示例开始").selectOption({ index: 1 });
    await expect(page.getByLabel("项目名称")).not.toHaveValue("");
    await noSidewaysScroll(page);
    // A value cell deep in the table is reachable and editable.
    const value = page.getByLabel("指标值 第3行");
    await value.scrollIntoViewIfNeeded();
    await value.fill("≥96%");
    await expect(value).toHaveValue("≥96%");
    const box = await value.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(w);
    await expect(page.getByRole("button", { name: "删除 第3行" })).toBeInViewport();
    await page.screenshot({ path: `e2e/screenshots/tablet-${w}x${h}-rows-${info.project.name}.png` });
    await page.getByRole("button", { name: "English" }).click();
    await noSidewaysScroll(page);
    await page.screenshot({ path: `e2e/screenshots/tablet-${w}x${h}-en-${info.project.name}.png` });
    await page.getByRole("button", { name: "中文" }).click();
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `e2e/screenshots/tablet-${w}x${h}-${info.project.name}.png` });
  });
}
