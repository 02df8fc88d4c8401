// `scrum eval [CORPUS]`: recall, false positives and precision of a ladder on a seeded-defect corpus.
import { isAbsolute, join, resolve } from "node:path";
import { UsageError } from "../../core/errors";
import { renderMutationEval } from "../../eval/render-mutation-eval";
import { runMutationEval } from "../../eval/run-mutation-eval";
import { FindingClass } from "../../kb/schemas/static-finding";
import { commandContext, intFlag } from "../../query/command-context";
import type { Score } from "../../rules/score-eval";
import { runEval, type EvalResult } from "../../rules/run-eval";
import { COMMON_FLAGS, type Command, type Io, type Values } from "../command";
import { INSTALL_ROOT, loadConfig } from "../load-config";

const pct = (x: number) => (x * 100).toFixed(1).padStart(6);

function rows(title: string, scores: Record<string, Score>): string {
  const head = `${title.padEnd(22)} ${"defects".padStart(7)} ${"found".padStart(5)} ${"reported".padStart(8)} ${"FP".padStart(4)} ${"recall".padStart(6)} ${"prec.".padStart(6)}`;
  const body = Object.entries(scores).map(([k, s]) =>
    `${k.padEnd(22)} ${String(s.expected).padStart(7)} ${String(s.found).padStart(5)} ${String(s.reported).padStart(8)} ${String(s.false_positives).padStart(4)} ${pct(s.recall)} ${pct(s.precision)}`);
  return [head, ...body].join("\n");
}

export function renderEval(r: EvalResult): string {
  const t = r.total;
  const lines = [
    `eval of ladder '${r.ladder}' on ${r.corpus}: ${r.files} files, ${r.rows} rows, line tolerance ±${r.tolerance}`,
    ...(r.ladder_note ? [`note: ${r.ladder_note}`] : []),
    "",
    rows("class", r.by_class),
    "",
    rows("language", r.by_language),
    "",
    `total (class must match): recall ${(t.recall * 100).toFixed(1)}% (${t.found}/${t.expected}), precision ${(t.precision * 100).toFixed(1)}% (${t.true_positives}/${t.reported}), ${t.false_positives} false positive(s)`,
    `location only (any class near the line): recall ${(r.location_only.recall * 100).toFixed(1)}% (${r.location_only.found}/${r.location_only.expected}), precision ${(r.location_only.precision * 100).toFixed(1)}% (${r.location_only.true_positives}/${r.location_only.reported})`,
    ...(r.notes_not_scored ? [`info-level notes not scored: ${r.notes_not_scored} (--score-notes counts them as findings; --score-leads counts the leads only)`] : []),
  ];
  if (r.missed.length) lines.push("", "missed:", ...r.missed.map((m) => `  ${m.file}:${m.line} ${m.class}${m.note ? ` (${m.note})` : ""}`));
  if (r.false_positives.length) lines.push("", "false positives:", ...r.false_positives.map((f) => `  ${f.file}:${f.line} ${f.class ?? "unclassified"} ${f.label ?? ""}`.trimEnd()));
  if (r.kept) lines.push("", `kept: corpus copy ${r.kept.copy}, eval KB ${r.kept.kb}`);
  return lines.join("\n") + "\n";
}

