import { expect, test } from "@playwright/test";

// The built page carries a Content-Security-Policy that lets the app run
// (its own scripts, WebAssembly) and stops anything else: an injected inline
// script or a remote connection is refused by the browser.
test("the CSP lets the app run and blocks injected script", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) {
      violations.push(msg.text());
    }
  });
  await page.goto("./");
  await expect(page.getByRole("heading", { level: 1, name: "绩效目标表编制器" })).toBeVisible();
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  expect(csp).toContain("object-src 'none'");
  // The app itself ran without tripping the policy.
  expect(violations).toEqual([]);

  // An inline script someone manages to insert does not run …
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true;";
    document.body.appendChild(s);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  // … nor can the page talk to another server.
  const fetched = await page.evaluate(async () => {
    try {
      await fetch("https://example.com/steal");
      return true;
    } catch {
      return false;
    }
  });
  expect(fetched).toBe(false);
  await expect.poll(() => violations.length).toBeGreaterThan(0);
});
