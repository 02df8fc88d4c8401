// `scrum eval [CORPUS]`: recall, false positives and precision of a ladder on a seeded-defect corpus.
import { join } from "node:path";
import { UsageError } from "../../core/errors";
import type { Score } from "../../rules/score-eval";
import { runEval, type EvalResult } from "../../rules/run-eval";
import { COMMON_FLAGS, type Command } from "../command";
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
  ];
  if (r.missed.length) lines.push("", "missed:", ...r.missed.map((m) => `  ${m.file}:${m.line} ${m.class}${m.note ? ` (${m.note})` : ""}`));
  if (r.false_positives.length) lines.push("", "false positives:", ...r.false_positives.map((f) => `  ${f.file}:${f.line} ${f.class ?? "unclassified"} ${f.label ?? ""}`.trimEnd()));
  return lines.join("\n") + "\n";
}

export const command: Command = {
  name: "eval",
  summary: "measure a ladder's recall and precision on a seeded-defect corpus",
  usage: "scrum eval [CORPUS] [--ladder NAME] [--json]",
  flags: {
    ladder: { type: "string", arg: "NAME", description: "ladder to evaluate (default: the config's ladder, falling back to offline)" },
    tolerance: { type: "string", arg: "N", description: "line tolerance for matching (default: 2 for the static floor, 3 for models)" },
    keep: { type: "boolean", description: "keep the temporary copy and KB, and print where they are" },
    config: COMMON_FLAGS.config,
    json: COMMON_FLAGS.json,
    help: COMMON_FLAGS.help,
  },
  details: `CORPUS defaults to the shipped tests/corpus. It must hold ground-truth.yaml (file, line, class per
defect). The corpus is copied to a temporary directory, swept exactly as \`scrum sweep\` would, and
the rows are matched to the ground truth; see docs/RULES.md "How eval matches".`,
  async run({ values, positionals, io }) {
    if (positionals.length > 1) throw new UsageError(`eval: expected at most one CORPUS, got ${positionals.length}`);
    let tolerance: number | undefined;
    if (values.tolerance !== undefined) {
      tolerance = Number(values.tolerance);
      if (!Number.isInteger(tolerance) || tolerance < 0) throw new UsageError(`eval: --tolerance must be a whole number ≥ 0, got '${values.tolerance}'`);
    }
    const { config } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd });
    const corpus = positionals[0] ?? join(INSTALL_ROOT, "tests", "corpus");
    const result = await runEval({ corpus, config, ladder: values.ladder as string | undefined, tolerance, keep: Boolean(values.keep) }, io);
    io.out(values.json ? JSON.stringify(result, null, 2) + "\n" : renderEval(result));
    return 0;
  },
};
