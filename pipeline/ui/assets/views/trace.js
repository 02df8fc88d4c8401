// TRACE: one file across iterations: score and criticals charts, the signal's evidence, a page of iterations
// with findings and provenance (prompt, policy, run, model, attempts), and the source with findings marked.
import { seriesVar, api, fmt, h, hashWith, int, scoreBadge, signalBadge, signed, tierBadge, put } from "/assets/dom.js";
import { lineChart, stackedChart } from "/assets/charts.js";
import { PALETTE } from "/assets/palette.js";

function finder(params) {
  const list = h("datalist", { id: "trace-files" });
  let timer;
  const input = h("input", {
    type: "search", id: "trace-file", name: "file", list: "trace-files", value: params.get("file") || "", placeholder: "type part of a path", autocomplete: "off",
    oninput: (e) => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const files = await api(`/api/files?q=${encodeURIComponent(e.target.value)}&limit=20`).catch(() => []);
        put(list, ...files.map((f) => h("option", { value: f })));
      }, 150);
    },
  });
  return h("form", { class: "controls", role: "search", onsubmit: (e) => { e.preventDefault(); location.hash = hashWith("trace", new URLSearchParams(), { file: input.value.trim() }); } },
    h("label", { for: "trace-file" }, "File"), input, list, h("button", { type: "submit" }, "Open"));
}

function iterationCard(it) {
  const models = it.models?.length ? it.models.join(", ") : "no accepted answer";
  return h("article", { class: "card", "data-iter": it.iter },
    h("h3", {}, `Iteration ${it.iter} `, scoreBadge(it.score), " ", tierBadge(it.tier), " ", h("span", { class: "muted" }, `${int(it.criticals)} critical · ${models}${it.targeted ? " · targeted by the fix wave" : ""}`)),
    it.chunks.map((c) => h("div", { class: "chunk" },
      h("p", { class: "muted" }, `chunk ${c.chunk}/${c.chunks}: ${c.status}, ${c.verdict || "no verdict"} by ${c.provider || "-"}/${c.model || "-"}${c.confidence !== null ? ` (confidence ${fmt(c.confidence)})` : ""} · prompt ${c.prompt.name}@${String(c.prompt.sha256).slice(0, 8)} · policy ${c.policy_version} · run ${c.run_id} · ${c.created_at}`),
      c.summary ? h("p", {}, c.summary) : null,
      c.error ? h("p", { class: "error" }, c.error) : null,
      c.findings.length ? h("ul", {}, c.findings.map((f) => h("li", { class: `finding${f.verified ? "" : " unverified"}` },
        h("b", {}, f.title), f.line ? [" ", h("a", { href: `#src-L${f.line}`, onclick: (e) => { e.preventDefault(); document.getElementById(`src-L${f.line}`)?.scrollIntoView({ block: "center" }); } }, `line ${f.line}`)] : "",
        f.verified ? "" : " (unverified)", f.evidence ? h("div", { class: "muted" }, `“${f.evidence}”`) : null))) : h("p", { class: "muted" }, "No critical findings."),
      c.static_findings.length ? h("p", { class: "muted" }, `static floor: ${c.static_findings.map((x) => `${x.rule} line ${x.line} (${x.model_verdict})`).join("; ")}`) : null,
      c.attempts.length > 1 ? h("p", { class: "muted" }, `attempts: ${c.attempts.map((a) => `${a.model} ${a.outcome}`).join(" → ")}`) : null)));
}

export async function renderTrace(view, params, live) {
  const file = params.get("file");
  if (!file) {
    put(view, h("h2", {}, "Trace"), finder(params), h("p", { class: "muted" }, "Open a file from the map, a search hit or the KB, or type part of its path."));
    return {};
  }
  const before = params.get("before");
  const t = await api(`/api/trace?file=${encodeURIComponent(file)}${before ? `&before=${before}` : ""}`);
  if (!live()) return {};
  const sig = t.signal;
  const charts = h("div", { class: "grid2" }, h("div", { class: "card", id: "trace-score" }), h("div", { class: "card", id: "trace-criticals" }));
  const src = h("div", { class: "card", id: "source" }, h("span", { class: "muted" }, "loading source…"));
  put(view, 
    h("h2", {}, "Trace: ", h("span", { class: "path" }, file), " ", sig ? signalBadge(sig.signal) : null),
    finder(params),
    sig ? h("p", { class: "muted", id: "trace-signal" }, `${sig.signal} by rule ${sig.rule}: score ${fmt(sig.score_prev)} → ${fmt(sig.score_last)} (${signed(sig.delta)}), finding overlap J ${fmt(sig.jaccard)}, ${sig.recurring} recurring${sig.targeted ? ", targeted by the fix wave" : ""}.`) : null,
    charts,
    h("h3", {}, before ? `Iterations before ${before}` : "Latest iterations"),
    h("div", { class: "timeline" }, t.iterations.map(iterationCard)),
    h("div", { class: "pager" }, before ? h("a", { href: hashWith("trace", params, { before: null }), "data-page": "prev" }, "← latest") : null,
      t.next ? h("a", { href: hashWith("trace", params, { before: t.next }), "data-page": "next" }, "older iterations →") : null),
    h("h3", {}, "Source (the newest findings shown above are marked)"), src);
  const draw = () => {
    const pts = t.history.map((x) => ({ x: x.iter, y: x.score }));
    const a = charts.children[0], b = charts.children[1];
    put(a, h("h3", {}, "Score per iteration"), lineChart(a, { id: "trace-score-chart", title: `Score of ${file} per iteration`, series: [{ label: "score", colour: seriesVar(0), points: pts }], xLabel: "iteration", yLabel: "score (0–10)" }));
    put(b, h("h3", {}, "Critical findings per iteration"), stackedChart(b, { id: "trace-criticals-chart", title: `Critical findings in ${file} per iteration`, stacks: t.history.map((x) => ({ x: x.iter, parts: { c: x.criticals } })), keys: [{ key: "c", label: "critical findings", colour: PALETTE.SIGNAL_COLOURS.REGRESSING }], xLabel: "iteration", yLabel: "Findings" }));
  };
  draw();
  if (t.source) {
    put(src, h("span", { class: "muted" }, `source not available: ${t.source} (in the repository given to scrum ui --repo)`));
    return { redraw: draw };
  }
  try {
    const code = await api(`/api/source?path=${encodeURIComponent(file)}`);
    const lines = new Set(t.iterations[0]?.chunks.flatMap((c) => c.findings.map((f) => f.line)).filter(Boolean));
    if (live()) put(src, h("pre", { class: "source", tabindex: "0", "aria-label": `Source of ${file}` }, code.text.split("\n").map((l, i) => h("span", { id: `src-L${i + 1}`, class: lines.has(i + 1) ? "hl" : null }, `${String(i + 1).padStart(5)}  ${l}\n`))));
  } catch (e) {
    if (live()) put(src, h("span", { class: "muted" }, `source not available: ${e.message}`));
  }
  return { redraw: draw };
}
