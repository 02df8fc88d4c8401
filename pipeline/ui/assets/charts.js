// SVG charts sized to their container: every chart has axes with ticks, axis titles, a legend when it has more
// than one series, a tooltip on every mark (hover and keyboard focus), and a data table under "Show data".
import { fmt, h, s } from "/assets/dom.js";

const tip = () => document.getElementById("tooltip");
export function showTip(text, x, y) {
  const t = tip();
  t.textContent = text;
  t.hidden = false;
  const w = t.offsetWidth, hh = t.offsetHeight;
  t.style.left = `${Math.max(4, Math.min(window.innerWidth - w - 4, x + 12))}px`;
  t.style.top = `${Math.max(4, Math.min(window.innerHeight - hh - 4, y + 12))}px`;
}
export const hideTip = () => (tip().hidden = true);

/** Tooltip on hover and on keyboard focus (the mark is focusable), plus an SVG <title> for assistive tech. */
export function withTip(el, text) {
  el.setAttribute("tabindex", "0");
  el.setAttribute("role", "img");
  el.setAttribute("aria-label", text.replace(/\n/g, "; "));
  el.append(s("title", {}, text));
  el.addEventListener("mousemove", (e) => showTip(text, e.clientX, e.clientY));
  el.addEventListener("mouseleave", hideTip);
  el.addEventListener("focus", () => { const r = el.getBoundingClientRect(); showTip(text, r.left + r.width / 2, r.top); });
  el.addEventListener("blur", hideTip);
  return el;
}

/** About `count` round tick values from lo up to the first tick at or above hi (whole numbers for counts). */
export function niceTicks(lo, hi, count = 5, integer = false) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const steps = integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  const step = Math.max(integer ? 1 : 0, steps.map((m) => m * mag).find((x) => raw <= x) ?? 10 * mag);
  const out = [];
  const end = Math.ceil(hi / step - 1e-9) * step;
  for (let v = Math.floor(lo / step + 1e-9) * step; v <= end + 1e-9; v += step) out.push(Math.round(v * 1e9) / 1e9 || 0);
  return out;
}

/** Integer ticks for iterations: at most `max` of them, always including the last. */
export function iterTicks(iters, max) {
  if (iters.length <= max) return iters;
  const step = Math.ceil(iters.length / max);
  const out = iters.filter((_, i) => i % step === 0);
  if (out.at(-1) !== iters.at(-1)) out[out.length - 1] = iters.at(-1);
  return out;
}

/** The drawing width available in `box` (charts are drawn for it, then redrawn on resize by the router). */
export const widthOf = (box, min = 320) => Math.max(min, Math.floor(box.clientWidth || box.getBoundingClientRect().width || 600));

function legend(items) {
  return h("div", { class: "legend", role: "list" }, items.map((it) => h("span", { role: "listitem" }, h("span", { class: "sw", style: { background: it.colour }, "aria-hidden": "true" }), it.label)));
}

function dataTable(caption, cols, rows) {
  return h("details", { class: "data" }, h("summary", {}, "Show data"),
    h("div", { class: "table-wrap" }, h("table", {}, h("caption", { class: "sr-only" }, caption),
      h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c))))))));
}

const M = { l: 52, r: 16, t: 12, b: 44 };

/**
 * Lines over iterations. series: [{label, colour, points: [{x, y}], band?: [{x, lo, hi}]}]; y within [yMin, yMax].
 * Returns a box with the svg, its legend and its data table.
 */
