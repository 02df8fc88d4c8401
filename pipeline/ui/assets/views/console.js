// CONSOLE: the observer's operations and the running sweep's progress, live over Server-Sent Events
// (/api/console/stream). The browser reconnects by itself; the server reconnects to a restarted observer.
import { api, fmt, h, int, pct, table, put } from "/assets/dom.js";

const MAX_OPS = 300;

function progressCard(p) {
  if (!p) return h("p", { class: "muted" }, "No sweep has started in this KB yet.");
  const share = p.planned ? Math.min(1, p.files / p.planned) : 0;
  const mins = (Date.parse(p.ended_at ?? new Date().toISOString()) - Date.parse(p.started_at)) / 60000;
  const rate = mins > 0 ? p.files / mins : null;
  const eta = !p.ended_at && rate ? (p.planned - p.files) / rate : null;
  return [
    h("p", {}, h("b", {}, p.ended_at ? (p.interrupted ? "Interrupted" : "Finished") : "Running"), ` · iteration ${p.iter} · run ${p.run_id} · started ${p.started_at}${p.ended_at ? ` · ended ${p.ended_at}` : ""}`),
    h("div", { class: "progress", role: "progressbar", "aria-label": "Files reviewed", "aria-valuemin": "0", "aria-valuemax": String(p.planned), "aria-valuenow": String(p.files) }, h("span", { style: { width: `${(100 * share).toFixed(1)}%` } })),
    h("p", { class: "muted", id: "progress-text" }, `${int(p.files)} of ${int(p.planned)} files (${pct(share)}) · ${int(p.chunks)} chunks, ${int(p.failed_chunks)} failed${rate ? ` · ${fmt(rate, 1)} files/min` : ""}${eta !== null ? ` · about ${Math.ceil(eta)} min left` : ""}${p.last_file ? ` · last: ${p.last_file}` : ""}`),
  ];
}

function opLine(op) {
  const t = String(op.received_at || op.timestamp || "").replace("T", " ").replace(/\.\d+Z$/, "Z");
  const what = [op.endpoint, op.file, op.iter ? `iter ${op.iter}` : "", op.score !== undefined && op.score !== null ? `score ${fmt(op.score, 1)}` : "", op.model || ""].filter(Boolean).join(" · ");
  return h("div", { class: "op", "data-source": op.source, "data-ok": op.success ? "1" : "0" },
    h("span", { class: "muted" }, t), h("span", { class: op.success ? "ok" : "fail" }, op.success ? "ok" : "FAIL"),
    h("span", { class: "msg" }, what, op.error ? h("span", { class: "fail" }, ` · ${op.error}`) : op.output_summary ? h("span", { class: "muted" }, ` · ${op.output_summary}`) : ""));
}

async function summary(box) {
  const feed = await api("/api/observer").catch((e) => ({ ok: false, reason: e.message }));
  if (!feed.ok) return put(box, h("p", { class: "muted", id: "observer-down" }, `Observer summary not available: ${feed.reason}`));
  const st = feed.stats;
  put(box, 
    h("p", { id: "observer-totals" }, `total ${int(st.total)} · successes ${int(st.successes)} · failures ${int(st.failures)} · by source: ${Object.entries(st.by_source).map(([k, v]) => `${k} ${int(v)}`).join(", ") || "none"}`),
    st.analyses?.length ? [h("h3", {}, "Failure analyses"), table([{ label: "endpoint" }, { label: "pattern" }, { label: "count", num: true }, { label: "rate", num: true }, { label: "cause" }, { label: "suggestion" }],
      st.analyses.map((a) => ({ cells: [a.endpoint, a.error_pattern, int(a.count), pct(a.failure_rate), a.cause || "-", a.suggestion || "-"] })), { id: "observer-analyses", caption: "Failure analyses" })] : null,
    st.playbooks?.length ? [h("h3", {}, "Playbook"), table([{ label: "endpoint" }, { label: "task class" }, { label: "successes", num: true }, { label: "guidance" }],
      st.playbooks.map((p) => ({ cells: [p.endpoint, p.task_class, int(p.successes), p.guidance] })), { id: "observer-playbook", caption: "Playbook" })] : null);
}

export async function renderConsole(view, params, live) {
  const status = h("span", { class: "pill", id: "observer-status" }, "connecting…");
  const stream = h("span", { class: "pill", id: "stream-status" }, "connecting…");
  const progress = h("section", { class: "card", id: "sweep-progress", "aria-label": "Sweep progress" }, h("p", { class: "muted" }, "waiting for the feed…"));
  const ops = h("div", { class: "console card", id: "ops", role: "log", "aria-label": "Observer operations, newest first", tabindex: "0" });
  const failuresOnly = h("input", { type: "checkbox", id: "ops-failures", onchange: () => { for (const el of ops.children) el.hidden = failuresOnly.checked && el.dataset.ok === "1"; } });
  const totals = h("div", { class: "card", id: "observer-summary" }, h("p", { class: "muted" }, "loading…"));
  put(view, h("h2", {}, "Console"),
    h("div", { class: "controls" }, "Observer ", status, " Live feed ", stream, h("label", {}, failuresOnly, "failures only"), h("button", { type: "button", onclick: () => summary(totals) }, "Refresh summary")),
    h("h3", {}, "Sweep"), progress, h("h3", {}, "Operations (newest first)"), ops, h("h3", {}, "Observer summary"), totals);
  void summary(totals);
  const es = new EventSource("/api/console/stream");
  es.onopen = () => { stream.textContent = "live"; stream.className = "pill up"; };
  es.onerror = () => { stream.textContent = "reconnecting…"; stream.className = "pill down"; };
  es.addEventListener("status", (e) => {
    const s = JSON.parse(e.data).status;
    status.textContent = s.state === "up" ? `up · ${s.url}` : s.state === "none" ? "not configured" : `${s.state}${s.reason ? `: ${s.reason}` : ""}`;
    status.className = `pill ${s.state === "up" ? "up" : s.state === "down" ? "down" : ""}`;
    status.dataset.state = s.state;
  });
  es.addEventListener("progress", (e) => put(progress, ...[progressCard(JSON.parse(e.data).progress)].flat()));
  const add = (el) => {
    ops.prepend(el);
    if (failuresOnly.checked && el.dataset.ok === "1") el.hidden = true;
    while (ops.children.length > MAX_OPS) ops.lastChild.remove();
  };
  es.addEventListener("op", (e) => add(opLine(JSON.parse(e.data).op)));
  es.addEventListener("gap", (e) => add(h("div", { class: "op muted" }, "", "", `${int(JSON.parse(e.data).missed)} operations happened while the feed was away (see the observer's ops.jsonl)`)));
  return { cleanup: () => es.close(), keepOnResize: true };
}
