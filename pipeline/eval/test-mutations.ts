// `scrum rules test` for mutation operators: each example's `before` must plant exactly its `after`
// (at the first site), and each no_site example must offer no site.
import { EXAMPLE_FILE } from "../rules/languages";
import { applySite, fileSites } from "./find-sites";
import type { MutationOperator } from "./load-mutations";

export interface MutationTestResult {
  id: string;
  ok: boolean;
  examples: number;
  no_site: number;
  failures: string[];
}

/** Examples show generated values by name, so they read the same whatever the seed. */
const PLACEHOLDERS = () => ({ SCRUM_TOKEN: "$SCRUM_TOKEN", SCRUM_USER: "$SCRUM_USER" });

const firstLine = (text: string) => (text.split("\n").find((l) => l.trim()) ?? "").trim().slice(0, 60);

function firstDifference(want: string, got: string): string {
  const w = want.split("\n"), g = got.split("\n");
  const i = w.findIndex((l, k) => l !== g[k]);
  const k = i === -1 ? w.length : i;
  return `line ${k + 1}: expected ${JSON.stringify(w[k] ?? "<end>")}, got ${JSON.stringify(g[k] ?? "<end>")}`;
}

export function testMutation(op: MutationOperator): MutationTestResult {
  const { spec } = op;
  const path = (p?: string) => p ?? spec.example_path ?? EXAMPLE_FILE[spec.language];
  const failures: string[] = [];
  spec.examples.forEach((ex, i) => {
    const sites = fileSites({ path: path(ex.path), content: ex.before }, [op], "examples", PLACEHOLDERS);
    if (!sites.length) { failures.push(`examples[${i}] found no site: ${firstLine(ex.before)}`); return; }
    const got = applySite(ex.before, sites[0]!);
    if (got !== ex.after) failures.push(`examples[${i}] planted something else: ${firstDifference(ex.after, got)}`);
  });
  spec.no_site.forEach((text, i) => {
    const n = fileSites({ path: path(), content: text }, [op], "examples", PLACEHOLDERS).length;
    if (n) failures.push(`no_site[${i}] offered ${n} site(s): ${firstLine(text)}`);
  });
  return { id: spec.id, ok: failures.length === 0, examples: spec.examples.length, no_site: spec.no_site.length, failures };
}

export function testMutations(ops: readonly MutationOperator[]): MutationTestResult[] {
  return ops.map(testMutation);
}
