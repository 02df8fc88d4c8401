// What the browser tests check on every page, the way a person would see it: console and network errors,
// accessibility (axe-core), nothing spilling out of its box or wrapping where it should not, charts with axes.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, BrowserContext, Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export interface Visit {
  page: Page;
  problems: string[];
  close: () => Promise<void>;
}

/** A fresh page at `width` (light or dark scheme); console errors, page errors and failed requests are collected. */
export async function open(browser: Browser, url: string, opts: { width?: number; height?: number; dark?: boolean } = {}): Promise<Visit> {
  // bypassCSP lets the test inject axe-core; the app itself runs under its strict policy otherwise unchanged.
  const ctx: BrowserContext = await browser.newContext({ viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 }, colorScheme: opts.dark ? "dark" : "light", bypassCSP: true });
  const page = await ctx.newPage();
  const problems: string[] = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // An EventSource closed by leaving the page is not a failure.
  page.on("requestfailed", (r) => { if (!r.url().includes("/api/console/stream")) problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`); });
  await page.goto(url);
  await ready(page);
  return { page, problems, close: () => ctx.close() };
}

/** Wait for the current view to have drawn its data (the router sets data-ready). */
export async function ready(page: Page, timeout = 120_000): Promise<number> {
  await page.waitForSelector('#view[data-ready="true"]', { timeout });
  return Number(await page.getAttribute("#view", "data-ms"));
}

/** Navigate by hash and wait for the view. */
export async function go(page: Page, hash: string): Promise<number> {
  await page.evaluate((h) => { document.getElementById("view")!.dataset.ready = "false"; location.hash = h; }, hash);
  return ready(page);
}

/** axe-core's serious and critical violations, as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(" ")).slice(0, 3) }));
  });
  return found.filter((v: any) => v.impact === "serious" || v.impact === "critical").map((v: any) => `${v.id}: ${v.nodes.join(", ")}`);
}

/**
 * What a person would see as broken layout: the page scrolling sideways; an element sticking out of its card
 * (scrollable table wrappers excepted); a badge, button, nav link or segmented control whose text is clipped or
 * wrapped onto a second line.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.getAttribute("class") ? `.${String(el.getAttribute("class")).split(" ")[0]}` : ""} "${(el.textContent || "").trim().slice(0, 30)}"`;
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    for (const card of document.querySelectorAll("#view .card, header")) {
      const box = card.getBoundingClientRect();
      for (const el of card.querySelectorAll("*")) {
        if (el.closest(".table-wrap, .console, pre, details:not([open])") || (el as HTMLElement).offsetParent === null && el.tagName !== "svg" && !(el instanceof SVGElement)) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`${name(el)} sticks out of ${name(card)} (${Math.round(r.left)}-${Math.round(r.right)} vs ${Math.round(box.left)}-${Math.round(box.right)})`);
      }
    }
    for (const el of document.querySelectorAll("#view .badge, #nav a, #view .seg a, #view button, .help-open")) {
      const h = el as HTMLElement;
      if (h.offsetParent === null) continue;
      const lh = parseFloat(getComputedStyle(h).lineHeight) || 18;
      if (h.scrollWidth > h.clientWidth + 1) out.push(`${name(h)} text is clipped`);
      if (h.getBoundingClientRect().height > 2 * lh + 4) out.push(`${name(h)} wraps onto more lines`);
    }
    return [...new Set(out)].slice(0, 20);
  });
}

/** Every chart (sparklines aside) with its axis titles and tick labels: [id, titles, ticks]. */
export async function chartAxes(page: Page): Promise<{ id: string; titles: string[]; ticks: number; legend: boolean }[]> {
  return page.evaluate(() => [...document.querySelectorAll("#view svg.chart[role=group]")].map((svg) => ({
    id: svg.id,
    titles: [...svg.querySelectorAll(".axis-title")].map((t) => t.textContent || ""),
    ticks: svg.querySelectorAll(".axis text").length,
    legend: !!svg.parentElement?.querySelector(".legend") || svg.querySelectorAll(".axis-title").length > 0,
  })));
}
