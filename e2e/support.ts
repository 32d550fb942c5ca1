import type { Browser, Page, TestInfo } from "@playwright/test";

// What several end-to-end specs share.

/** Collects the page's uncaught errors and console errors; a spec expects
 *  the list to be empty at its end. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  return problems;
}

/** Chooses `name` in the 导出 menu. */
export async function exportItem(page: Page, name: string | RegExp) {
  await page.getByRole("button", { name: "导出 ▾" }).click();
  await page.getByRole("menuitem", { name }).click();
}

/** A page in a new browser profile (nothing stored), at 1366x768. */
export async function freshPage(browser: Browser, info: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: info.project.use.baseURL,
    viewport: { width: 1366, height: 768 },
    locale: "zh-CN",
  });
  return context.newPage();
}
