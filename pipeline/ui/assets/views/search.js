// SEARCH: full-text over findings, summaries, rule hits and file paths, with filters; hits grouped per file and
// text, with the iterations they occur in. The words found are marked in each hit.
import { api, h, hashWith, int, pager, table, tierBadge, traceHref, traceLink, put } from "/assets/dom.js";

const FILTERS = ["kind", "class", "iter", "tier", "model"];

/** The text with every word that starts with a query word marked. */
function marked(text, words) {
  if (!words.length) return text;
  const re = new RegExp(`\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})[a-z0-9]*`, "gi");
  const out = [];
  let at = 0;
  for (const m of text.matchAll(re)) {
    out.push(text.slice(at, m.index), h("mark", {}, m[0]));
    at = m.index + m[0].length;
  }
  out.push(text.slice(at));
  return out;
}

export async function renderSearch(view, params, live) {
  const qs = new URLSearchParams();
  for (const k of ["q", ...FILTERS, "offset"]) if (params.get(k)) qs.set(k, params.get(k));
  const r = await api(`/api/search?${qs}`);
  if (!live()) return {};
  const select = (name, options) => h("label", {}, `${name} `, h("select", { name }, h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: params.get(name) === String(o) }, String(o)))));
  const form = h("form", { class: "controls", id: "search-form", role: "search", "aria-label": "Search the KB", onsubmit: (e) => {
    e.preventDefault();
    const fd = new FormData(e.target);
    const next = { q: fd.get("q") || null };
    for (const k of FILTERS) next[k] = fd.get(k) || null;
    location.hash = hashWith("search", new URLSearchParams(), next);
  } },
  h("label", { for: "search-q" }, "Search"), h("input", { type: "search", id: "search-q", name: "q", value: params.get("q") || "", placeholder: "words from findings, summaries, rule ids or paths", autocomplete: "off" }),
  FILTERS.map((f) => select(f, r.options[f] || [])), h("button", { type: "submit" }, "Search"));
  const idx = r.index;
  const building = idx.parts && idx.ready < idx.parts
    ? h("p", { class: "note", id: "index-note" }, `The search index is being built (${idx.ready} of ${idx.parts} cache parts): results cover the indexed part only. `, h("a", { href: location.hash, onclick: (e) => { e.preventDefault(); dispatchEvent(new HashChangeEvent("hashchange")); } }, "search again"))
    : idx.error ? h("p", { class: "error" }, idx.error) : null;
  const asked = r.words.length || FILTERS.some((f) => params.get(f));
  put(view, h("h2", {}, "Search"), form, building,
    !asked ? h("p", { class: "muted" }, "Every word must match (words of three letters or more match as a prefix), in the text or in the file's path. Filters narrow by kind, class, iteration, tier and model.")
      : h("p", { class: "muted", id: "search-summary" }, `${int(r.total)} hit${r.total === 1 ? "" : "s"}${r.words.length ? ` for ${r.words.join(" ")}` : ""}`),
    r.hits.length ? table([{ label: "kind" }, { label: "text" }, { label: "file", path: true }, { label: "line", num: true }, { label: "class" }, { label: "iterations", title: "first–last iteration it appears in, and in how many" }, { label: "tier" }, { label: "model" }],
      r.hits.map((x) => ({ href: traceHref(x.file), cells: [x.kind, h("span", { class: "hit-text" }, marked(x.text, r.words)), traceLink(x.file), x.line ?? "", x.class ?? "", `${x.first_iter}–${x.last_iter} (${x.n})`, tierBadge(x.tier), x.model ?? "-"] })),
      { id: "search-hits", caption: "Search hits" }) : asked ? h("p", { class: "empty" }, "No hits.") : null,
    asked ? pager(r.total, r.offset, r.limit, (o) => (location.hash = hashWith("search", params, { offset: o || null }))) : null);
  if (!params.get("q")) document.getElementById("search-q")?.focus();
  return {};
}
