// kb pull and kb push: the KB directory ↔ its orphan branch. Pull merges the branch's rows into the
// directory; push merges the directory's rows into the branch as one new part and pushes without force.
// A push that loses a race fetches the new tip, merges again (renumbering a night that collides with
// another night's iteration) and retries, so concurrent pushers all land and no row is lost.
import { existsSync, statSync } from "node:fs";
import { InputError, RuntimeError } from "../core/errors";
import { lockKb } from "../kb/lock";
import { KbBranch, type BranchRef } from "./kb-branch";
import { readLine, kindOf } from "./kb-line";
import { bytesFromParts, nextPartDir, partFiles } from "./kb-parts";
import { applyMerge, planBytes, readKbDir } from "./merge-kb";
import type { MergePlan } from "./merge-plan";

export interface SyncReport {
  remote: string;
  branch: string;
  /** The branch's commit after the operation (null: the remote has no KB branch yet). */
  tip: string | null;
  added: Record<string, number>;
  renumbered: MergePlan["renumbered"];
  skipped: MergePlan["skipped"];
  /** Push only: how many tries it took (1 unless it lost a race). */
  attempts?: number;
  part?: string | null;
}

export interface PushDeps {
  maxAttempts: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Called between building a commit and pushing it (tests use it to let another pusher win). */
  beforePush?: (attempt: number) => Promise<void>;
}

const realDeps: PushDeps = { maxAttempts: 12, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), random: Math.random };

function count(append: Record<string, readonly string[]>): Record<string, number> {
  return Object.fromEntries(Object.entries(append).sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, l]) => [f, l.length]));
}

/** A part's label and commit message from the rows it adds: the night (or iteration) they belong to. */
function describe(append: Record<string, readonly string[]>): { label: string; message: string } {
  const nights = new Set<string>();
  let iter = 0;
  for (const [file, lines] of Object.entries(append)) {
    if (kindOf(file) !== "reviews" && kindOf(file) !== "runs") continue;
    for (const l of lines) {
      const r = readLine(kindOf(file), l);
      if (!r.ok) continue;
      if (r.facts.night) nights.add(r.facts.night);
      iter = Math.max(iter, r.facts.iter ?? 0);
    }
  }
  const label = nights.size ? `night-${[...nights].sort().join("+")}` : iter ? `iter-${iter}` : "kb";
  const added = Object.entries(count(append)).map(([f, n]) => `+${n} ${f}`).join(", ");
  return { label, message: `scrum kb: ${nights.size ? `night ${[...nights].sort().join(", ")}` : "rows"}${iter ? `, iteration ${iter}` : ""} (${added})` };
}

export async function pullKb(kbDir: string, ref: BranchRef): Promise<SyncReport> {
  if (existsSync(kbDir) && !statSync(kbDir).isDirectory()) throw new InputError(`--kb must be a directory: ${kbDir}`);
  const b = new KbBranch(ref);
  await b.checkRepo();
  const tip = await b.fetchTip();
  const base = { remote: ref.remote, branch: ref.branch, tip, renumbered: [], skipped: [] };
  if (!tip) return { ...base, added: {} };
  const remote = bytesFromParts(await b.readParts(tip));
  const release = lockKb(kbDir);
  try {
    const { plan, rest } = planBytes(readKbDir(kbDir).raw, [{ label: `${ref.remote}/${ref.branch}`, raw: remote }]);
    return { ...base, added: applyMerge(kbDir, plan, new Map(), rest), renumbered: plan.renumbered, skipped: plan.skipped };
  } finally {
    release();
  }
}

export async function pushKb(kbDir: string, ref: BranchRef, deps: PushDeps = realDeps): Promise<SyncReport> {
  if (!existsSync(kbDir) || !statSync(kbDir).isDirectory()) throw new InputError(`KB directory not found: ${kbDir}`);
  const b = new KbBranch(ref);
  await b.checkRepo();
  // Held for the whole push: a sweep appending meanwhile would make the pushed part miss its rows.
  const release = lockKb(kbDir);
  try {
    const local = readKbDir(kbDir).raw;
    for (let attempt = 1; attempt <= deps.maxAttempts; attempt++) {
      const tip = await b.fetchTip();
      const parts = tip ? await b.readParts(tip) : [];
      const { plan } = planBytes(bytesFromParts(parts), [{ label: kbDir, raw: local }], { renumber: true });
      const base = { remote: ref.remote, branch: ref.branch, renumbered: plan.renumbered, skipped: plan.skipped, attempts: attempt };
      if (!Object.keys(plan.append).length) return { ...base, tip, added: {}, part: null };
      const { label, message } = describe(plan.append);
      const dir = nextPartDir(parts.map((p) => p.path), label);
      const sha = await b.commit(tip, partFiles(dir, plan.append), message);
      await deps.beforePush?.(attempt);
      if ((await b.push(sha)) === "pushed") return { ...base, tip: sha, added: count(plan.append), part: dir };
      // Lost the race: back off a little (more each time, jittered) so pushers stop colliding.
      await deps.sleep(Math.round((50 + deps.random() * 200) * attempt));
    }
    throw new RuntimeError("E_KB_RACE", `kb push: ${ref.remote}/${ref.branch} kept moving; gave up after ${deps.maxAttempts} tries`, "nothing was lost: run kb push again");
  } finally {
    release();
  }
}