export function lineChart(box, { id, title, series, xLabel, yLabel, yMin = 0, yMax = 10, height = 260, yFmt = (v) => fmt(v, 1) }) {
  const w = widthOf(box), H = height;
  const xs = [...new Set(series.flatMap((sr) => sr.points.map((p) => p.x)))].sort((a, b) => a - b);
  const x0 = xs[0] ?? 0, x1 = xs.length > 1 ? xs.at(-1) : x0 + 1;
  // Half a step of room at both ends, so the first and last points are not drawn on the axes.
  const pad = xs.length > 1 ? Math.min(0.5, (x1 - x0) / Math.max(1, xs.length - 1) / 2) : 0.5;
  const X = (x) => M.l + ((x - x0 + pad) / (x1 - x0 + 2 * pad || 1)) * (w - M.l - M.r);
  const Y = (y) => M.t + (1 - (y - yMin) / (yMax - yMin)) * (H - M.t - M.b);
  const yt = niceTicks(yMin, yMax, 5);
  const xt = iterTicks(xs, Math.max(2, Math.floor((w - M.l - M.r) / 48)));
  const svg = s("svg", { class: "chart", id, width: w, height: H, viewBox: `0 0 ${w} ${H}`, role: "group", "aria-label": title },
    s("g", { class: "grid" }, yt.map((v) => s("line", { x1: M.l, x2: w - M.r, y1: Y(v), y2: Y(v) }))),
    s("g", { class: "axis y" }, s("line", { x1: M.l, x2: M.l, y1: M.t, y2: H - M.b }),
      yt.map((v) => [s("line", { x1: M.l - 4, x2: M.l, y1: Y(v), y2: Y(v) }), s("text", { x: M.l - 7, y: Y(v) + 4, "text-anchor": "end" }, yFmt(v))])),
    s("g", { class: "axis x" }, s("line", { x1: M.l, x2: w - M.r, y1: H - M.b, y2: H - M.b }),
      xt.map((v) => [s("line", { x1: X(v), x2: X(v), y1: H - M.b, y2: H - M.b + 4 }), s("text", { x: X(v), y: H - M.b + 16, "text-anchor": "middle" }, String(v))])),
    s("text", { class: "axis-title", x: M.l + (w - M.l - M.r) / 2, y: H - 6, "text-anchor": "middle" }, xLabel),
    s("text", { class: "axis-title", x: 0, y: 0, transform: `translate(13 ${M.t + (H - M.t - M.b) / 2}) rotate(-90)`, "text-anchor": "middle" }, yLabel),
    series.map((sr) => [
      sr.band?.length ? s("path", { class: "band", fill: sr.colour, d: `M${sr.band.map((b) => `${X(b.x)},${Y(b.hi)}`).join("L")}L${[...sr.band].reverse().map((b) => `${X(b.x)},${Y(b.lo)}`).join("L")}Z` }) : null,
      s("polyline", { fill: "none", stroke: sr.colour, "stroke-width": 2, points: sr.points.filter((p) => p.y !== null).map((p) => `${X(p.x)},${Y(p.y)}`).join(" ") }),
      sr.points.filter((p) => p.y !== null).map((p) => s("circle", { cx: X(p.x), cy: Y(p.y), r: xs.length > 60 ? 2 : 3.5, fill: sr.colour })),
    ]),
    // One hit area per x, with every series' value there: hover or tab through iterations.
    xs.map((x, i) => {
      const left = i === 0 ? M.l : (X(xs[i - 1]) + X(x)) / 2, right = i === xs.length - 1 ? w - M.r : (X(x) + X(xs[i + 1])) / 2;
      const lines = series.map((sr) => { const p = sr.points.find((q) => q.x === x); return `${sr.label}: ${p && p.y !== null ? yFmt(p.y) : "n/a"}`; });
      return withTip(s("rect", { class: "hit", x: left, y: M.t, width: Math.max(1, right - left), height: H - M.t - M.b }), `${xLabel} ${x}\n${lines.join("\n")}`);
    }));
  return h("div", { class: "chart-box" }, svg, legend(series),
    dataTable(title, [xLabel, ...series.map((sr) => sr.label)], xs.map((x) => [String(x), ...series.map((sr) => { const p = sr.points.find((q) => q.x === x); return p && p.y !== null ? yFmt(p.y) : "n/a"; })])));
}

/**
 * Horizontal bars with a value axis: bars [{label, value, colour, href?}]. Labels sit left of the bars, values
 * right of them; the label column is sized to the longest label so nothing wraps or overflows.
 */
export function barChart(box, { id, title, bars, xLabel, fmtValue = (v) => v.toLocaleString("en") }) {
  const w = widthOf(box);
  const labelW = Math.min(180, 12 + 7.2 * Math.max(4, ...bars.map((b) => b.label.length)));
  const valueW = 12 + 7 * Math.max(2, ...bars.map((b) => fmtValue(b.value).length));
  const row = 24, top = 6, H = top + bars.length * row + 40;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const ticks = niceTicks(0, max, Math.max(2, Math.floor((w - labelW - valueW) / 90)), bars.every((b) => Number.isInteger(b.value)));
  const tmax = Math.max(max, ticks.at(-1));
  const X = (v) => labelW + (v / tmax) * (w - labelW - valueW);
  const axisY = top + bars.length * row + 4;
  const svg = s("svg", { class: "chart", id, width: w, height: H, viewBox: `0 0 ${w} ${H}`, role: "group", "aria-label": title },
    s("g", { class: "grid" }, ticks.map((t) => s("line", { x1: X(t), x2: X(t), y1: top, y2: axisY }))),
    bars.map((b, i) => {
      const y = top + i * row;
      const g = s("g", { class: "bar" },
        s("text", { x: labelW - 8, y: y + row / 2 + 4, "text-anchor": "end" }, b.label),
        s("rect", { x: X(0), y: y + 4, width: Math.max(b.value ? 2 : 0, X(b.value) - X(0)), height: row - 8, rx: 2, fill: b.colour }),
        s("text", { x: X(b.value) + 6, y: y + row / 2 + 4 }, fmtValue(b.value)));
      return withTip(g, `${b.label}: ${fmtValue(b.value)}`);
    }),
    s("g", { class: "axis x" }, s("line", { x1: X(0), x2: X(tmax), y1: axisY, y2: axisY }),
      ticks.map((t) => [s("line", { x1: X(t), x2: X(t), y1: axisY, y2: axisY + 4 }), s("text", { x: X(t), y: axisY + 16, "text-anchor": "middle" }, fmtValue(t))])),
    s("text", { class: "axis-title", x: X(tmax / 2), y: H - 4, "text-anchor": "middle" }, xLabel));
  return h("div", { class: "chart-box" }, svg, dataTable(title, ["", xLabel], bars.map((b) => [b.label, fmtValue(b.value)])));
}

