// What planting does to the floor's findings in files it did not touch. A file whose text is unchanged can
// only gain or lose findings through the floor's cross-file rules (a guard defined here, mounted
// elsewhere), so the mutated tree is rescanned with those rules alone and every other finding is read
// from the baseline scan: the same answer as a full rescan, at a fraction of its cost.
import type { StaticFinding } from "../kb/schemas/static-finding";
import { CHECKS, type CheckName } from "../rules/checks";
import { createFloor, type Floor, type SourceFile } from "../rules/floor";

/** The floor's checks that read other files (they declare `crossFile` in the check registry); every other check reads one file. */
export const CROSS_FILE_CHECKS: readonly string[] = Object.entries(CHECKS).filter(([, c]) => c.crossFile).map(([name]) => name as CheckName);

/** Per file outside the mutated ones whose findings change: the findings the mutants add (maybe none: some were removed). */
export type CrossFileChanges = Map<string, StaticFinding[]>;

const key = (f: StaticFinding) => `${f.rule_id}:${f.line}`;
const byLine = (a: StaticFinding, b: StaticFinding) => a.line - b.line || a.rule_id.localeCompare(b.rule_id);

/**
 * `base` is the full floor's scan of `files`. The returned function takes the mutated texts (path → text)
 * and gives, in the order a full rescan would list them, the other files whose findings change.
 */
export function crossFileEffects(floor: Floor, files: readonly SourceFile[], base: Map<string, StaticFinding[]>): (mutated: ReadonlyMap<string, string>) => CrossFileChanges {
  const rules = floor.rules.filter((r) => r.check && CROSS_FILE_CHECKS.includes(r.check.name));
  const crossIds = new Set(rules.map((r) => r.id));
  const cross = createFloor(rules);
  const crossBase = rules.length ? cross.scan([...files]) : new Map<string, StaticFinding[]>();
  const order = files.map((f) => f.path);
  const sig = (list: readonly StaticFinding[] | undefined) => (list ?? []).map(key).join("\n");

  return (mutated) => {
    const out: CrossFileChanges = new Map();
    if (!rules.length) return out;
    const crossAfter = cross.scan(files.map((f) => ({ path: f.path, content: mutated.get(f.path) ?? f.content })));
    const after = new Map<string, StaticFinding[]>();
    for (const path of order) {
      if (mutated.has(path) || sig(crossBase.get(path)) === sig(crossAfter.get(path))) continue;
      // The full floor adds one-file findings first and drops a cross-file one on the same class and line.
      const local = (base.get(path) ?? []).filter((f) => !crossIds.has(f.rule_id));
      const added = (crossAfter.get(path) ?? []).filter((u) => !local.some((f) => f.class === u.class && f.line === u.line));
      after.set(path, [...local, ...added].sort(byLine));
    }
    // A full rescan's map lists the baseline's files first (in its order), then files new to it.
    const changed = [...base.keys(), ...order.filter((p) => !base.has(p))].filter((p) => after.has(p));
    for (const path of changed) {
      const b = new Set((base.get(path) ?? []).map(key));
      const a = after.get(path)!;
      const gained = a.filter((f) => !b.has(key(f)));
      if (gained.length || a.length !== b.size) out.set(path, gained);
    }
    return out;
  };
}
