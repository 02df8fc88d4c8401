// Which night holds which iteration of a KB, and where a source's nights land in it: a night already in
// the KB (known by its id, or for rows without one by a run id) keeps the iteration it has there; a night
// meeting another night in one iteration is refused, or (when renumbering: a push that lost a race to
// another night) moved to the next free iteration.
import type { KbFileKind, LineFacts } from "./kb-line";
import { KbMergeError } from "./kb-merge-error";

/** A row's night for collision checks: rows without one (v4, local sweeps) form one unnamed night. */
const nightKey = (night: string | null) => night ?? "";
const at = (repo: string, iter: number) => `${repo}\u0000${iter}`;
const shown = (key: string) => (key === "" ? "(no night)" : `night ${key}`);

export interface Placement {
  renumbered: { source: string; repo: string; night: string | null; from: number; to: number }[];
  /** False when every row stays in its own iteration (then iterOf need not be asked). */
  moved: boolean;
  /** The iteration a source row lands in (its own when unmoved); null for rows without one. */
  iterOf(kind: KbFileKind, facts: LineFacts): number | null;
}

export class NightIndex {
  private nightsAt = new Map<string, Set<string>>();
  private iterOfNight = new Map<string, number>();
  private iterOfRun = new Map<string, number>();
  private maxIter = new Map<string, number>();
  private last: LineFacts | null = null;

  /** Index one review or run row (consecutive rows of one run cost one comparison). */
  addRow(f: LineFacts): void {
    const l = this.last;
    if (l && l.repo === f.repo && l.iter === f.iter && l.night === f.night && l.run_id === f.run_id) return;
    this.last = f;
    if (f.repo !== null && f.iter !== null) this.add(f.repo, f.iter, f.night, f.run_id);
  }

  add(repo: string, iter: number, night: string | null, runId: string | null = null): void {
    const k = nightKey(night);
    const set = this.nightsAt.get(at(repo, iter)) ?? this.nightsAt.set(at(repo, iter), new Set()).get(at(repo, iter))!;
    set.add(k);
    if (k !== "" && !this.iterOfNight.has(at(repo, 0) + k)) this.iterOfNight.set(at(repo, 0) + k, iter);
    if (runId !== null && !this.iterOfRun.has(at(repo, 0) + runId)) this.iterOfRun.set(at(repo, 0) + runId, iter);
    if (iter > (this.maxIter.get(repo) ?? 0)) this.maxIter.set(repo, iter);
  }

  placeSource(label: string, files: readonly { kind: KbFileKind; facts: readonly LineFacts[] }[], renumber: boolean): Placement {
    const srcNights = new Map<string, { repo: string; iter: number; nights: Set<string>; runs: Set<string> }>();
    const runAt = new Map<string, string>();
    for (const { kind, facts } of files) {
      if (kind !== "reviews" && kind !== "runs") continue;
      let prev: LineFacts | null = null;
      for (const f of facts) {
        if (prev && prev.repo === f.repo && prev.iter === f.iter && prev.night === f.night && prev.run_id === f.run_id) continue;
        prev = f;
        if (f.repo === null || f.iter === null) continue;
        const k = at(f.repo, f.iter);
        const e = srcNights.get(k) ?? srcNights.set(k, { repo: f.repo, iter: f.iter, nights: new Set(), runs: new Set() }).get(k)!;
        e.nights.add(nightKey(f.night));
        if (f.run_id !== null) { runAt.set(f.run_id, k); e.runs.add(f.run_id); }
      }
    }
    const target = new Map<string, number>();
    const renumbered: Placement["renumbered"] = [];
    let moved = false;
    // Oldest iteration first, so renumbered nights keep their order.
    for (const [k, e] of [...srcNights].sort((a, b) => a[1].iter - b[1].iter)) {
      if (e.nights.size > 1) {
        throw new KbMergeError("E_KB_NIGHTS", `${label}: iteration ${e.iter} of ${e.repo} holds rows of ${[...e.nights].map(shown).join(" and ")}`, "a KB must hold one night per iteration");
      }
      const night = [...e.nights][0]!;
      const byRun = [...e.runs].map((r) => this.iterOfRun.get(at(e.repo, 0) + r)).find((i) => i !== undefined);
      const known = (night === "" ? undefined : this.iterOfNight.get(at(e.repo, 0) + night)) ?? byRun;
      const here = this.nightsAt.get(k);
      let to = e.iter;
      if (known !== undefined) to = known;
      else if (here && !(here.size === 1 && here.has(night))) {
        const other = [...here].find((n) => n !== night)!;
        if (!renumber) {
          throw new KbMergeError("E_KB_NIGHTS", `${label}: iteration ${e.iter} of ${e.repo} is ${shown(other)} in the KB but ${shown(night)} in this source`, "two nights overlapped: run nights one at a time, or `kb merge --renumber` to move this one to the next free iteration");
        }
        to = (this.maxIter.get(e.repo) ?? 0) + 1;
        renumbered.push({ source: label, repo: e.repo, night: night || null, from: e.iter, to });
      }
      if (to !== e.iter) moved = true;
      target.set(k, to);
      this.add(e.repo, to, night || null);
      for (const r of e.runs) this.add(e.repo, to, night || null, r);
    }
    return {
      renumbered,
      moved,
      iterOf: (kind, f) => {
        if (f.iter === null) return null;
        const k = kind === "trust" ? (f.run_id === null ? undefined : runAt.get(f.run_id)) : kind === "other" || f.repo === null ? undefined : at(f.repo, f.iter);
        return (k === undefined ? undefined : target.get(k)) ?? f.iter;
      },
    };
  }
}
