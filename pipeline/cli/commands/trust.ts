// `scrum trust`: per model, how far its reviews can be trusted (model_trust.jsonl and the reviews, in DuckDB).
import type { ModelTrust } from "../../analytics/trust";
import { commandContext, warnSkipped } from "../../query/command-context";
import { openKb } from "../../query/open-kb";
import { trustDb } from "../../query/trust-db";
import { COMMON_FLAGS, type Command } from "../command";

const pct = (x: number | null) => (x === null ? "  n/a" : `${(x * 100).toFixed(0).padStart(4)}%`);
const num = (x: number | null, d = 0) => (x === null ? "n/a" : x.toFixed(d));

export function trustText(list: ModelTrust[]): string {
  if (!list.length) return "no model has reviewed anything yet (empty KB)\n";
  const head = "model                     files  1st-try  JSON  parse-fail  obeyed  unverified  latency ms  tokens p/c     agree models (n)   agree floor (n)  mut. recall (n)  verified";
  const rows = list.map((m) =>
    [
      m.model.padEnd(24), String(m.files_accepted).padStart(6), pct(m.first_attempt_rate).padStart(8), pct(m.json_rate),
      String(m.parse_failures).padStart(11), String(m.misses.overruled).padStart(7), pct(m.unverified_rate).padStart(11), num(m.mean_latency_ms).padStart(11),
      (m.mean_tokens ? `${num(m.mean_tokens.prompt)}/${num(m.mean_tokens.completion)}` : "n/a").padStart(12),
      `${pct(m.agreement_models.verdict_agreement)} J${num(m.agreement_models.finding_overlap, 2)} (${m.agreement_models.files})`.padStart(19),
      `${pct(m.agreement_floor.verdict_agreement)} J${num(m.agreement_floor.finding_overlap, 2)} (${m.agreement_floor.files})`.padStart(18),
      `${pct(m.accuracy.mutation_recall)} (${m.accuracy.caught}/${m.accuracy.reviewed})`.padStart(16), pct(m.accuracy.verified_share).padStart(9),
    ].join(" "),
  );
  return [head, ...rows].join("\n") + "\n";
}

export const command: Command = {
  name: "trust",
  summary: "profile how far each model can be trusted",
  usage: "scrum trust [--kb DIR] [--json]",
  flags: { ...COMMON_FLAGS },
  details: "Agreement compares reviews of the same file content (file_sha256): verdicts and finding fingerprints (J = Jaccard).\nmut. recall: planted defects caught / reviewed over every `scrum eval --mutate` in this KB; verified: share of its findings on mutated files\nthat were not false alarms (docs/EVAL.md).\n`obeyed` counts answers overruled for obeying prompt-injection text in the file (each also a miss: it lowers 1st-try).",
  async run({ values, io }) {
    const { config, kbDir } = commandContext(values, io);
    const db = await openKb(kbDir, config.signals);
    try {
      await warnSkipped(db, io, ["reviews", "trust"]);
      const list = await trustDb(db);
      io.out(values.json ? JSON.stringify(list) + "\n" : trustText(list));
      return 0;
    } finally {
      db.close();
    }
  },
};
