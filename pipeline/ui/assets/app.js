// scrum control plane (read-only): hash router over the views; each view fetches its page of data from the
// server, which answers from DuckDB. Charts redraw for the new width when the window is resized.
import { api, h, put } from "/assets/dom.js";
import { installKeys } from "/assets/keys.js";
import { renderConsole } from "/assets/views/console.js";
import { renderKb } from "/assets/views/kb.js";
import { renderMap } from "/assets/views/map.js";
import { renderMetrics } from "/assets/views/metrics.js";
import { renderSearch } from "/assets/views/search.js";
import { renderTrace } from "/assets/views/trace.js";
import { renderTrajectory } from "/assets/views/trajectory.js";

const VIEWS = { map: renderMap, trace: renderTrace, trajectory: renderTrajectory, metrics: renderMetrics, kb: renderKb, search: renderSearch, console: renderConsole };
const TITLES = { map: "Map", trace: "Trace", trajectory: "Trajectory", metrics: "Metrics", kb: "KB", search: "Search", console: "Console" };
// Old links: #events was the observer view before the console replaced it.
const ALIASES = { events: "console" };
const view = document.getElementById("view");
let token = 0;
let current = {};

async function route() {
  const [raw, query] = (location.hash.slice(1) || "map").split("?");
  const name = VIEWS[ALIASES[raw] ?? raw] ? ALIASES[raw] ?? raw : "map";
  const mine = ++token;
  current.cleanup?.();
  current = {};
  for (const a of document.querySelectorAll("#nav a")) {
    const on = a.dataset.view === name;
    a.classList.toggle("active", on);
    if (on) a.setAttribute("aria-current", "page"); else a.removeAttribute("aria-current");
  }
  document.title = `${TITLES[name]} · scrum`;
  view.dataset.view = name;
  view.dataset.ready = "false";
  const started = performance.now();
  try {
    const got = await VIEWS[name](view, new URLSearchParams(query || ""), () => mine === token);
    if (mine === token) current = got || {};
  } catch (e) {
    if (mine === token) put(view, h("h2", {}, "Could not load this view"), h("p", { class: "error", role: "alert" }, e.message));
  }
  if (mine !== token) return;
  view.dataset.ready = "true";
  view.dataset.ms = String(Math.round(performance.now() - started));
}

let resizeTimer;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => current.redraw?.(), 150);
});
window.addEventListener("hashchange", route);
installKeys();
route();

// The header's status line: which KB, and whether the search index is still being built.
async function status() {
  const st = await api("/api/status").catch(() => null);
  const el = document.getElementById("status");
  if (!st) return void (el.textContent = "server unreachable");
  const idx = st.search.parts && st.search.ready < st.search.parts ? ` · indexing ${st.search.ready}/${st.search.parts}` : "";
  el.textContent = `KB ${st.kb}${idx}`;
  el.title = `KB ${st.kb} · cache ${st.cache}`;
  if (idx) setTimeout(status, 3000);
}
status();
