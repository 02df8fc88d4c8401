// DOM helpers for the control plane. Text only ever goes in as text nodes, so KB text is never parsed as HTML.
import { PALETTE } from "/assets/palette.js";

const HTML = "http://www.w3.org/1999/xhtml";
const SVG = "http://www.w3.org/2000/svg";

/** An element: attrs (on* = listeners, style objects), then children (strings, nodes, arrays, null). */
export function h(tag, attrs, ...children) {
  const el = document.createElementNS(attrs?.svg || tag === "svg" ? SVG : HTML, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "svg" || v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}
/** Replace an element's children, skipping null/false (replaceChildren would print them). */
export function put(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false).map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
  return el;
}

/** An SVG element. */
export const s = (tag, attrs, ...children) => h(tag, { ...attrs, svg: true }, ...children);

/** GET a JSON route; a non-2xx answer throws its error text. */
export async function api(path) {
  const res = await fetch(path);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

export const fmt = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x) ? "n/a" : Number(x).toFixed(d));
export const int = (x) => (x === null || x === undefined ? "n/a" : Number(x).toLocaleString("en"));
export const pct = (x) => (x === null || x === undefined ? "n/a" : `${(100 * x).toFixed(1)}%`);
export const signed = (x) => (x === null || x === undefined ? "n/a" : `${x > 0 ? "+" : ""}${Number(x).toFixed(2)}`);

/** Colours from the one palette (pipeline/core/palette.ts). */
export const scoreColour = (x) => (x === null || x === undefined ? PALETTE.NO_VALUE : PALETTE.SCORES[Math.round(Math.max(0, Math.min(10, x)) * 10)]);
export const signalColour = (sig) => PALETTE.SIGNAL_COLOURS[sig] || PALETTE.NO_VALUE;
export const tierColour = (t) => PALETTE.TIER_COLOURS[t] || PALETTE.NO_VALUE;
/** A series colour for chart lines and swatches: a CSS variable, lighter in the dark theme. */
export const seriesVar = (i) => `var(--series-${((i % PALETTE.SERIES.length) + PALETTE.SERIES.length) % PALETTE.SERIES.length})`;
export const seriesColour = (i) => PALETTE.SERIES[((i % PALETTE.SERIES.length) + PALETTE.SERIES.length) % PALETTE.SERIES.length];

/** Black or white text, whichever reads better on a fill (WCAG luminance). */
export function textOn(fill) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(fill.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const L = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05 / (L + 0.05)) >= ((L + 0.05) / 0.0623) ? "#ffffff" : "#111111";
}

export const badge = (text, colour, title) => h("span", { class: "badge", style: { background: colour, color: textOn(colour) }, title }, text);
export const signalBadge = (sig) => (sig ? badge(sig, signalColour(sig), "trajectory signal") : h("span", { class: "muted" }, "…"));
export const scoreBadge = (x) => badge(fmt(x, 1), scoreColour(x), "score 0-10");
export const tierBadge = (t) => (t ? badge(t, tierColour(t), "permission tier") : "");
export const traceHref = (file) => `#trace?file=${encodeURIComponent(file)}`;
export const traceLink = (file, text = file) => h("a", { href: traceHref(file) }, text);

/**
 * A table whose body rows are keyboard rows (j/k, Enter: keys.js). `cols`: {label, title?, num?}; each row:
 * {cells, href?, onOpen?}. Enter or a click opens the row's href (or calls onOpen).
 */
export function table(cols, rows, opts = {}) {
  const head = h("thead", {}, h("tr", {}, cols.map((c) => h("th", { scope: "col", class: c.num ? "num" : null }, c.title ? h("span", { title: c.title }, c.label) : c.label))));
  const body = h("tbody", {}, rows.map((r, i) => h("tr", {
    class: r.href || r.onOpen ? "row" : null, tabindex: r.href || r.onOpen ? (i === 0 ? "0" : "-1") : null, "data-href": r.href,
    onclick: r.href || r.onOpen ? (e) => { if (e.target.closest("a")) return; open(r); } : null,
  }, r.cells.map((c, k) => h("td", { class: [cols[k]?.num ? "num" : "", cols[k]?.path ? "path" : ""].join(" ").trim() || null }, c)))));
  const t = h("table", { class: "nav-rows", id: opts.id }, opts.caption ? h("caption", { class: "sr-only" }, opts.caption) : null, head, body);
  return h("div", { class: "table-wrap" }, t);
}
function open(r) {
  if (r.onOpen) r.onOpen();
  else if (r.href) location.hash = r.href.replace(/^#/, "");
}

/** Previous/next page buttons for offset/limit lists; `go(offset)` navigates. */
export function pager(total, offset, limit, go) {
  if (total <= limit && offset === 0) return h("div", { class: "pager muted" }, `${int(total)} in all`);
  return h("div", { class: "pager", "data-pager": "" },
    h("button", { type: "button", "data-page": "prev", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)) }, "← previous"),
    h("span", { class: "muted" }, `${int(Math.min(total, offset + 1))}–${int(Math.min(total, offset + limit))} of ${int(total)}`),
    h("button", { type: "button", "data-page": "next", disabled: offset + limit >= total, onclick: () => go(offset + limit) }, "next →"));
}

/** A hash route with its params replaced (empty values dropped). */
export function hashWith(view, params, changes) {
  const p = new URLSearchParams(params);
  for (const [k, v] of Object.entries(changes)) if (v === null || v === undefined || v === "") p.delete(k); else p.set(k, String(v));
  const q = p.toString();
  return `#${view}${q ? `?${q}` : ""}`;
}
