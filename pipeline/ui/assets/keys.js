// Keyboard: 1-7 switch views, j/k (or arrows) move between rows and map tiles, Enter opens, [ ] page,
// u goes up a map level, / searches, ? shows the keys. Typing in a field is never taken over.
export const VIEW_KEYS = ["map", "trace", "trajectory", "metrics", "kb", "search", "console"];

/** Rows and tiles of the current view, in document order. */
const items = () => [...document.querySelectorAll("#view [data-nav-item], #view tr.row")].filter((el) => el.getClientRects().length > 0);

/** Focus the item `delta` away from the focused one (roving tabindex: only the current item is tabbable). */
export function moveFocus(delta) {
  const list = items();
  if (!list.length) return false;
  const at = list.findIndex((el) => el === document.activeElement || el.contains(document.activeElement));
  const next = list[at < 0 ? (delta > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, at + delta))];
  for (const el of list) el.setAttribute("tabindex", el === next ? "0" : "-1");
  next.focus();
  next.scrollIntoView({ block: "nearest" });
  return true;
}

function open(el) {
  if (el.matches("tr.row")) el.click();
}

export function installKeys() {
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const field = e.target instanceof Element ? e.target.closest("input, select, textarea, [contenteditable]") : null;
    if (field) {
      if (e.key === "Escape") field.blur();
      return;
    }
    const help = document.getElementById("help");
    if (help.open) return;
    const click = (sel) => {
      const el = document.querySelector(sel);
      if (el && !el.disabled) el.click();
      return !!el;
    };
    let done = true;
    if (/^[1-7]$/.test(e.key)) location.hash = `#${VIEW_KEYS[Number(e.key) - 1]}`;
    else if (e.key === "/") {
      if (!location.hash.startsWith("#search")) location.hash = "#search";
      else document.getElementById("search-q")?.focus();
    } else if (e.key === "?") help.showModal();
    else if (e.key === "j" || e.key === "ArrowDown") done = moveFocus(1);
    else if (e.key === "k" || e.key === "ArrowUp") done = moveFocus(-1);
    else if (e.key === "Enter" && document.activeElement?.matches("tr.row")) open(document.activeElement);
    else if (e.key === "[") done = click("#view [data-page=prev]");
    else if (e.key === "]") done = click("#view [data-page=next]");
    else if (e.key === "u" || e.key === "Backspace") done = click("#view [data-up]");
    else done = false;
    if (done) e.preventDefault();
  });
  document.getElementById("help-open").addEventListener("click", () => document.getElementById("help").showModal());
}
