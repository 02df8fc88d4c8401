// KB: review rows filtered and paged on the server; Enter or a click shows one row in full.
import { api, h, hashWith, int, pager, scoreBadge, table, tierBadge, put } from "/assets/dom.js";

const FIELDS = ["file", "iter", "status", "verdict", "model", "tier"];

export async function renderKb(view, params, live) {
  const qs = new URLSearchParams();
  for (const k of [...FIELDS, "offset"]) if (params.get(k)) qs.set(k, params.get(k));
  const data = await api(`/api/kb?${qs}`);
  if (!live()) return {};
  const field = (name, options) => h("label", {}, `${name} `, options
    ? h("select", { name }, h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: params.get(name) === String(o) }, String(o))))
    : h("input", { type: "search", name, value: params.get(name) || "", placeholder: "part of the path" }));
  const form = h("form", { class: "controls", id: "kb-filter", role: "search", "aria-label": "Filter review rows", onsubmit: (e) => {
    e.preventDefault();
    const next = {};
    for (const k of FIELDS) next[k] = new FormData(e.target).get(k) || null;
    location.hash = hashWith("kb", new URLSearchParams(), next);
  } }, FIELDS.map((f) => field(f, f === "file" ? null : data.options[f])), h("button", { type: "submit" }, "Filter"));
  const detail = h("section", { class: "card", id: "kb-detail", hidden: true, "aria-label": "Row detail" });
  const show = async (r) => {
    const row = await api(`/api/kb/row?${new URLSearchParams({ repo: r.repo, iter: r.iter, file: r.file, chunk: r.chunk })}`);
    detail.hidden = false;
    put(detail, h("h3", {}, `${r.file} · iteration ${r.iter} · chunk ${r.chunk}/${r.chunks}`), h("a", { href: `#trace?file=${encodeURIComponent(r.file)}` }, "open its trace"),
      h("pre", { class: "source", tabindex: "0", "aria-label": "The whole row" }, JSON.stringify(row, null, 2)));
    detail.scrollIntoView({ block: "nearest" });
  };
  put(view, h("h2", {}, `KB: ${int(data.total)} review rows`), form,
    table([{ label: "iter", num: true }, { label: "file", path: true }, { label: "chunk", num: true }, { label: "status" }, { label: "verdict" }, { label: "score", num: true }, { label: "criticals", num: true }, { label: "tier" }, { label: "model" }],
      data.rows.map((r) => ({ onOpen: () => show(r), cells: [String(r.iter), r.file, `${r.chunk}/${r.chunks}`, r.status, r.verdict || "-", scoreBadge(r.score), int(r.critical_failures_count), tierBadge(r.gradient_tier), r.model || "-"] })),
      { id: "kb-rows", caption: "Review rows" }),
    pager(data.total, data.offset, data.limit, (o) => (location.hash = hashWith("kb", params, { offset: o || null }))), detail);
  return {};
}
