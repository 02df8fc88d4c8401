// scrum control plane (read-only). Builds DOM with textContent only, so KB text is never parsed as HTML.
"use strict";

const SIGNAL_COLOURS = { NEW: "#6b6b70", CONVERGING: "#2d8a3e", REGRESSING: "#c0392b", LOOPING: "#d35400", ORBITING: "#8e44ad", PLATEAU: "#2471a3", MIXED: "#7f8c8d" };
const view = document.getElementById("view");

function h(tag, attrs, ...children) {
  const el = document.createElementNS(tag === "svg" || attrs?.svg ? "http://www.w3.org/2000/svg" : "http://www.w3.org/1999/xhtml", tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "svg" || v === undefined || v === null || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "style" && typeof v === "object") Object.assign(el.style, v);
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}
const s = (tag, attrs, ...children) => h(tag, { ...attrs, svg: true }, ...children);

async function api(path) {
  const res = await fetch(path);
  const body = await res.json().catch(() => ({ error: `HTTP ${res.status}` }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}
const scoreColour = (x) => (x === null || x === undefined ? "#9a9aa0" : `hsl(${Math.round(Math.max(0, Math.min(10, x)) * 12)}, 62%, 40%)`);
const fmt = (x, d = 2) => (x === null || x === undefined ? "n/a" : Number(x).toFixed(d));
const badge = (text, colour, title) => h("span", { class: "badge", style: { background: colour }, title }, text);
const signalBadge = (sig) => badge(sig, SIGNAL_COLOURS[sig] || "#555", "trajectory signal");
const scoreBadge = (x) => badge(fmt(x, 1), scoreColour(x), "score 0-10");
const traceLink = (file) => h("a", { href: `#trace?file=${encodeURIComponent(file)}` }, file);

function table(headers, rows, onClick) {
  return h("table", {}, h("thead", {}, h("tr", {}, headers.map((x) => h("th", {}, x)))),
    h("tbody", {}, rows.map((r, i) => h("tr", onClick ? { class: "clickable", onclick: () => onClick(i) } : {}, r.map((c) => h("td", {}, c))))));
}

// ---- MAP ---------------------------------------------------------------------------------------------
async function renderMap(params) {
  const data = await api("/api/map");
  const mode = params.get("colour") === "signal" ? "signal" : "score";
  const root = { dirs: new Map(), files: [] };
  for (const f of data.files) {
    const parts = f.file.split("/");
    let node = root;
    for (const p of parts.slice(0, -1)) {
      if (!node.dirs.has(p)) node.dirs.set(p, { dirs: new Map(), files: [] });
      node = node.dirs.get(p);
    }
    node.files.push(f);
  }
  const allScores = (n) => [...n.files.map((f) => f.score).filter((x) => x !== null), ...[...n.dirs.values()].flatMap(allScores)];
  const mark = (f) => (mode === "signal" ? signalBadge(f.signal) : scoreBadge(f.score));
  const build = (node) => h("ul", {},
    [...node.dirs.entries()].sort().map(([name, child]) => {
      const sc = allScores(child);
      const mean = sc.length ? sc.reduce((a, b) => a + b, 0) / sc.length : null;
      const sub = build(child);
      return h("li", {}, h("span", { class: "dir", onclick: () => (sub.hidden = !sub.hidden) }, `▾ ${name}/ `), scoreBadge(mean), sub);
    }),
    node.files.sort((a, b) => a.file.localeCompare(b.file)).map((f) => h("li", {}, mark(f), " ",
      h("span", { class: "file", onclick: () => (location.hash = `#trace?file=${encodeURIComponent(f.file)}`) }, f.file.split("/").pop()),
      h("span", { class: "muted" }, `  iter ${f.iter} · ${f.criticals} critical · ${f.tier}`))));
  const legend = mode === "signal"
    ? h("div", { class: "legend" }, data.signals.map((sig) => h("span", {}, signalBadge(sig))))
    : h("div", { class: "legend" }, [0, 2.5, 5, 7.5, 10].map((x) => h("span", {}, scoreBadge(x))));
  view.replaceChildren(
    h("h2", {}, `Map: ${data.files.length} files, iterations ${data.iterations.join(", ") || "none"}`),
    h("div", { class: "controls" }, "Colour by ",
      h("a", { href: "#map?colour=score", id: "colour-score" }, mode === "score" ? h("b", {}, "score") : "score"), " · ",
      h("a", { href: "#map?colour=signal", id: "colour-signal" }, mode === "signal" ? h("b", {}, "signal") : "signal"), legend),
    data.files.length ? h("div", { class: "card tree", id: "tree" }, build(root)) : h("p", { class: "muted" }, "The KB has no review rows yet: run `scrum sweep` first."));
}

// ---- TRACE -------------------------------------------------------------------------------------------
async function renderTrace(params) {
  const file = params.get("file");
  const map = await api("/api/map");
  const picker = h("select", { id: "trace-file", onchange: (e) => (location.hash = `#trace?file=${encodeURIComponent(e.target.value)}`) },
    h("option", { value: "" }, "choose a file"), map.files.map((f) => h("option", { value: f.file, selected: f.file === file }, f.file)));
  if (!file) return view.replaceChildren(h("h2", {}, "Trace"), h("div", { class: "controls" }, picker));
  const t = await api(`/api/trace?file=${encodeURIComponent(file)}`);
  const last = t.iterations[t.iterations.length - 1];
  const cards = t.iterations.map((it) => h("div", { class: "card" },
    h("h3", {}, `Iteration ${it.iter} `, scoreBadge(it.score), " ", h("span", { class: "muted" }, `${it.tier} · confidence ${fmt(it.confidence)} · ${it.models.join(", ") || "no model"}${it.targeted ? " · targeted by fix wave" : ""}`)),
    it.findings.length ? h("ul", {}, it.findings.map((f) => h("li", { class: `finding ${f.verified ? "" : "unverified"}` },
      h("b", {}, f.title), f.line ? ` (line ${f.line})` : "", f.verified ? "" : " [unverified]", f.evidence ? h("div", { class: "muted" }, `“${f.evidence}”`) : null))) : h("p", { class: "muted" }, "No critical findings."),
    it.chunks.map((c) => h("div", { class: "muted" },
      `chunk ${c.chunk}/${c.chunks}: ${c.status}, ${c.verdict || "no verdict"} by ${c.provider || "-"}/${c.model || "-"}; prompt ${c.prompt.name}@${c.prompt.sha256.slice(0, 8)}; policy ${c.policy_version}; run ${c.run_id}`,
      c.summary ? h("div", {}, c.summary) : null, c.error ? h("div", { class: "error" }, c.error) : null,
      c.static_findings.length ? h("div", {}, `static: ${c.static_findings.map((x) => `${x.rule}@${x.line} (${x.model_verdict})`).join(", ")}`) : null))));
  const src = h("div", { class: "card", id: "source" }, h("span", { class: "muted" }, "loading source…"));
  view.replaceChildren(h("h2", {}, "Trace: ", file, " ", t.signal ? signalBadge(t.signal.signal) : null), h("div", { class: "controls" }, picker),
    h("div", { class: "timeline" }, cards), h("h3", {}, "Source (latest findings highlighted)"), src);
  try {
    const code = await api(`/api/source?path=${encodeURIComponent(file)}`);
    const lines = new Set(last.findings.map((f) => f.line).filter(Boolean));
    src.replaceChildren(h("pre", { class: "source" }, code.text.split("\n").map((l, i) => h("span", { class: lines.has(i + 1) ? "hl" : "" }, `${String(i + 1).padStart(5)}  ${l}\n`))));
  } catch (e) {
    src.replaceChildren(h("span", { class: "muted" }, `source not available: ${e.message}`));
  }
}

// ---- TRAJECTORY --------------------------------------------------------------------------------------
function lineChart(points, w = 560, hgt = 200) {
  const xs = points.map((p) => p.x);
  const minX = Math.min(...xs), maxX = Math.max(...xs, minX + 1);
  const X = (x) => 40 + ((x - minX) / (maxX - minX)) * (w - 60);
  const Y = (y) => hgt - 25 - (y / 10) * (hgt - 45);
  const valid = points.filter((p) => p.y !== null);
  return s("svg", { width: w, height: hgt, role: "img", "aria-label": "mean score per iteration" },
    [0, 5, 10].map((y) => [s("line", { x1: 40, x2: w - 20, y1: Y(y), y2: Y(y), stroke: "#ddd" }), s("text", { x: 10, y: Y(y) + 4 }, String(y))]),
    s("polyline", { fill: "none", stroke: "#2457c5", "stroke-width": 2, points: valid.map((p) => `${X(p.x)},${Y(p.y)}`).join(" ") }),
    valid.map((p) => [s("circle", { cx: X(p.x), cy: Y(p.y), r: 4, fill: "#2457c5" }), s("text", { x: X(p.x) - 8, y: hgt - 8 }, `it ${p.x}`), s("text", { x: X(p.x) - 10, y: Y(p.y) - 8 }, fmt(p.y))]));
}
function sparkline(history, w = 120, hgt = 26) {
  if (history.length < 2) return history.length ? scoreBadge(history[0].score) : "";
  const X = (i) => 3 + (i / (history.length - 1)) * (w - 6);
  const Y = (y) => hgt - 3 - (y / 10) * (hgt - 6);
  return s("svg", { width: w, height: hgt }, s("polyline", { fill: "none", stroke: "#444", "stroke-width": 1.5, points: history.map((p, i) => `${X(i)},${Y(p.score)}`).join(" ") }));
}
async function renderTrajectory() {
  const t = await api("/api/trajectory");
  const total = Object.values(t.counts).reduce((a, b) => a + b, 0) || 1;
  view.replaceChildren(h("h2", {}, "Trajectory"),
    h("div", { class: "grid" },
      h("div", { class: "card" }, h("h3", {}, "Mean score per iteration"), t.iters.length ? lineChart(t.iters.map((i) => ({ x: i.iter, y: i.mean }))) : h("p", { class: "muted" }, "no iterations")),
      h("div", { class: "card", id: "signal-counts" }, h("h3", {}, "Files per signal"), Object.entries(t.counts).map(([sig, n]) =>
        h("div", {}, h("span", { style: { display: "inline-block", width: "110px" } }, signalBadge(sig)),
          h("span", { style: { display: "inline-block", height: "12px", width: `${(200 * n) / total}px`, background: SIGNAL_COLOURS[sig] || "#555" } }), ` ${n}`)))),
    h("h3", {}, "Files"),
    table(["file", "signal", "history", "last change", "recurring findings", "rule"], t.files.map((f) => [traceLink(f.file), signalBadge(f.signal), sparkline(f.history), f.delta === null ? "n/a" : (f.delta > 0 ? "+" : "") + fmt(f.delta), String(f.recurring.length), h("span", { class: "muted" }, f.rule)])));
}

// ---- METRICS -----------------------------------------------------------------------------------------
async function renderMetrics(params) {
  const qs = new URLSearchParams();
  for (const k of ["from", "to"]) if (params.get(k)) qs.set(k, params.get(k));
  const m = await api(`/api/metrics?${qs}`);
  const sel = (name, current) => h("select", { id: `metrics-${name}`, onchange: (e) => { params.set(name, e.target.value); location.hash = `#metrics?${params}`; } },
    m.iterations.map((i) => h("option", { value: i, selected: current === i }, `iter ${i}`)));
  const head = [h("h2", {}, "Metrics")];
  if (!m.compare) return view.replaceChildren(...head, h("p", { class: "muted" }, m.note));
  view.replaceChildren(...head,
    h("div", { class: "controls" }, h("label", {}, "from ", sel("from", m.compare.from)), h("label", {}, "to ", sel("to", m.compare.to))),
    h("div", { class: "grid" }, m.figures.map((f) => h("div", { class: "card figure", "data-id": f.id },
      h("div", { class: "muted" }, f.label), h("div", { class: "value" }, f.value), f.detail ? h("div", { class: "muted" }, f.detail) : null, h("div", {}, f.meaning), h("div", { class: "good" }, `Good: ${f.good}`)))),
    h("h3", {}, "Per-file score change"),
    table(["file", "from", "to", "change"], m.compare.files.slice(0, 50).map((d) => [traceLink(d.file), fmt(d.from), fmt(d.to), (d.delta > 0 ? "+" : "") + fmt(d.delta)])),
    h("h3", {}, "Model trust"),
    table(["model", "files accepted", "first-attempt rate", "JSON rate", "parse failures", "unverified rate", "agreement with floor"],
      m.trust.map((t) => [`${t.provider}/${t.model}`, String(t.files_accepted), pct(t.first_attempt_rate), pct(t.json_rate), String(t.parse_failures), pct(t.unverified_rate), pct(t.agreement_floor.verdict_agreement)])));
}
const pct = (x) => (x === null || x === undefined ? "n/a" : `${(100 * x).toFixed(1)}%`);

// ---- KB ----------------------------------------------------------------------------------------------
async function renderKb(params) {
  const data = await api(`/api/kb?${params}`);
  const field = (name, options) => options
    ? h("label", {}, name, h("select", { name }, h("option", { value: "" }, "any"), options.map((o) => h("option", { value: o, selected: params.get(name) === String(o) }, String(o)))))
    : h("label", {}, name, h("input", { name, value: params.get(name) || "", placeholder: "substring" }));
  const form = h("form", { class: "controls", id: "kb-filter", onsubmit: (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [k, v] of new FormData(e.target)) if (v) next.set(k, String(v));
    location.hash = `#kb?${next}`;
  } }, field("file"), field("iter", data.options.iter), field("status", data.options.status), field("verdict", data.options.verdict), field("model", data.options.model), field("tier", data.options.tier), h("button", { type: "submit" }, "Filter"));
  const detail = h("pre", { class: "card", id: "kb-detail", hidden: true });
  const page = (delta) => { const p = new URLSearchParams(params); p.set("offset", String(Math.max(0, data.offset + delta))); location.hash = `#kb?${p}`; };
  view.replaceChildren(h("h2", {}, `KB: ${data.total} review rows`), form,
    table(["iter", "file", "chunk", "status", "verdict", "score", "criticals", "tier", "model"], data.rows.map((r) => [String(r.iter), r.file, `${r.chunk}/${r.chunks}`, r.status, r.verdict || "-", scoreBadge(r.score), String(r.critical_failures_count), r.gradient_tier, r.model || "-"]),
      (i) => { detail.hidden = false; detail.textContent = JSON.stringify(data.rows[i], null, 2); }),
    h("div", { class: "controls" }, data.offset > 0 ? h("button", { onclick: () => page(-data.limit) }, "previous") : null,
      h("span", { class: "muted" }, `${data.offset + 1}-${Math.min(data.total, data.offset + data.limit)} of ${data.total}`),
      data.offset + data.limit < data.total ? h("button", { onclick: () => page(data.limit) }, "next") : null), detail);
}

// ---- EVENTS ------------------------------------------------------------------------------------------
async function renderEvents() {
  const feed = await api("/api/observer");
  if (!feed.ok) return view.replaceChildren(h("h2", {}, "Observer events"), h("div", { class: "card", id: "observer-down" }, h("b", {}, "Observer not available. "), feed.reason, feed.url ? ` (${feed.url})` : ""));
  const st = feed.stats;
  const opsTable = (ops) => table(["time", "endpoint", "ok", "ms", "file", "iter", "score", "model", "error / output"],
    ops.map((o) => [o.timestamp, o.endpoint, o.success ? "yes" : "no", String(o.duration_ms), o.file || "", o.iter ?? "", o.score ?? "", o.model || "", o.error || o.output_summary || ""]));
  view.replaceChildren(h("h2", {}, `Observer events (${feed.url})`),
    h("div", { class: "card", id: "observer-totals" }, `total ${st.total} · successes ${st.successes} · failures ${st.failures} · by source: ${Object.entries(st.by_source).map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`),
    h("h3", {}, "Recent scrum operations"), opsTable(st.recent?.scrum || []),
    h("h3", {}, "Recent scenario operations"), opsTable(st.recent?.scenario || []),
    st.analyses?.length ? h("div", { id: "observer-analyses" }, h("h3", {}, "Failure analyses"), table(["endpoint", "pattern", "count", "rate", "cause", "suggestion"], st.analyses.map((a) => [a.endpoint, a.error_pattern, String(a.count), pct(a.failure_rate), a.cause || "-", a.suggestion || "-"]))) : "",
    st.playbooks?.length ? h("div", { id: "observer-playbook" }, h("h3", {}, "Playbook"), table(["endpoint", "task class", "successes", "guidance"], st.playbooks.map((p) => [p.endpoint, p.task_class, String(p.successes), p.guidance]))) : "");
}

// ---- router ------------------------------------------------------------------------------------------
const VIEWS = { map: renderMap, trace: renderTrace, trajectory: renderTrajectory, metrics: renderMetrics, kb: renderKb, events: renderEvents };
async function route() {
  const [name, query] = (location.hash.slice(1) || "map").split("?");
  const render = VIEWS[name] || renderMap;
  for (const a of document.querySelectorAll("#nav a")) a.classList.toggle("active", a.dataset.view === (VIEWS[name] ? name : "map"));
  view.dataset.view = VIEWS[name] ? name : "map";
  view.dataset.ready = "false";
  try {
    await render(new URLSearchParams(query || ""));
  } catch (e) {
    view.replaceChildren(h("h2", {}, "Could not load this view"), h("p", { class: "error" }, e.message));
  }
  view.dataset.ready = "true";
}
window.addEventListener("hashchange", route);
route();
