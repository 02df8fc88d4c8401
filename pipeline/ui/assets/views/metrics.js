// METRICS: the compare figures, each with what it means and what good looks like, then the tables the server
// lists (sections: their columns and notes come from pipeline/ui/metric-notes.ts, so a new table needs no code here).
import { api, fmt, h, hashWith, int, pct, signed, table, traceHref, traceLink, put } from "/assets/dom.js";

const CELL = {
  text: (v) => (v === null || v === undefined ? "n/a" : String(v)),
  file: (v) => traceLink(String(v)),
  int: (v) => int(v),
  num: (v) => fmt(v),
  delta: (v) => signed(v),
  pct: (v) => pct(v),
};

function sectionTable(sec, rows) {
  const keys = Object.keys(sec.columns);
  const cols = keys.map((k) => ({ label: sec.columns[k].label, title: sec.columns[k].meaning, num: ["int", "num", "delta", "pct"].includes(sec.columns[k].format), path: sec.columns[k].format === "file" }));
  const fileKey = keys.find((k) => sec.columns[k].format === "file");
  return rows.length
    ? table(cols, rows.map((r) => ({ href: fileKey ? traceHref(r[fileKey]) : undefined, cells: keys.map((k) => (CELL[sec.columns[k].format] || CELL.text)(r[k])) })), { id: `section-${sec.id}`, caption: sec.title })
    : h("p", { class: "muted" }, "nothing to show");
}

export async function renderMetrics(view, params, live) {
  const qs = new URLSearchParams();
  for (const k of ["from", "to"]) if (params.get(k)) qs.set(k, params.get(k));
  const m = await api(`/api/metrics?${qs}`);
  if (!live()) return {};
  const pick = (name, current) => h("label", {}, `${name} `, h("select", { id: `metrics-${name}`, onchange: (e) => (location.hash = hashWith("metrics", params, { [name]: e.target.value })) },
    m.iterations.map((i) => h("option", { value: i, selected: current === i }, `iteration ${i}`))));
  const sections = m.sections.map((sec) => {
    const box = h("section", { class: "card", id: `metrics-${sec.id}`, "aria-labelledby": `metrics-${sec.id}-title` },
      h("h3", { id: `metrics-${sec.id}-title` }, sec.title), h("p", { class: "muted" }, sec.meaning),
      sec.rows ? sectionTable(sec, sec.rows) : h("p", { class: "muted", "data-loading": "" }, "loading…"));
    if (!sec.rows) {
      api(`/api/metrics/section?id=${sec.id}&${qs}`).then((r) => { if (live()) box.replaceChild(sectionTable(sec, r.rows || []), box.lastChild); })
        .catch((e) => { if (live()) box.replaceChild(h("p", { class: "error" }, e.message), box.lastChild); });
    }
    return box;
  });
  put(view, h("h2", {}, "Metrics"),
    m.compare
      ? [h("div", { class: "controls" }, pick("from", m.compare.from), pick("to", m.compare.to), h("span", { class: "muted" }, `${m.iterations.length} iterations in the KB`)),
        h("div", { class: "grid", id: "figures" }, m.figures.map((f) => h("div", { class: "card figure", "data-id": f.id },
          h("div", { class: "muted" }, f.label), h("div", { class: "value" }, f.value), f.detail ? h("div", { class: "muted" }, f.detail) : null,
          h("div", {}, f.meaning), h("div", { class: "good" }, `Good: ${f.good}`))))]
      : h("p", { class: "muted" }, m.note),
    sections);
  return {};
}
