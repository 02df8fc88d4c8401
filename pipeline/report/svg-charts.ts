// Small SVG chart renderers (data → markup string): bars, grouped histograms and line trajectories.
// No external assets, so the report stays one self-contained file.

import { seriesColour, THEMES } from "../core/palette";

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Series colours come from the palette the web UI uses too (pipeline/core/palette.ts). */
export const color = seriesColour;

interface Frame { w: number; h: number; pad: { l: number; r: number; t: number; b: number } }
const frame = (w = 640, h = 260): Frame => ({ w, h, pad: { l: 44, r: 12, t: 34, b: 40 } });

function open(f: Frame, title: string, id: string): string {
  return `<svg class="chart" id="${esc(id)}" role="img" aria-label="${esc(title)}" viewBox="0 0 ${f.w} ${f.h}" width="${f.w}" height="${f.h}" xmlns="http://www.w3.org/2000/svg">` +
    `<text x="${f.pad.l}" y="16" font-size="13" font-weight="600">${esc(title)}</text>`;
}

function yAxis(f: Frame, max: number, fmt: (v: number) => string = (v) => String(Math.round(v * 100) / 100)): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => {
    const y = f.h - f.pad.b - t * (f.h - f.pad.t - f.pad.b);
    return `<line x1="${f.pad.l}" x2="${f.w - f.pad.r}" y1="${y}" y2="${y}" stroke="${THEMES.light.grid}"/><text x="${f.pad.l - 6}" y="${y + 4}" font-size="10" text-anchor="end">${esc(fmt(t * max))}</text>`;
  });
  return ticks.join("");
}

/** One bar per label. */
export function barChart(id: string, title: string, bars: { label: string; value: number; color?: string }[], opts: { max?: number; fmt?: (v: number) => string } = {}): string {
  const f = frame();
  const max = opts.max ?? Math.max(1, ...bars.map((b) => b.value));
  const inner = f.w - f.pad.l - f.pad.r;
  const bw = bars.length ? inner / bars.length : inner;
  const ih = f.h - f.pad.t - f.pad.b;
  const rects = bars.map((b, i) => {
    const h = (b.value / max) * ih;
    const x = f.pad.l + i * bw + bw * 0.15;
    const y = f.h - f.pad.b - h;
    return `<rect class="bar" x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${b.color ?? color(i)}"><title>${esc(b.label)}: ${esc(opts.fmt ? opts.fmt(b.value) : String(b.value))}</title></rect>` +
      `<text x="${(x + bw * 0.35).toFixed(1)}" y="${f.h - f.pad.b + 14}" font-size="10" text-anchor="middle">${esc(b.label.length > 16 ? b.label.slice(0, 15) + "…" : b.label)}</text>` +
      `<text x="${(x + bw * 0.35).toFixed(1)}" y="${(y - 3).toFixed(1)}" font-size="10" text-anchor="middle">${esc(opts.fmt ? opts.fmt(b.value) : String(b.value))}</text>`;
  });
  return open(f, title, id) + yAxis(f, max, opts.fmt) + rects.join("") + "</svg>";
}

/** Score distribution: one group of 10 buckets (0–1 … 9–10) per series (iteration). */
export function histogramChart(id: string, title: string, series: { label: string; counts: number[] }[]): string {
  const f = frame(640, 280);
  const max = Math.max(1, ...series.flatMap((s) => s.counts));
  const inner = f.w - f.pad.l - f.pad.r;
  const gw = inner / 10;
  const bw = (gw * 0.8) / Math.max(1, series.length);
  const ih = f.h - f.pad.t - f.pad.b;
  const rects = series.flatMap((s, si) => s.counts.map((c, b) => {
    const h = (c / max) * ih;
    return `<rect class="bar" x="${(f.pad.l + b * gw + gw * 0.1 + si * bw).toFixed(1)}" y="${(f.h - f.pad.b - h).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${color(si)}"><title>${esc(s.label)}, score ${b}–${b + 1}: ${c}</title></rect>`;
  }));
  const labels = Array.from({ length: 10 }, (_, b) => `<text x="${(f.pad.l + b * gw + gw / 2).toFixed(1)}" y="${f.h - f.pad.b + 14}" font-size="10" text-anchor="middle">${b}–${b + 1}</text>`);
  return open(f, title, id) + yAxis(f, max) + rects.join("") + labels.join("") + legend(f, series.map((s) => s.label)) + "</svg>";
}

function legend(f: Frame, labels: string[]): string {
  return labels.slice(0, 10).map((l, i) => {
    const x = f.pad.l + (i % 5) * 118;
    const y = f.h - 14 + Math.floor(i / 5) * 11 - (labels.length > 5 ? 8 : 0);
    return `<rect x="${x}" y="${y - 8}" width="9" height="9" fill="${color(i)}"/><text x="${x + 13}" y="${y}" font-size="10">${esc(l.length > 18 ? "…" + l.slice(-17) : l)}</text>`;
  }).join("");
}

/** Score (0–10) per iteration, one line per series. */
export function lineChart(id: string, title: string, series: { label: string; points: { x: number; y: number }[] }[]): string {
  const f = frame(640, 300);
  f.pad.b = 56;
  const xs = series.flatMap((s) => s.points.map((p) => p.x));
  const x0 = Math.min(...xs, 1), x1 = Math.max(...xs, x0 + 1);
  const px = (x: number) => f.pad.l + ((x - x0) / (x1 - x0)) * (f.w - f.pad.l - f.pad.r);
  const py = (y: number) => f.h - f.pad.b - (y / 10) * (f.h - f.pad.t - f.pad.b);
  const paths = series.map((s, i) => {
    const d = s.points.map((p, k) => `${k ? "L" : "M"}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(" ");
    const dots = s.points.map((p) => `<circle cx="${px(p.x).toFixed(1)}" cy="${py(p.y).toFixed(1)}" r="2.5" fill="${color(i)}"><title>${esc(s.label)} iter ${p.x}: ${p.y}</title></circle>`).join("");
    return `<path class="line" d="${d}" fill="none" stroke="${color(i)}" stroke-width="1.8"/>${dots}`;
  });
  const ticks = [...new Set(xs)].sort((a, b) => a - b).filter((_, i, a) => a.length <= 20 || i % Math.ceil(a.length / 20) === 0)
    .map((x) => `<text x="${px(x).toFixed(1)}" y="${f.h - f.pad.b + 14}" font-size="10" text-anchor="middle">${x}</text>`);
  return open(f, title, id) + yAxis(f, 10) + ticks.join("") + paths.join("") + legend(f, series.map((s) => s.label)) + "</svg>";
}