export const command: Command = {
  name: "eval",
  summary: "measure a ladder's recall on a seeded-defect corpus, or on defects planted in your own code (--mutate)",
  usage: "scrum eval [CORPUS] [--ladder NAME] [--keep DIR] [--score-notes | --score-leads] [--json]\n       scrum eval --mutate [REPO] [--ladder NAME] [--per-class N] [--classes a,b] [--seed S] [--keep DIR] [--max-requests N] [--dry-run] [--json]",
  flags: {
    mutate: { type: "boolean", description: "plant defects in a copy of REPO (default: .) and measure what each reviewer catches" },
    ladder: { type: "string", arg: "NAME", description: "ladder to evaluate (default: the config's ladder, falling back to offline)" },
    tolerance: { type: "string", arg: "N", description: "line tolerance for matching (default: 2 for the static floor, 3 for models; --mutate: mutate.tolerance)" },
    "per-class": { type: "string", arg: "N", description: "--mutate: mutants per class (default: mutate.perClass, 3)" },
    classes: { type: "string", arg: "a,b", description: "--mutate: only these classes (default: all nine)" },
    seed: { type: "string", arg: "S", description: "--mutate: sampling and planted values follow the seed (default: mutate.seed)" },
    "max-requests": { type: "string", arg: "N", description: "--mutate: plant only as many mutants as N model requests can review; fail if the baseline alone needs more" },
    "dry-run": { type: "boolean", description: "--mutate: print the plan (mutants, requests, tokens, cost) and stop" },
    keep: { type: "string", arg: "DIR", description: "leave the copy and the eval KB in DIR (new or empty); with --mutate also mutants.json" },
    "score-notes": { type: "boolean", description: "count the floor's info-level notes (smoke tests and leads) as findings (default: only warning and above are scored)" },
    "score-leads": { type: "boolean", description: "count the floor's leads (swallowed errors with no evidence that they matter) as findings, not its other notes" },
    kb: COMMON_FLAGS.kb,
    config: COMMON_FLAGS.config,
    json: COMMON_FLAGS.json,
    help: COMMON_FLAGS.help,
  },
  details: `CORPUS defaults to the shipped tests/corpus. It must hold ground-truth.yaml (file, line, class per
defect). The corpus is copied to a temporary directory, swept exactly as \`scrum sweep\` would, and
the rows are matched to the ground truth; see docs/RULES.md "How eval matches".

With --mutate, mutation operators (prompts/mutations/<lang>/*.yml) plant one defect per file in a copy of
REPO; the copy is swept before and after planting (unmutated files reuse cached reviews), and recall per
class and per reviewer, false alarms and a confusion table are printed and appended to the KB's
scrum_evals.jsonl (see docs/EVAL.md). The repository itself is never written.`,
  async run({ values, positionals, io }) {
    if (values.mutate && (values["score-notes"] || values["score-leads"])) throw new UsageError("eval: --score-notes and --score-leads apply to a corpus eval, not --mutate");
    if (values.mutate) return runMutate(values, positionals, io);
    for (const f of ["per-class", "classes", "seed", "max-requests", "dry-run"]) if (values[f] !== undefined) throw new UsageError(`eval: --${f} needs --mutate`);
    if (positionals.length > 1) throw new UsageError(`eval: expected at most one CORPUS, got ${positionals.length}`);
    let tolerance: number | undefined;
    if (values.tolerance !== undefined) {
      tolerance = Number(values.tolerance);
      if (!Number.isInteger(tolerance) || tolerance < 0) throw new UsageError(`eval: --tolerance must be a whole number ≥ 0, got '${values.tolerance}'`);
    }
    const { config } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd });
    const corpus = positionals[0] ?? join(INSTALL_ROOT, "tests", "corpus");
    const result = await runEval({ corpus, config, ladder: values.ladder as string | undefined, tolerance, keep: values.keep as string | undefined, scoreNotes: values["score-notes"] === true, scoreLeads: values["score-leads"] === true }, io);
    io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : renderEval(result));
    return 0;
  },
};

function parseClasses(v: unknown): FindingClass[] {
  if (v === undefined) return [...FindingClass.options];
  const list = String(v).split(",").map((c) => c.trim()).filter(Boolean);
  for (const c of list) if (!FindingClass.safeParse(c).success) throw new UsageError(`eval: --classes: unknown class '${c}'`, `classes: ${FindingClass.options.join(", ")}`);
  if (!list.length) throw new UsageError("eval: --classes needs at least one class");
  return [...new Set(list)] as FindingClass[];
}

async function runMutate(values: Values, positionals: string[], io: Io): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`eval --mutate: expected at most one REPO, got ${positionals.length}`);
  if (values["dry-run"] && values.keep !== undefined) throw new UsageError("eval --mutate: --keep has nothing to keep with --dry-run (nothing is copied or planted)", "drop one of them");
  const { config, kbDir } = commandContext(values, io);
  let tolerance = config.mutate.tolerance;
  if (values.tolerance !== undefined) {
    tolerance = Number(values.tolerance);
    if (!Number.isInteger(tolerance) || tolerance < 0) throw new UsageError(`eval: --tolerance must be a whole number ≥ 0, got '${values.tolerance}'`);
  }
  const dir = config.mutate.dir;
  const result = await runMutationEval({
    repo: positionals[0] ?? ".", kbDir, config, ladder: values.ladder as string | undefined,
    perClass: intFlag(values, "per-class") ?? config.mutate.perClass, classes: parseClasses(values.classes),
    seed: (values.seed as string | undefined) ?? config.mutate.seed, tolerance,
    keep: values.keep as string | undefined, maxRequests: values["max-requests"] === undefined ? undefined : nonNegative(values["max-requests"]),
    dryRun: Boolean(values["dry-run"]), mutationsDir: isAbsolute(dir) ? dir : resolve(INSTALL_ROOT, dir),
  }, io);
  io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : renderMutationEval(result));
  return 0;
}

function nonNegative(v: unknown): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`eval: --max-requests must be a whole number ≥ 0, got '${String(v)}'`);
  return n;
}