/** Stacked columns per iteration: stacks [{x, parts: {key: n}}], keys [{key, label, colour}]. */
export function stackedChart(box, { id, title, stacks, keys, xLabel, yLabel, height = 240 }) {
  const w = widthOf(box), H = height;
  const max = Math.max(1, ...stacks.map((st) => keys.reduce((a, k) => a + (st.parts[k.key] ?? 0), 0)));
  const yt = niceTicks(0, max, 4, true);
  const ymax = Math.max(max, yt.at(-1));
  const n = Math.max(1, stacks.length);
  const slot = (w - M.l - M.r) / n;
  const bw = Math.max(2, Math.min(40, slot * 0.7));
  const X = (i) => M.l + slot * i + (slot - bw) / 2;
  const Y = (v) => M.t + (1 - v / ymax) * (H - M.t - M.b);
  const xt = new Set(iterTicks(stacks.map((st) => st.x), Math.max(2, Math.floor((w - M.l - M.r) / 48))));
  const svg = s("svg", { class: "chart", id, width: w, height: H, viewBox: `0 0 ${w} ${H}`, role: "group", "aria-label": title },
    s("g", { class: "grid" }, yt.map((v) => s("line", { x1: M.l, x2: w - M.r, y1: Y(v), y2: Y(v) }))),
    stacks.map((st, i) => {
      let acc = 0;
      const total = keys.reduce((a, k) => a + (st.parts[k.key] ?? 0), 0);
      const g = s("g", {}, keys.map((k) => {
        const v = st.parts[k.key] ?? 0;
        const r = s("rect", { x: X(i), y: Y(acc + v), width: bw, height: Math.max(0, Y(acc) - Y(acc + v)), fill: k.colour });
        acc += v;
        return r;
      }));
      return withTip(g, `${xLabel} ${st.x}: ${total.toLocaleString("en")} ${yLabel.toLowerCase()}\n${keys.map((k) => `${k.label}: ${(st.parts[k.key] ?? 0).toLocaleString("en")}`).join("\n")}`);
    }),
    s("g", { class: "axis y" }, s("line", { x1: M.l, x2: M.l, y1: M.t, y2: H - M.b }),
      yt.map((v) => [s("line", { x1: M.l - 4, x2: M.l, y1: Y(v), y2: Y(v) }), s("text", { x: M.l - 7, y: Y(v) + 4, "text-anchor": "end" }, v >= 10000 ? `${Math.round(v / 1000)}k` : v.toLocaleString("en"))])),
    s("g", { class: "axis x" }, s("line", { x1: M.l, x2: w - M.r, y1: H - M.b, y2: H - M.b }),
      stacks.map((st, i) => (xt.has(st.x) ? s("text", { x: X(i) + bw / 2, y: H - M.b + 16, "text-anchor": "middle" }, String(st.x)) : null))),
    s("text", { class: "axis-title", x: M.l + (w - M.l - M.r) / 2, y: H - 6, "text-anchor": "middle" }, xLabel),
    s("text", { class: "axis-title", x: 0, y: 0, transform: `translate(13 ${M.t + (H - M.t - M.b) / 2}) rotate(-90)`, "text-anchor": "middle" }, yLabel));
  return h("div", { class: "chart-box" }, svg, legend(keys.map((k) => ({ label: k.label, colour: k.colour }))),
    dataTable(title, [xLabel, ...keys.map((k) => k.label)], stacks.map((st) => [String(st.x), ...keys.map((k) => String(st.parts[k.key] ?? 0))])));
}

/** A small score line (0–10) for table cells, with its values as a tooltip. */
export function sparkline(history, w = 120, hgt = 26) {
  if (!history?.length) return h("span", { class: "muted" }, "no score");
  const X = (i) => 3 + (history.length > 1 ? i / (history.length - 1) : 0.5) * (w - 6);
  const Y = (y) => hgt - 3 - (y / 10) * (hgt - 6);
  const text = `scores: ${history.map((p) => `it ${p.iter} ${fmt(p.score, 1)}`).join(", ")}`;
  return s("svg", { class: "chart", width: w, height: hgt, viewBox: `0 0 ${w} ${hgt}`, role: "img", "aria-label": text },
    s("title", {}, text),
    s("line", { x1: 3, x2: w - 3, y1: Y(5), y2: Y(5), stroke: "var(--grid)" }),
    s("polyline", { fill: "none", stroke: "var(--accent)", "stroke-width": 1.5, points: history.map((p, i) => `${X(i)},${Y(p.score)}`).join(" ") }),
    s("circle", { cx: X(history.length - 1), cy: Y(history.at(-1).score), r: 2.5, fill: "var(--accent)" }));
}
