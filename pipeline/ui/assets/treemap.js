// A squarified treemap of one directory level: tiles are links (a directory zooms in, a file opens its trace),
// coloured by the chosen overlay, with import edges drawn between tiles on request.
import { h, s, scoreColour, seriesColour, signalColour, textOn, tierColour, fmt, int, put } from "/assets/dom.js";
import { hideTip, showTip, widthOf } from "/assets/charts.js";
import { PALETTE } from "/assets/palette.js";

/** Squarify (Bruls, Huizing, van Wijk): items sorted by value, laid out in rows that keep tiles near square. */
export function squarify(items, rect) {
  const total = items.reduce((a, it) => a + it.value, 0);
  if (!items.length || total <= 0) return [];
  const scale = (rect.w * rect.h) / total;
  const nodes = items.map((it) => ({ it, area: it.value * scale })).sort((a, b) => b.area - a.area);
  const out = [];
  let r = { ...rect };
  let row = [];
  const worst = (rw, side) => {
    const sum = rw.reduce((a, n) => a + n.area, 0);
    const max = Math.max(...rw.map((n) => n.area)), min = Math.min(...rw.map((n) => n.area));
    return Math.max((side * side * max) / (sum * sum), (sum * sum) / (side * side * min));
  };
  const place = (rw) => {
    const sum = rw.reduce((a, n) => a + n.area, 0);
    if (r.w >= r.h) {
      const w = sum / r.h;
      let y = r.y;
      for (const n of rw) { const hh = n.area / w; out.push({ ...n.it, x: r.x, y, w, h: hh }); y += hh; }
      r = { x: r.x + w, y: r.y, w: r.w - w, h: r.h };
    } else {
      const hh = sum / r.w;
      let x = r.x;
      for (const n of rw) { const w = n.area / hh; out.push({ ...n.it, x, y: r.y, w, h: hh }); x += w; }
      r = { x: r.x, y: r.y + hh, w: r.w, h: r.h - hh };
    }
  };
  for (const n of nodes) {
    const side = Math.min(r.w, r.h);
    if (!row.length || worst([...row, n], side) <= worst(row, side)) row.push(n);
    else { place(row); row = [n]; }
  }
  if (row.length) place(row);
  return out;
}

/** The overlays: how a tile is coloured, what the legend says, and the value named in labels and tooltips. */
export function overlays(level) {
  const models = [...new Set(level.tiles.flatMap((t) => Object.keys(t.models)))].filter((m) => m !== "(none)").sort();
  const modelColour = (m) => (m ? seriesColour(models.indexOf(m)) : PALETTE.NO_VALUE);
  const perFile = (t) => t.criticals / Math.max(1, t.files);
  const cmax = Math.max(1, ...level.tiles.map(perFile));
  return {
    score: { label: "Score", fill: (t) => scoreColour(t.score), value: (t) => (t.score === null ? "unscored" : `score ${fmt(t.score, 1)}`), legend: { ramp: [0, 10].map(scoreColour), lo: "0 (bad)", hi: "10 (good)", extra: [{ label: "unscored", colour: PALETTE.NO_VALUE }] } },
    signal: { label: "Signal", needsSignals: true, fill: (t) => signalColour(t.signal), value: (t) => t.signal ?? "…", legend: { items: Object.keys(PALETTE.SIGNAL_COLOURS).map((k) => ({ label: k, colour: signalColour(k) })) }, hist: (t) => t.signals },
    tier: { label: "Tier", fill: (t) => tierColour(t.tier), value: (t) => t.tier ?? "n/a", legend: { items: Object.keys(PALETTE.TIER_COLOURS).map((k) => ({ label: k, colour: tierColour(k) })) }, hist: (t) => t.tiers },
    criticals: { label: "Criticals", fill: (t) => scoreColour(10 * (1 - perFile(t) / cmax)), value: (t) => `${int(t.criticals)} critical${t.files > 1 ? ` (${fmt(perFile(t), 2)}/file)` : ""}`, legend: { ramp: [scoreColour(10), scoreColour(0)], lo: "0", hi: `${fmt(cmax, 1)} per file` } },
    model: { label: "Model", fill: (t) => modelColour(t.model), value: (t) => t.model ?? "no accepted answer", legend: { items: [...models.map((m) => ({ label: m, colour: modelColour(m) })), { label: "none", colour: PALETTE.NO_VALUE }] }, hist: (t) => t.models, colourOf: modelColour },
  };
}

