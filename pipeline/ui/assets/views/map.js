// MAP: the repository as a zoomable treemap, one directory level at a time, with five overlays and import edges.
import { api, fmt, h, hashWith, int, scoreBadge, signalBadge, table, tierBadge, traceHref, put } from "/assets/dom.js";
import { drawTreemap, legendOf, overlays } from "/assets/treemap.js";

const OVERLAYS = ["score", "signal", "tier", "criticals", "model"];

export async function renderMap(view, params, live) {
  const dir = params.get("dir") || "";
  const name = OVERLAYS.includes(params.get("overlay")) ? params.get("overlay") : "score";
  const showEdges = params.get("edges") !== "0";
  const url = (signals) => `/api/map?dir=${encodeURIComponent(dir)}${signals ? "&signals=1" : ""}`;
  // Signals cost most of a first map over a big KB: draw without them unless the overlay needs them.
  let level = await api(url(name === "signal"));
  if (!live()) return;
  const here = (changes) => hashWith("map", params, changes);
  const hrefOf = (t) => (t.kind === "dir" ? here({ dir: t.path }) : traceHref(t.path));
  const box = h("div", { class: "treemap card", id: "treemap" });
  const legendBox = h("div", { id: "map-legend" });
  const notes = h("div", { id: "map-notes" });
  const listBox = h("div", {});
  let edges = null;
  const crumbs = ["", ...level.dir.split("/").filter(Boolean).map((_, i, a) => a.slice(0, i + 1).join("/"))];
  const parent = level.dir.includes("/") ? level.dir.slice(0, level.dir.lastIndexOf("/")) : "";

  const draw = () => {
    const ov = overlays(level)[name];
    drawTreemap(box, level, ov, hrefOf, showEdges ? edges?.edges : null);
    put(legendBox, legendOf(ov), name === "signal" && !level.signals ? h("span", { class: "muted" }, "signals loading…") : null);
    put(notes, 
      level.hidden.tiles ? h("p", { class: "note" }, `${int(level.hidden.tiles)} smaller tiles (${int(level.hidden.files)} files) are not drawn: open a directory to see them.`) : null,
      showEdges && edges?.note ? h("p", { class: "note", id: "edges-note" }, `Imports: ${edges.note}.`) : null,
      showEdges && edges?.edges.length ? h("p", { class: "note", id: "edges-note" }, `Imports: ${edges.edges.length} links between tiles (arrow: importer → imported; width: number of imports).`) : null);
    put(listBox, h("details", { class: "data" }, h("summary", {}, `The ${level.tiles.length} tiles as a table`),
      table([{ label: "name" }, { label: "files", num: true }, { label: "score", num: true }, { label: "signal" }, { label: "tier" }, { label: "criticals", num: true }, { label: "model" }],
        level.tiles.map((t) => ({ href: hrefOf(t), cells: [t.kind === "dir" ? `${t.name}/` : t.name, int(t.files), scoreBadge(t.score), signalBadge(t.signal), tierBadge(t.tier), int(t.criticals), t.model ?? "none"] })),
        { id: "map-table", caption: "Map tiles" })));
  };

  put(view, 
    h("h2", {}, "Map"),
    h("p", { class: "muted", id: "map-summary" }, level.totals.files ? `${int(level.totals.files)} files reviewed · latest iteration ${level.totals.latest} · tile area: reviewed chunks` : "The KB has no review rows yet: run `scrum sweep` first."),
    h("nav", { class: "crumbs", "aria-label": "Directory" },
      h("button", { type: "button", "data-up": "", disabled: !level.dir, onclick: () => (location.hash = here({ dir: parent })), "aria-keyshortcuts": "u" }, "↑ up"),
      crumbs.map((c, i) => [i ? h("span", { "aria-hidden": "true" }, "/") : null, c === level.dir ? h("b", { "aria-current": "page" }, c ? c.split("/").pop() : "repository") : h("a", { href: here({ dir: c }) }, c ? c.split("/").pop() : "repository")])),
    h("div", { class: "controls" },
      h("span", { id: "overlay-label" }, "Colour by"),
      h("div", { class: "seg", role: "group", "aria-labelledby": "overlay-label" }, OVERLAYS.map((o) => h("a", { href: here({ overlay: o === "score" ? null : o }), id: `overlay-${o}`, "aria-current": o === name ? "true" : "false" }, overlays(level)[o].label))),
      h("label", {}, h("input", { type: "checkbox", id: "edges-toggle", checked: showEdges, onchange: (e) => (location.hash = here({ edges: e.target.checked ? null : "0" })) }), "import edges"),
      legendBox),
    level.tiles.length ? box : h("div", { class: "empty card" }, "Nothing reviewed here."), notes, listBox);
  draw();
  if (!level.signals) api(url(true)).then((l) => { if (live()) { level = l; draw(); } }).catch(() => {});
  if (showEdges && level.tiles.length > 1) api(`/api/map/edges?dir=${encodeURIComponent(level.dir)}`).then((e) => { if (live()) { edges = e; draw(); } }).catch(() => {});
  return { redraw: draw, summary: `${fmt(level.tiles.length, 0)} tiles` };
}
