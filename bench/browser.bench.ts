import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";

// Measures, in headless Chromium against dist/:
// - cold load until the editor accepts input, next to a plain static HTML
//   page of the same table (dist/bench-static.html, written by scripts/bench);
// - keystroke latency in a 指标值 field of a 30-, 200- and 1,000-indicator
//   draft, from the key event to the task after the next frame, next to a
//   plain <input> on a static page of the same table (what `jixiao print`
//   writes, with one input added);
// - main-thread time of autosaving that draft (performance measures named
//   "jixiao-autosave" when the app records them, else long tasks while idle);
// - importing a 104-table document through the import dialog.
// Results go to test-results/bench/browser.json for scripts/bench.

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const KEYS = Number(process.env.BENCH_KEYS ?? 60);
const results: Record<string, unknown> = {};

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The first fixture table grown to `rows` indicators, as a v2 draft envelope. */
function bigDraft(rows: number) {
  const doc = JSON.parse(readFileSync("tests/fixtures/tianjin-2025-expected.json", "utf8"));
  const t = doc.tables[0];
  const base = t.indicators;
  t.indicators = Array.from({ length: rows }, (_, i) => ({
    ...base[i % base.length],
    name: `${base[i % base.length].name}-${i + 1}`,
  }));
  const now = Date.now();
  return {
    id: "bench",
    envelope: JSON.stringify({
      format: "jixiao-draft", version: 2, id: "bench", name: "基准测试",
      revision: 1, created: now, updated: now, trashed: null, table: t,
    }),
  };
}

test("cold load: app vs static page", async ({ browser }) => {
  const app: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [url, sink, ready] of [
      ["./", app, "app"],
      ["./bench-static.html", plain, "static"],
    ] as const) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(url);
      if (ready === "app") {
        await expect(page.getByLabel("项目名称", { exact: false }).first()).toBeEditable();
      } else {
        await page.waitForLoadState("load");
      }
      sink.push(await page.evaluate(() => performance.now()));
      await ctx.close();
    }
  }
  results.load = { app_ms: median(app), static_ms: median(plain), ratio: median(app) / median(plain) };
});

/** The draft's table as exchange JSON, printed by the CLI as a static
 *  page (the reference: what the browser does for a page of that table
 *  with nothing of ours on it). */
function staticPageOf(rows: number): string {
  const { envelope } = bigDraft(rows);
  const table = JSON.parse(envelope).table;
  const json = `/tmp/jixiao-bench-${rows}.json`;
  writeFileSync(json, JSON.stringify({ format: "jixiao", version: 1, tables: [table] }));
  const name = `bench-static-${rows}.html`;
  writeFileSync(`dist/${name}`, execFileSync("target/release/jixiao", ["print", json]));
  return name;
}

/** Latency of `keys` keystrokes into the focused field: from keydown to
 *  the task after the next frame (a requestAnimationFrame, then a task
 *  posted from inside it), each key only after the last one's frame. */
async function keystrokes(page: Page, keys: number): Promise<number[]> {
  await page.evaluate(() => {
    (window as any).__lat = [];
    if ((window as any).__latHooked) return;
    (window as any).__latHooked = true;
    document.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        requestAnimationFrame(() =>
          setTimeout(() => (window as any).__lat.push(performance.now() - t0), 0),
        );
      },
      true,
    );
  });
  await page.keyboard.press("End");
  await page.evaluate(() => ((window as any).__lat = []));
  for (let k = 0; k < keys; k++) {
    // Typing a digit after "≥95%" makes the value unreadable (a finding
    // appears); Backspace makes it fine again: every key changes findings.
    await page.keyboard.press(k % 2 === 0 ? "1" : "Backspace");
    await page.waitForFunction((n) => (window as any).__lat.length > n, k);
  }
  return (await page.evaluate(() => (window as any).__lat)) as number[];
}

