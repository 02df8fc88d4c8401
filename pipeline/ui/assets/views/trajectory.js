// TRAJECTORY: the score distribution and tiers per iteration, files per signal, and a page of files with their
// score histories, filtered by signal and sorted.
import { seriesVar, api, fmt, h, hashWith, int, signalBadge, signalColour, signed, table, tierColour, traceHref, traceLink, pager, put } from "/assets/dom.js";
import { barChart, lineChart, sparkline, stackedChart } from "/assets/charts.js";

const SORTS = [["signal", "signal"], ["delta", "largest drop"], ["-delta", "largest rise"], ["file", "path"]];

export async function renderTrajectory(view, params, live) {
  const qs = new URLSearchParams();
  for (const k of ["signal", "sort", "offset"]) if (params.get(k)) qs.set(k, params.get(k));
  const t = await api(`/api/trajectory?${qs}`);
  if (!live()) return {};
  const here = (c) => hashWith("trajectory", params, c);
  const boxes = { score: h("div", { class: "card", id: "chart-mean" }), signals: h("div", { class: "card", id: "signal-counts" }), tiers: h("div", { class: "card", id: "chart-tiers" }) };
  put(view, 
    h("h2", {}, "Trajectory"),
    h("div", { class: "grid2" }, boxes.score, boxes.signals),
    boxes.tiers,
    h("h3", { id: "files-title" }, params.get("signal") ? `Files with signal ${params.get("signal")}` : "Files"),
    h("div", { class: "controls" },
      h("label", {}, "Signal ", h("select", { id: "traj-signal", onchange: (e) => (location.hash = here({ signal: e.target.value, offset: null })) },
        h("option", { value: "" }, "any"), t.counts.map((c) => h("option", { value: c.signal, selected: params.get("signal") === c.signal }, `${c.signal} (${int(c.n)})`)))),
      h("label", {}, "Sort by ", h("select", { id: "traj-sort", onchange: (e) => (location.hash = here({ sort: e.target.value === "signal" ? null : e.target.value, offset: null })) },
        SORTS.map(([v, l]) => h("option", { value: v, selected: (params.get("sort") || "signal") === v }, l))))),
    table([{ label: "file", path: true }, { label: "signal" }, { label: "score history" }, { label: "last change", num: true }, { label: "recurring findings", num: true, title: "Findings of the previous scored iteration still present in the last" }, { label: "rule", title: "The decision-table condition that matched (config signals.order)" }],
      t.files.map((f) => ({ href: traceHref(f.file), cells: [traceLink(f.file), signalBadge(f.signal), sparkline(f.history), signed(f.delta), int(f.recurring), h("span", { class: "muted" }, f.rule)] })),
      { id: "trajectory-files", caption: "Files and their trajectories" }),
    pager(t.total, t.offset, t.limit, (o) => (location.hash = here({ offset: o || null }))));
  const draw = () => {
    const iters = t.iters;
    put(boxes.score, h("h3", {}, "Score per iteration"), iters.length
      ? lineChart(boxes.score, {
        id: "mean-chart", title: "Mean and median file score per iteration, with the middle half of files shaded", xLabel: "iteration", yLabel: "score (0–10)",
        series: [
          { label: "mean", colour: seriesVar(0), points: iters.map((i) => ({ x: i.iter, y: i.mean })), band: iters.filter((i) => i.q1 !== null).map((i) => ({ x: i.iter, lo: i.q1, hi: i.q3 })) },
          { label: "median", colour: seriesVar(2), points: iters.map((i) => ({ x: i.iter, y: i.med })) },
        ],
      })
      : h("p", { class: "muted" }, "no iterations yet"),
    iters.length ? h("p", { class: "note" }, `Shaded: the 25th–75th percentile of file scores. Latest: mean ${fmt(iters.at(-1).mean)} over ${int(iters.at(-1).scored)} scored files.`) : null);
    put(boxes.signals, h("h3", {}, "Files per signal"), barChart(boxes.signals, {
      id: "signal-chart", title: "Files per trajectory signal", xLabel: "files",
      bars: t.counts.map((c) => ({ label: c.signal, value: c.n, colour: signalColour(c.signal) })),
    }));
    put(boxes.tiers, h("h3", {}, "Files per permission tier, per iteration"), stackedChart(boxes.tiers, {
      id: "tier-chart", title: "Files per permission tier in each iteration", xLabel: "iteration", yLabel: "Files",
      stacks: iters.map((i) => ({ x: i.iter, parts: { auto: i.auto, dry_run: i.dry_run, sim: i.sim, block: i.block } })),
      keys: ["auto", "dry_run", "sim", "block"].map((k) => ({ key: k, label: k, colour: tierColour(k) })),
    }));
  };
  draw();
  return { redraw: draw };
}
