import { expect, test, type Page } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Offline use and updates (src/ui/offline.rs, sw.js, scripts/sw.mjs): after
// one visit the page opens with no network, drafts and all; a new build
// waits until the author chooses 重新加载, which keeps the drafts; the web
// app manifest resolves relative to the page. Each runs at the site root
// (project "root") and under /jixiao/ (project "subpath").

const heading = (page: Page) =>
  page.getByRole("heading", { level: 1, name: "绩效目标表编制器" });
const project = (page: Page) => page.getByRole("textbox", { name: "项目名称" });
const saveStatus = (page: Page) => page.locator("#save-status");
const draftBox = (page: Page) => page.getByRole("region", { name: "草稿箱" });
const prompt = (page: Page) => page.getByRole("status").filter({ hasText: "新版本已就绪" });

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console.error: ${msg.text()}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} ${res.url()}`);
  });
  page.on("requestfailed", (req) => problems.push(`request failed: ${req.url()}`));
  return problems;
}

/** Waits until the service worker is active and controls the page. */
async function controlled(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Types a project name and waits until autosave has stored it. */
async function typeProject(page: Page, name: string) {
  await project(page).fill(name);
  await page.waitForTimeout(1000);
  await expect(saveStatus(page)).toContainText("已保存");
}

async function listsDraft(page: Page, name: string) {
  await page.locator("#draftbox-toggle").click();
  await expect(draftBox(page).getByRole("row", { name: new RegExp(name) })).toBeVisible();
}

test("after one visit the page opens with no network, with its drafts", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto("./");
  await expect(heading(page)).toBeVisible();
  await controlled(page);
  // Registered for the page's own directory: "/" or "/jixiao/".
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(new URL("./", baseURL).href);
  await typeProject(page, "断网也能打开的项目");

  await context.setOffline(true);
  const problems = watchProblems(page);
  const fromWorker: string[] = [];
  page.on("response", (res) => {
    if (res.fromServiceWorker()) fromWorker.push(new URL(res.url()).pathname);
  });
  await page.reload();
  await expect(heading(page)).toBeVisible();
  await expect(project(page)).toHaveValue("断网也能打开的项目");
  await listsDraft(page, "断网也能打开的项目");
  // The page, its script, its WebAssembly and its styles came from the worker.
  const files = fromWorker.map((p) => p.split("/").pop());
  expect(files).toContain("");
  expect(files.some((f) => /^jixiao-web-[0-9a-f]+\.js$/.test(f!))).toBe(true);
  expect(files.some((f) => /^jixiao-web-[0-9a-f]+_bg\.wasm$/.test(f!))).toBe(true);
  expect(files.some((f) => /^main-[0-9a-f]+\.css$/.test(f!))).toBe(true);
  // Still editing offline: a change is stored as usual.
  await page.locator("#draftbox-toggle").click();
  await project(page).fill("断网时改过的项目");
  await expect(saveStatus(page)).toContainText("已保存", { timeout: 2500 });
  // Import and export offline too: the formats worker, loaded on first
  // use, comes from the service worker's cache.
  await page.getByRole("button", { name: "导出 ▾" }).click();
  const [word] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("menuitem", { name: "导出 Word（.docx）" }).click(),
  ]);
  expect(word.suggestedFilename()).toBe("断网时改过的项目.docx");
  expect(fromWorker.map((p) => p.split("/").pop())).toContain("jixiao-worker_bg.wasm");
  expect(problems).toEqual([]);
  await context.setOffline(false);
});

// A server of its own on a copy of dist/, so the test can publish a "new
// version" (a changed sw.js) without touching the shared servers.
async function serveCopy(prefix: string): Promise<{ url: string; dir: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), "jixiao-offline-"));
  cpSync("dist", dir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ["e2e/serve.mjs", dir, "0", prefix], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`serve.mjs exited (${code})`)));
  });
  return {
    url,
    dir,
    stop: () => {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test("a new version waits for 重新加载, and the drafts stay", async ({ page, baseURL }, testInfo) => {
  const server = await serveCopy(new URL(baseURL!).pathname);
  try {
    const problems = watchProblems(page);
    await page.goto(server.url);
    await expect(heading(page)).toBeVisible();
    await controlled(page);
    await typeProject(page, "更新前写好的项目");
    await expect(prompt(page)).toHaveCount(0);

    // Publish a new version: sw.js with another build version.
    const swPath = join(server.dir, "sw.js");
    const sw = readFileSync(swPath, "utf8");
    const version = /const VERSION = "([0-9a-f]+)";/.exec(sw)![1];
    writeFileSync(swPath, sw.replace(`"${version}"`, `"${version}-next"`));
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())!.update();
    });

    // The page offers it and does not switch by itself.
    await expect(prompt(page)).toBeVisible();
    await expect(prompt(page).getByRole("button", { name: "重新加载" })).toBeVisible();
    await page.screenshot({ path: `/tmp/offline-prompt-${testInfo.project.name}.png` });
    await prompt(page).getByRole("button", { name: "稍后" }).click();
    await expect(prompt(page)).toHaveCount(0);

    // Still waiting after a plain reload (the old version keeps the page).
    await page.reload();
    await expect(heading(page)).toBeVisible();
    await expect(project(page)).toHaveValue("更新前写好的项目");
    await expect(prompt(page)).toBeVisible();
    const caches0 = await page.evaluate(() => caches.keys());
    expect(caches0.filter((c) => c.endsWith(` ${version}`))).toHaveLength(1);

    // Typed just before choosing 重新加载: stored before the page goes.
    await project(page).fill("更新时刚改的项目");
    const reloaded = page.waitForEvent("load");
    await prompt(page).getByRole("button", { name: "重新加载" }).click();
    await reloaded;
    await expect(heading(page)).toBeVisible();
    await expect(project(page)).toHaveValue("更新时刚改的项目");
    await expect(prompt(page)).toHaveCount(0);
    // The new version controls the page; the old version's cache is gone.
    const caches1 = await page.evaluate(() => caches.keys());
    expect(caches1.filter((c) => c.endsWith(` ${version}-next`))).toHaveLength(1);
    expect(caches1.filter((c) => c.endsWith(` ${version}`))).toHaveLength(0);
    await listsDraft(page, "更新时刚改的项目");
    expect(problems).toEqual([]);
  } finally {
    server.stop();
  }
});

test("the web app manifest resolves relative to the page", async ({ page, baseURL }) => {
  await page.goto("./");
  await expect(heading(page)).toBeVisible();
  const href = await page.locator('link[rel="manifest"]').evaluate((l) => (l as HTMLLinkElement).href);
  expect(href).toBe(new URL("manifest.webmanifest", baseURL).href);
  const res = await page.request.get(href);
  expect(res.ok()).toBe(true);
  const manifest = await res.json();
  expect(manifest.name).toBe("绩效目标表编制器");
  expect(manifest.short_name).toBe("绩效目标表");
  expect(manifest.start_url).toBe("./");
  expect(manifest.scope).toBe("./");
  expect(manifest.display).toBe("standalone");
  expect(manifest.lang).toBe("zh-CN");
  // start_url resolves to the page itself, at the root and under a sub-path.
  expect(new URL(manifest.start_url, href).href).toBe(new URL("./", baseURL).href);
  for (const icon of manifest.icons) {
    const got = await page.request.get(new URL(icon.src, href).href);
    expect(got.ok(), icon.src).toBe(true);
    expect(got.headers()["content-type"]).toContain(icon.type);
  }
  expect(manifest.icons.some((i: { sizes: string }) => i.sizes === "512x512")).toBe(true);
});
