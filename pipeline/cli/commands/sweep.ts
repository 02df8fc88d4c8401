// `scrum sweep [REPO]`: review a repository through the ladder into KB rows.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "../../core/errors";
import { resolveNight, resolveShard } from "../../nightly/shard-spec";
import { runSweep, type DryRunPlan } from "../../sweep/run-sweep";
import { renderSummary, skippedLines } from "../../sweep/summary";
import { COMMON_FLAGS, type Command } from "../command";
import { loadConfig } from "../load-config";

function positiveInt(v: unknown, flag: string): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} needs a whole number ≥ 1, got '${v}'`);
  return n;
}

function renderPlan(p: DryRunPlan): string {
  const out = [`dry run: iter ${p.iter} on ${p.repo}, ladder ${p.ladder} (${p.rungs.map((r) => r.model).join(" → ")}), ${p.prompt.name} prompt ${p.prompt.sha256.slice(0, 12)}`];
  if (p.ladder_note) out.push(`  ${p.ladder_note}`);
  if (p.walk_mode === "fs") out.push("  not a git repository: walking the file system, honouring .gitignore");
  if (p.shard) out.push(`  shard ${p.shard.index}/${p.shard.count}: ${p.shard.files} of ${p.shard.of} files${p.night ? ` · night ${p.night}` : ""}`);
  for (const f of p.files) out.push(`  ${f.path}  ${f.lines} lines${f.chunks > 1 ? `, ${f.chunks} chunks (by ${f.by})` : ""}`);
  out.push(...skippedLines(p.skipped_files));
  out.push(`  ${p.files.length} files, ${p.chunks} chunks, ~${p.estimated_prompt_tokens} prompt tokens` + (p.estimated_cost_usd === null ? ", cost n/a (no price configured for the first model rung)" : `, ~$${p.estimated_cost_usd.toFixed(4)} if the first rung accepts everything`));
  if (p.targeted_by_fixwave.length) out.push(`  fix-wave targets: ${p.targeted_by_fixwave.join(", ")}`);
  out.push("  no model was called");
  return out.join("\n") + "\n";
}

export const command: Command = {
  name: "sweep",
  summary: "review a repository's files through the model ladder into KB rows",
  usage: "scrum sweep [REPO] [flags]   (REPO defaults to .)",
  flags: {
    ladder: { type: "string", arg: "NAME", description: "ladder from config `ladders` (default: config `ladder`, or offline when no model is reachable)" },
    prompt: { type: "string", arg: "NAME", description: "forensic (adversarial) or soft (default: config prompt.default)" },
    iter: { type: "string", arg: "N", description: "iteration to write; the same N resumes an interrupted sweep (default: last + 1)" },
    shard: { type: "string", arg: "K/N|auto", description: "review only shard K of N (stable by path, balanced by size); auto reads SCRUM_SHARD, CI_NODE_INDEX/CI_NODE_TOTAL or JOB_COMPLETION_INDEX" },
    shards: { type: "string", arg: "N", description: "shard count for --shard auto under a Kubernetes Indexed Job (JOB_COMPLETION_INDEX is 0-based)" },
    night: { type: "string", arg: "ID|auto", description: "night id shared by the shards of one night (default: SCRUM_NIGHT; sharded: the CI run id)" },
    since: { type: "string", arg: "REF", description: "review only files changed since this git ref" },
    files: { type: "string", arg: "GLOB", multiple: true, description: "narrow to files matching these globs (repeatable; extra positionals count too)" },
    proposal: { type: "string", arg: "FILE", description: "fix-wave doc to verify (default: docs/SCRUM_FIX_WAVE.md in REPO when present)" },
    concurrency: { type: "string", arg: "N", description: "files in flight (default: config concurrency.files = 4)" },
    fresh: { type: "boolean", description: "ignore cached reviews and ask the models again" },
    "dry-run": { type: "boolean", description: "print the plan (files, chunks, ladder, tokens, cost) and call no model" },
    sarif: { type: "string", arg: "FILE", description: "write SARIF 2.1.0 (one result per critical failure)" },
    quiet: { type: "boolean", short: "q", description: "no progress output" },
    ...COMMON_FLAGS,
  },
  details: `Examples:
  scrum sweep                              sweep . offline (or with the configured ladder when reachable)
  scrum sweep ../api --ladder local --json review ../api with a local Ollama, print the summary as JSON
  scrum sweep --since origin/main --files 'src/**' 'lib/**'
  scrum sweep --dry-run                    show what would be reviewed and what it would cost
  scrum sweep --shard 2/3 --night 1234     shard 2 of 3 of night 1234 (docs/NIGHTLY.md)`,
  async run({ values, positionals, io }) {
    const [first, ...rest] = positionals;
    let repo = first ?? ".";
    let files = (values.files as string[] | undefined)?.flatMap((f) => f.split(",")).filter(Boolean);
    if (files && first && !(existsSync(resolve(io.cwd, first)) && statSync(resolve(io.cwd, first)).isDirectory())) {
      files.push(first, ...rest);
      repo = ".";
    } else if (rest.length) {
      if (!files) throw new UsageError(`unexpected argument '${rest[0]}'`, "sweep takes one REPO; narrow files with --files GLOB...");
      files = [...files, ...rest];
    }
    const { config, path: configPath } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd, repo: resolve(io.cwd, repo) });
    const prompt = values.prompt as string | undefined;
    if (prompt !== undefined && prompt !== "forensic" && prompt !== "soft") throw new UsageError(`--prompt must be forensic or soft, got '${prompt}'`);
    const shard = resolveShard(values.shard as string | undefined, values.shards as string | undefined, io.env);
    const night = resolveNight(values.night as string | undefined, shard !== null, io.env);
    const outcome = await runSweep(
      {
        repo, kbDir: (values.kb as string | undefined) ?? config.kb, config, configPath, ladder: values.ladder as string | undefined, prompt,
        iter: positiveInt(values.iter, "iter"), shard, night, since: values.since as string | undefined, files, proposal: values.proposal as string | undefined,
        concurrency: positiveInt(values.concurrency, "concurrency"), fresh: Boolean(values.fresh), dryRun: Boolean(values["dry-run"]),
        sarif: values.sarif as string | undefined, quiet: Boolean(values.quiet) || Boolean(values.json && !io.isTTY),
      },
      io,
    );
    if (outcome.kind === "plan") {
      io.out(values.json ? JSON.stringify(outcome.plan) + "\n" : renderPlan(outcome.plan));
      return 0;
    }
    const s = outcome.summary;
    if (values.json && s.ladder_note) io.err(`scrum: ${s.ladder_note}\n`);
    io.out(values.json ? JSON.stringify(s) + "\n" : renderSummary(s));
    if (s.interrupted) return 130;
    return 0;
  },
};
