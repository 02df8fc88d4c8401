// `scrum gate`: exit 1 when the latest iteration has findings at or above a tier (with --new-only, only
// findings the previous iteration did not have), so a nightly pipeline fails on new blockers only.
import { appendFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, RuntimeError, UsageError } from "../../core/errors";
import { readJsonl } from "../../kb/jsonl";
import { kbPaths } from "../../kb/paths";
import { readRuns, validateReviews } from "../../kb/read-kb";
import type { GradientTier } from "../../kb/schemas/review-row";
import { evaluateGate, GATE_TIERS, type FindingRow, type GateTier } from "../../nightly/gate";
import { gateGithub, gateMarkdown, gateText } from "../../nightly/gate-format";
import { nightStatus } from "../../nightly/night-status";
import { commandContext, warnSkipped } from "../../query/command-context";
import { iterations } from "../../query/kb-queries";
import { openKb, type KbDb } from "../../query/open-kb";
import { toSarif } from "../../sweep/sarif";
import { COMMON_FLAGS, type Command, type Io } from "../command";

const FORMATS = ["text", "json", "github"] as const;

async function findingsOf(db: KbDb, iter: number): Promise<FindingRow[]> {
  const rows = await db.all(`SELECT file, title, line, evidence, gradient_tier, fingerprint, model FROM findings WHERE iter = ${Math.trunc(iter)} ORDER BY file, chunk, line NULLS LAST`);
  return rows.map((r) => ({
    file: String(r.file), title: String(r.title), line: r.line === null ? null : Number(r.line), evidence: (r.evidence as string | null) ?? null,
    gradient_tier: r.gradient_tier as GradientTier, fingerprint: String(r.fingerprint), model: (r.model as string | null) ?? null,
  }));
}

/** SARIF of every critical failure of the iteration (as `sweep --sarif` writes it), gated or not. */
async function writeSarif(path: string, kbDir: string, iter: number, io: Io): Promise<void> {
  const warn = (m: string) => io.err(m + "\n");
  const raws = (readJsonl(kbPaths(kbDir).reviews, warn) as { iter?: unknown }[]).filter((r) => r?.iter === iter);
  const pkg = await import("../../../package.json");
  try {
    writeFileSync(path, JSON.stringify(toSarif(validateReviews(raws, kbPaths(kbDir).reviews, warn), { version: pkg.version, srcRoot: io.cwd }), null, 2) + "\n");
  } catch (e) {
    throw new InputError(`--sarif: cannot write ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

export const command: Command = {
  name: "gate",
  summary: "fail (exit 1) when the latest iteration has findings at or above a tier",
  usage: "scrum gate [--kb DIR] [--tier block|sim|dry_run] [--new-only] [--format text|json|github]",
  flags: {
    tier: { type: "string", arg: "TIER", description: "the lowest gradient tier that fails: block, sim or dry_run", default: "block" },
    "new-only": { type: "boolean", description: "only findings absent from the previous iteration (matched as `scrum signals` matches them)" },
    sarif: { type: "string", arg: "FILE", description: "also write SARIF 2.1.0 of the iteration's critical failures (written before the verdict)" },
    format: { type: "string", arg: "FORMAT", description: "text, json, or github (::error annotations, and a Markdown summary to $GITHUB_STEP_SUMMARY)", default: "text" },
    ...COMMON_FLAGS,
  },
  details: `A finding is a critical failure of a review whose gradient tier is at or above --tier. The latest
iteration must be whole: when its run rows name N shards, each needs a clean end row (else exit 1).
Exit codes: 0 pass, 1 findings (or an incomplete night), 2 usage.
  scrum gate --new-only --format github    in a GitHub Actions step after kb merge`,
  async run({ values, io }) {
    const tier = String(values.tier) as GateTier;
    if (!GATE_TIERS.includes(tier)) throw new UsageError(`--tier must be one of ${GATE_TIERS.join(", ")} (got '${tier}')`);
    const format = (values.json ? "json" : String(values.format)) as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got '${format}')`);
    const { config, kbDir } = commandContext(values, io);
    const db = await openKb(kbDir, config.signals);
    let result;
    try {
      await warnSkipped(db, io, ["reviews"]);
      const iters = await iterations(db);
      const iter = iters.at(-1);
      if (iter === undefined) throw new InputError(`the KB in ${kbDir} has no reviews to gate`, "run scrum sweep (or kb pull) first");
      const status = nightStatus(readRuns(kbDir, (m) => io.err(m + "\n")), iter);
      if (status.missing.length) {
        throw new RuntimeError("E_GATE_INCOMPLETE", `iteration ${iter}${status.nights.length ? ` (night ${status.nights.join(", ")})` : ""} is incomplete: shard(s) ${status.missing.join(", ")} of ${status.count} have no clean end row`, "merge every shard's KB before gating");
      }
      const prevIter = iters.at(-2) ?? null;
      const [latest, previous] = await Promise.all([findingsOf(db, iter), prevIter === null ? [] : findingsOf(db, prevIter)]);
      result = evaluateGate({ iter, prevIter, latest, previous }, { tier, newOnly: Boolean(values["new-only"]), lineBucket: config.signals.lineBucket });
    } finally {
      db.close();
    }
    if (values.sarif) await writeSarif(resolve(io.cwd, values.sarif as string), kbDir, result.iter, io);
    if (format === "json") io.out(JSON.stringify(result) + "\n");
    else if (format === "text") io.out(gateText(result));
    else {
      io.out(gateGithub(result));
      const summary = io.env.GITHUB_STEP_SUMMARY;
      if (summary) {
        try {
          appendFileSync(summary, gateMarkdown(result));
        } catch (e) {
          io.err(`scrum: warning: cannot append to GITHUB_STEP_SUMMARY (${summary}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
        }
      }
    }
    return result.pass ? 0 : 1;
  },
};