for (const rows of [30, 200, 1000]) {
  test(`keystroke latency at ${rows} indicators`, async ({ browser }) => {
    // The reference: a plain <input> added to the static page of the table.
    const ref = await browser.newContext();
    const plain = await ref.newPage();
    await plain.goto(`./${staticPageOf(rows)}`);
    await plain.evaluate(() => {
      const i = document.createElement("input");
      i.setAttribute("aria-label", "plain");
      i.value = "≥95%";
      document.body.prepend(i);
    });
    await plain.getByLabel("plain", { exact: true }).click();
    const plainLat = await keystrokes(plain, KEYS);
    await ref.close();

    const ctx = await browser.newContext();
    const { id, envelope } = bigDraft(rows);
    await ctx.addInitScript(([id, envelope]) => {
      if (!localStorage.getItem("jixiao.draft." + id)) {
        localStorage.setItem("jixiao.draft." + id, envelope);
        localStorage.setItem("jixiao.index", JSON.stringify({ version: 2, ids: [id] }));
        localStorage.setItem("jixiao.current", id);
      }
    }, [id, envelope]);
    const page = await ctx.newPage();
    await page.goto("./");
    const field = page.getByLabel(`指标值 第${Math.ceil(rows / 2)}行`);
    await expect(field).toBeVisible({ timeout: 60_000 });
    await field.fill("≥95%");
    await field.click();
    const appLat = await keystrokes(page, KEYS);
    (results as any)[`keystroke_${rows}`] = {
      rows,
      app_p50_ms: pct(appLat, 50), app_p95_ms: pct(appLat, 95),
      static_input_p50_ms: pct(plainLat, 50), static_input_p95_ms: pct(plainLat, 95),
      ratio_p95: pct(appLat, 95) / Math.max(pct(plainLat, 95), 0.001),
      samples: appLat.length,
    };

    if (rows === 1000) {
      // Autosave of this draft: wait for a save after an edit and read its cost.
      await page.evaluate(() => performance.clearMeasures("jixiao-autosave"));
      await field.fill("≥96%");
      await page.waitForTimeout(2000);
      const saves = await page.evaluate(() =>
        performance.getEntriesByName("jixiao-autosave").map((e) => e.duration),
      );
      results.autosave = { rows, main_thread_ms: saves.length ? median(saves) : null, samples: saves.length };
    }
    await ctx.close();
  });
}

// A 104-table document (13 copies of the 8 published tables) pasted into
// the import dialog (a real paste event, as Ctrl+V sends), until the
// preview lists every table. (Playwright's fill() would mostly measure
// Chromium's own line-by-line text insertion, which is itself quadratic.)
const IMPORT_COPIES = Number(process.env.BENCH_IMPORT_COPIES ?? 13);
test("import of a multi-table document through the import dialog", async ({ browser }) => {
  const text = Array(IMPORT_COPIES).fill(readFileSync("tests/fixtures/tianjin-2025-tables-1-8.txt", "utf8")).join("\n");
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto("./");
  await page.getByRole("button", { name: /导入/ }).first().click();
  await expect(page.locator("#import-paste")).toBeVisible();
  const n = IMPORT_COPIES * 8;
  const ms = await page.evaluate(async ({ text, n }) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", text);
    const area = document.getElementById("import-paste")!;
    area.focus();
    const t0 = performance.now();
    area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    while (document.querySelectorAll(".import-list > li.import-item").length < n) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return performance.now() - t0;
  }, { text, n });
  await expect(page.getByRole("dialog")).toContainText(`找到 ${n} 张表`);
  results.import = { tables: n, preview_ms: Math.round(ms) };
  await ctx.close();
});

test.afterAll(() => {
  for (const rows of [30, 200, 1000]) rmSync(`dist/bench-static-${rows}.html`, { force: true });
  mkdirSync("test-results/bench", { recursive: true });
  writeFileSync("test-results/bench/browser.json", JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
});
