// One colour definition for the web UI and `scrum report`, readable: every fill carries its label at 4.5:1 or
// better, text reads on both themes, and the report draws signals and tiers in the same colours as the UI.
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { loadConfig } from "../pipeline/cli/load-config";
import { NO_VALUE, SERIES, SERIES_DARK, SIGNAL_COLOURS, THEMES, TIER_COLOURS, contrast, paletteCss, paletteModule, scoreColour, textOn } from "../pipeline/core/palette";
import { renderHtml } from "../pipeline/report/render-report";
import type { ReportData } from "../pipeline/report/report-data";
import { color } from "../pipeline/report/svg-charts";

const { config } = loadConfig({ cwd: join(import.meta.dir, "..") });

describe("the palette", () => {
  test("every signal the config can produce has a colour, and MIXED (the fallback) too", () => {
    for (const s of [...config.signals.order.map((o) => o.signal), "MIXED"]) expect(SIGNAL_COLOURS[s]).toMatch(/^#[0-9a-f]{6}$/);
  });

  test("badges and tiles: white text on every signal, tier, series and score colour at 4.5:1 or better", () => {
    const fills = [...Object.values(SIGNAL_COLOURS), ...Object.values(TIER_COLOURS), ...SERIES, NO_VALUE, ...Array.from({ length: 101 }, (_, i) => scoreColour(i / 10))];
    for (const f of fills) expect([f, contrast(f, "#ffffff") >= 4.5]).toEqual([f, true]);
    for (const f of fills) expect(textOn(f)).toBe("#ffffff");
    expect(textOn("#f0f0a0")).toBe("#111111");
  });

  test("text reads on both themes: body, muted and link text at 4.5:1 on page, card and header backgrounds", () => {
    for (const t of Object.values(THEMES)) {
      for (const bg of [t.bg, t.card, t.head]) for (const fg of [t.fg, t.muted, t.accent, t.good, t.error]) expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    }
    // Dark-theme series are lines on the dark card: 3:1 is the bar for graphics.
    for (const c of SERIES_DARK) expect(contrast(c, THEMES.dark.card)).toBeGreaterThanOrEqual(3);
  });

  test("scores run from red (0) to green (10), unscored is grey; out-of-range values are clamped", () => {
    expect(scoreColour(0)).toBe("#b3261e");
    expect(scoreColour(10)).toBe("#1e7b34");
    expect(scoreColour(-3)).toBe(scoreColour(0));
    expect(scoreColour(42)).toBe(scoreColour(10));
    expect(scoreColour(null)).toBe(NO_VALUE);
    expect(new Set(Array.from({ length: 11 }, (_, i) => scoreColour(i))).size).toBe(11);
  });

  test("the browser gets the same data: a CSS file with a dark scheme and an ES module", async () => {
    const css = paletteCss();
    expect(css).toContain(`--signal-LOOPING:${SIGNAL_COLOURS.LOOPING}`);
    expect(css).toContain(`@media (prefers-color-scheme: dark){:root{--bg:${THEMES.dark.bg}`);
    const mod = paletteModule();
    const data = JSON.parse(mod.slice(mod.indexOf("=") + 1).trim().replace(/;$/, ""));
    expect(data.SIGNAL_COLOURS).toEqual(SIGNAL_COLOURS);
    expect(data.SCORES[75]).toBe(scoreColour(7.5));
  });

  test("scrum report colours signals, tiers and series from the same palette", () => {
    const d: ReportData = {
      kb: "kb", generatedAt: "now", iters: [{ iter: 1, mean: 5, files: 2, hist: Array(10).fill(1) }], compare: null, signalOrder: ["LOOPING", "CONVERGING"],
      signals: [{ signal: "LOOPING" }, { signal: "CONVERGING" }] as never, tiers: { iter: 1, auto: 1, dry_run: 0, sim: 0, block: 1 }, models: [], trajectories: [], files: [], filesOmitted: 0, evaluation: null, audits: null,
    };
    const html = renderHtml(d);
    const bars = (id: string) => [...html.slice(html.indexOf(`id="${id}"`)).split("</svg>")[0]!.matchAll(/class="bar"[^>]*fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(bars("chart-signals")).toEqual([SIGNAL_COLOURS.LOOPING, SIGNAL_COLOURS.CONVERGING]);
    expect(bars("chart-tiers")).toEqual([TIER_COLOURS.auto, TIER_COLOURS.dry_run, TIER_COLOURS.sim, TIER_COLOURS.block]);
    expect(color(1)).toBe(SERIES[1]!);
  });
});