export function legendOf(ov) {
  const l = ov.legend;
  const sw = (it) => h("span", { role: "listitem" }, h("span", { class: "sw", style: { background: it.colour }, "aria-hidden": "true" }), it.label);
  if (l.ramp) return h("div", { class: "legend", role: "list", "aria-label": `${ov.label} legend` }, h("span", { role: "listitem" }, l.lo, h("span", { class: "ramp", style: { background: `linear-gradient(90deg, ${l.ramp.join(", ")})` }, "aria-hidden": "true" }), l.hi), (l.extra || []).map(sw));
  return h("div", { class: "legend", role: "list", "aria-label": `${ov.label} legend` }, l.items.map(sw));
}

function tipText(t, ov) {
  const lines = [`${t.path}${t.kind === "dir" ? "/" : ""}`, t.kind === "dir" ? `${int(t.files)} files` : t.iter ? `iteration ${t.iter}` : "file",
    `score ${fmt(t.score, 2)} · ${int(t.criticals)} critical`, `tier ${t.tier ?? "n/a"} · model ${t.model ?? "none"}`, `signal ${t.signal ?? "…"}`];
  const hist = ov.hist?.(t);
  if (t.kind === "dir" && hist) lines.push(Object.entries(hist).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${n}`).join(", "));
  return lines.join("\n");
}

/** Draw `level` in `box`; `hrefOf(tile)` is where a tile leads. Returns the svg (for tests and edges). */
export function drawTreemap(box, level, ov, hrefOf, edges) {
  const w = widthOf(box, 480);
  const H = Math.round(Math.min(720, Math.max(420, w * 0.5)));
  const laid = squarify(level.tiles.map((t) => ({ ...t, value: Math.max(1, t.size) })), { x: 0, y: 0, w, h: H });
  const byName = new Map(laid.map((t) => [t.name, t]));
  const labels = [];
  // A label that fits, or one shortened to at least six characters, or none (a row of "fi…" says nothing).
  const fit = (str, px) => {
    if (str.length * 7 <= px) return str;
    const n = Math.floor(px / 7) - 1;
    return n >= 6 ? str.slice(0, n) + "…" : "";
  };
  const link = (t, cls, first) => {
    const a = s("a", { class: cls, href: hrefOf(t), "data-nav-item": "", "data-kind": t.kind, "data-path": t.path, "aria-label": tipText(t, ov).replace(/\n/g, "; "), tabindex: first ? "0" : "-1" });
    a.addEventListener("mousemove", (e) => showTip(tipText(t, ov), e.clientX, e.clientY));
    a.addEventListener("mouseleave", hideTip);
    a.addEventListener("focus", () => { const r = a.getBoundingClientRect(); showTip(tipText(t, ov), r.left + 8, r.top + 8); });
    a.addEventListener("blur", hideTip);
    return a;
  };
  const label = (t, ink, withValue, head = 0) => {
    // Labels are drawn in a layer above the links, outside them, so a label shortened to fit never disagrees
    // with the link's accessible name.
    if (t.w > 34 && t.h > 16) labels.push(s("text", { x: t.x + 5, y: t.y + 13 + head, fill: ink }, fit(`${t.name}${t.kind === "dir" ? "/" : ""}`, t.w - 10)));
    if (withValue && t.w > 60 && t.h > 34) labels.push(s("text", { x: t.x + 5, y: t.y + 28 + head, fill: ink, "font-size": 11 }, fit(ov.value(t), t.w - 10)));
  };
  const tiles = laid.flatMap((t, i) => {
    const fill = ov.fill(t);
    const ink = textOn(fill);
    const nested = t.kind === "dir" && t.children?.length && t.w > 70 && t.h > 60;
    const a = link(t, "tile", i === 0);
    a.append(s("rect", { x: t.x, y: t.y, width: Math.max(0, t.w), height: Math.max(0, t.h), fill }));
    if (!nested && t.kind === "dir" && ov.hist?.(t) && t.h > 30) a.append(stripOf(ov.hist(t), t, ov));
    a.append(s("rect", { class: "outline", x: t.x + 1.5, y: t.y + 1.5, width: Math.max(0, t.w - 3), height: Math.max(0, t.h - 3) }));
    if (!nested) {
      label(t, ink, true);
      return [a];
    }
    // A directory with its children inside: a header band with its name and value, then the children's own tiles.
    labels.push(s("text", { x: t.x + 5, y: t.y + 13, fill: ink }, fit(`${t.name}/  ${ov.value(t)}`, t.w - 10)));
    const inner = squarify(t.children.map((c) => ({ ...c, value: Math.max(1, c.size) })), { x: t.x + 3, y: t.y + 18, w: t.w - 6, h: t.h - 21 });
    return [a, ...inner.map((c) => {
      const cf = ov.fill(c);
      const b = link(c, "tile child", false);
      b.append(s("rect", { x: c.x, y: c.y, width: Math.max(0, c.w), height: Math.max(0, c.h), fill: cf }),
        s("rect", { class: "outline", x: c.x + 1.5, y: c.y + 1.5, width: Math.max(0, c.w - 3), height: Math.max(0, c.h - 3) }));
      label(c, textOn(cf), false);
      return b;
    })];
  });
  const lines = (edges || []).filter((e) => byName.has(e.from) && byName.has(e.to)).map((e) => {
    const a = byName.get(e.from), b = byName.get(e.to);
    const [x1, y1, x2, y2] = [a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2];
    const mx = (x1 + x2) / 2 - (y2 - y1) * 0.15, my = (y1 + y2) / 2 + (x2 - x1) * 0.15;
    const d = `M${x1},${y1} Q${mx},${my} ${x2},${y2}`, sw = Math.min(6, 1.5 + Math.log2(e.n));
    // A light halo under a dark line: readable on every tile colour.
    return [s("path", { class: "edge-halo", d, "stroke-width": sw + 3 }), s("path", { class: "edge", d, "stroke-width": sw, "marker-end": "url(#arrow)" }), s("circle", { class: "edge-end", cx: x1, cy: y1, r: 3 })];
  });
  const svg = s("svg", { width: w, height: H, viewBox: `0 0 ${w} ${H}`, role: "group", "aria-label": `Treemap of ${level.dir || "the repository"}: ${level.tiles.length} tiles coloured by ${ov.label.toLowerCase()}` },
    s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, s("path", { class: "edge-head", d: "M0,0 L10,5 L0,10 z" }))),
    tiles, s("g", { class: "labels", "aria-hidden": "true" }, labels), s("g", { class: "edges", "aria-hidden": "true" }, lines));
  put(box, svg);
  return svg;
}

/** A thin bar along a directory tile's bottom: how its files split over the overlay's values. */
function stripOf(hist, t, ov) {
  const total = Object.values(hist).reduce((a, n) => a + n, 0) || 1;
  let x = t.x;
  const colour = ov.colourOf || ((k) => (ov.label === "Signal" ? signalColour(k) : tierColour(k)));
  return s("g", { class: "strip", "aria-hidden": "true" }, Object.entries(hist).sort((a, b) => b[1] - a[1]).map(([k, n]) => {
    const w = (n / total) * t.w;
    const r = s("rect", { x, y: t.y + t.h - 6, width: Math.max(0, w), height: 6, fill: k === "(none)" ? PALETTE.NO_VALUE : colour(k) });
    x += w;
    return r;
  }));
}
