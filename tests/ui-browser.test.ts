// End to end in headless Chromium: every view renders from a real server with no console errors.
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { loadConfig } from "../pipeline/cli/load-config";
import { Rung } from "../pipeline/core/config";
import { startObserver, type RunningObserver } from "../pipeline/observer/server";
import { kbLoader } from "../pipeline/ui/kb-cache";
import { fetchObserverStats } from "../pipeline/ui/observer-feed";
import { startUi, type RunningUi } from "../pipeline/ui/server";
import { buildUiFixture, type UiFixture } from "./fixtures/observer/ui-kb";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) console.warn(`ui-browser: skipped: ${CHROMIUM} not found (apt-get install -y chromium); under CI=true this fails instead`);
const run = haveChromium || process.env.CI ? describe : describe.skip;

run("control plane in a browser", () => {
  const { config } = loadConfig({ cwd: join(import.meta.dir, "..") });
  let fx: UiFixture;
  let obs: RunningObserver;
  let ui: RunningUi;
  let downUi: RunningUi;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI is set but ${CHROMIUM} is missing: the browser tests must run in CI`);
    fx = buildUiFixture(mkdtempSync(join(tmpdir(), "ui-e2e-")));
    obs = await startObserver({ host: "127.0.0.1", port: 0, dataDir: join(fx.root, "obs"), ringSize: 100, maxBodyBytes: 8192, cycleMs: 60_000, rungs: [Rung.parse({ provider: "static" })], env: {}, playbookEvery: 5, minSuccesses: 3, warn: () => {} });
    for (const [i, ok] of [true, false, true].entries()) {
      await fetch(`${obs.url}/event`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ source: "scrum", endpoint: "review", success: ok, file: `src/f${i}.ts`, iter: 3, score: ok ? 7 : null, model: "kimi-k2:1t", error: ok ? null : "timeout after 120000 ms" }) });
    }
    await obs.cycle();
    const deps = { loadKb: kbLoader(fx.kb, () => {}), kbDir: fx.kb, repoDir: fx.repo, signals: config.signals };
    ui = startUi({ ...deps, observer: () => fetchObserverStats(obs.url, { fetch, timeoutMs: 2000 }) }, { host: "127.0.0.1", port: 0 });
    downUi = startUi({ ...deps, observer: () => fetchObserverStats("http://127.0.0.1:1", { fetch, timeoutMs: 1000 }) }, { host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    await downUi?.stop();
    await obs?.stop();
    if (fx) rmSync(fx.root, { recursive: true, force: true });
  });

  async function visit(base: string, hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`${hash}: console ${m.type()}: ${m.text()}`); });
    page.on("pageerror", (e) => problems.push(`${hash}: page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`${hash}: request failed: ${r.url()}`));
    await page.goto(`${base}/${hash}`);
    await page.waitForSelector('#view[data-ready="true"]', { timeout: 10_000 });
    return page;
  }
  const checkClean = () => expect(problems).toEqual([]);

  test("MAP shows the file tree coloured by score, and by signal on request", async () => {
    const page = await visit(ui.url, "#map");
    expect(await page.locator("#tree .file").count()).toBe(5);
    expect(await page.textContent("h2")).toContain("5 files");
    await page.screenshot({ path: join(tmpdir(), "scrum-ui-map.png"), fullPage: true });
    await page.click("#colour-signal");
    await page.waitForFunction(() => document.body.textContent!.includes("LOOPING"));
    // KB text is shown as text, never run as HTML
    expect(await page.locator("script:not([src])").count()).toBe(0);
    await page.close();
    checkClean();
  });

  test("TRACE shows a file's timeline and its source with findings highlighted", async () => {
    const page = await visit(ui.url, `#trace?file=${encodeURIComponent("src/api/handler.ts")}`);
    expect(await page.locator(".timeline .card").count()).toBe(3);
    expect(await page.textContent("#view")).toContain("swallowed error in handle");
    await page.waitForSelector("pre.source .hl");
    await page.close();
    checkClean();
  });

  test("TRAJECTORY draws the score chart and the signal counts", async () => {
    const page = await visit(ui.url, "#trajectory");
    expect(await page.locator("svg polyline").count()).toBeGreaterThan(1);
    expect(await page.textContent("#signal-counts")).toContain("CONVERGING");
    await page.close();
    checkClean();
  });

  test("METRICS explains every figure and follows the iteration pickers", async () => {
    const page = await visit(ui.url, "#metrics");
    expect(await page.locator(".figure").count()).toBe(12);
    expect(await page.textContent(".figure[data-id=acceptance]")).toContain("Good:");
    await page.selectOption("#metrics-from", "1");
    await page.waitForFunction(() => location.hash.includes("from=1") && document.querySelector('#view')!.getAttribute("data-ready") === "true");
    expect(await page.textContent(".figure[data-id=mean_to]")).toContain("was 5.75");
    await page.close();
    checkClean();
  });

  test("KB filters rows and shows one row's details", async () => {
    const page = await visit(ui.url, "#kb");
    expect(await page.textContent("h2")).toContain("15 review rows");
    await page.selectOption('#kb-filter select[name="status"]', "failed");
    await page.click('#kb-filter button[type="submit"]');
    await page.waitForFunction(() => document.querySelector("h2")!.textContent!.includes("1 review rows"));
    await page.click("tbody tr");
    expect(await page.textContent("#kb-detail")).toContain("timeout after 120000 ms");
    await page.close();
    checkClean();
  });

  test("EVENTS lists the observer's recent scrum operations and analyses", async () => {
    const page = await visit(ui.url, "#events");
    expect(await page.textContent("#observer-totals")).toContain("total 3");
    expect(await page.textContent("#view")).toContain("src/f1.ts");
    expect(await page.textContent("#view")).toContain("timeout after <n> ms");
    await page.close();
    checkClean();
  });

  test("EVENTS degrades to a message when the observer is down", async () => {
    const page = await visit(downUi.url, "#events");
    expect(await page.textContent("#observer-down")).toContain("unreachable");
    await page.close();
    checkClean();
  });
});
