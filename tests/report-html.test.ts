import { describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../pipeline/cli/main";
import { appendJsonl } from "../pipeline/kb/jsonl";
import { kbPaths } from "../pipeline/kb/paths";
import { FORENSIC_V2, item, reviewRow } from "./support/kb-builder";

const CONFIG = join(import.meta.dir, "..", "scrum.config.yaml");
const CHROMIUM = "/usr/bin/chromium";
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function writeReport(iters = [1, 2, 3]): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "scrum-rep-"));
  const rows = iters.flatMap((iter) => ["src/a.ts", "src/b.py", "src/auth/c.ts", "lib/d.go"].map((file, i) =>
    reviewRow({ iter, file, score: 2 + i * 2 + iter * (i % 2 ? -0.5 : 0.8), criticals: i < 3 ? [item("Empty catch block swallows the error", 10 + i)] : [],
      targeted_by_fixwave: iter === 3, gradient_tier: (["dry_run", "sim", "block", "auto"] as const)[i], model: i % 2 ? "deepseek-v3.1:671b" : "kimi-k2:1t",
      prompt: iter === 3 ? FORENSIC_V2 : undefined })));
  appendJsonl(kbPaths(join(dir, "kb")).reviews, rows);
  const out: string[] = [];
  const code = await runCli(["report", "--kb", "kb", "--config", CONFIG, "--out", "rep"], { out: (t) => out.push(t), err: () => {}, cwd: dir, env: {}, isTTY: false });
  expect(code).toBe(0);
  return join(dir, "rep");
}

describe("scrum report", () => {
  test("writes Markdown with the sweep headline and a self-contained HTML page", async () => {
    const dir = await writeReport();
    const md = readFileSync(join(dir, "report.md"), "utf8");
    expect(md).toContain("iter 2 (");
    expect(md).toMatch(/movement ↑\d+ ↓\d+ =\d+/);
    expect(md).toContain("bar raised");
    const html = readFileSync(join(dir, "report.html"), "utf8");
    expect(html.match(/<svg class="chart"/g)?.length).toBe(6);
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });

  test("a per-file table lists each file's latest score, signal, tier and criticals, fix-wave order", async () => {
    const dir = await writeReport();
    const html = readFileSync(join(dir, "report.html"), "utf8");
    const rows = [...html.split('<table id="files">')[1]!.matchAll(/<tr><td><code>([^<]+)<\/code><\/td><td>(\d+)<\/td><td>([^<]+)<\/td><td>([A-Z]+)<\/td><td>([a-z_]+)<\/td><td>(\d+)<\/td><\/tr>/g)].map((m) => m.slice(1));
    expect(rows.map((r) => r[0]).sort()).toEqual(["lib/d.go", "src/a.ts", "src/auth/c.ts", "src/b.py"]);
    expect(rows.find((r) => r[0] === "src/auth/c.ts")).toEqual(["src/auth/c.ts", "3", "8.40", rows.find((r) => r[0] === "src/auth/c.ts")![3]!, "block", "1"]);
    expect(rows.find((r) => r[0] === "lib/d.go")!.slice(4)).toEqual(["auto", "0"]);
    expect(readFileSync(join(dir, "report.md"), "utf8")).toContain("| `src/auth/c.ts` | 3 | 8.40 |");
  });

  test("with one iteration the trajectory chart is replaced by a note, not drawn empty", async () => {
    const html = readFileSync(join(await writeReport([1]), "report.html"), "utf8");
    expect(html).not.toContain('id="chart-trajectories"');
    expect(html).toContain("Per-file trajectories need two scored iterations; the KB has 1.");
    expect(html.match(/<svg class="chart"/g)?.length).toBe(5);
  });

  test("the HTML renders its charts in headless Chromium with a clean console", async () => {
    if (!existsSync(CHROMIUM)) {
      if (process.env.CI) throw new Error(`CI is set but ${CHROMIUM} is missing: install Debian's chromium`);
      console.warn(`skipped: ${CHROMIUM} not found (apt-get install -y chromium); CI makes this a failure`);
      return;
    }
    const dir = await writeReport();
    const { chromium } = await import("playwright-core");
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
      const problems: string[] = [];
      page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
      page.on("pageerror", (e) => problems.push(e.message));
      page.on("request", (r) => { if (!r.url().startsWith("file:")) problems.push(`network: ${r.url()}`); });
      await page.goto(`file://${join(dir, "report.html")}`);
      const charts = await page.$$eval("svg.chart", (svgs) => svgs.map((s) => {
        const box = s.getBoundingClientRect();
        return { id: s.id, w: box.width, h: box.height, marks: s.querySelectorAll("rect.bar, path.line").length };
      }));
      expect(charts.map((c) => c.id)).toEqual(["chart-scores", "chart-trajectories", "chart-signals", "chart-tiers", "chart-trust", "chart-json"]);
      for (const c of charts) {
        expect(c.w).toBeGreaterThan(100);
        expect(c.h).toBeGreaterThan(100);
        expect(c.marks).toBeGreaterThan(0);
      }
      if (process.env.SCRUM_SCREENSHOT) await page.screenshot({ path: process.env.SCRUM_SCREENSHOT, fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
