// `scrum fixwave`: write the next fix-wave doc (default docs/SCRUM_FIX_WAVE.md) from the KB.
import { existsSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { limitFixwave, rankFixwave, renderFixwave } from "../../analytics/fixwave";
import { InputError } from "../../core/errors";
import { commandContext, intFlag, warnSkipped } from "../../query/command-context";
import { fileItersWithFindings, iterations, signalsDb } from "../../query/kb-queries";
import { openKb } from "../../query/open-kb";
import { writeOutput } from "../../report/write-output";
import { COMMON_FLAGS, type Command } from "../command";

export const command: Command = {
  name: "fixwave",
  summary: "write the next fix-wave doc from the KB",
  usage: "scrum fixwave [--repo DIR] [--iter N] [--limit N] [--out FILE] [--kb DIR] [--json]",
  flags: {
    iter: { type: "string", arg: "N", description: "the iteration whose findings set the scope (default: the last)" },
    limit: { type: "string", arg: "N", description: "list at most N files, the most urgent first (default: config fixwave.limit, 25)" },
    repo: { type: "string", arg: "DIR", description: "the repository the next sweep reviews; the doc goes under it", default: "." },
    out: { type: "string", arg: "FILE", description: "where to write the doc (default: DIR/<config prompt.proposal>, i.e. DIR/docs/SCRUM_FIX_WAVE.md)" },
    ...COMMON_FLAGS,
  },
  details: "`scrum sweep REPO` reads REPO/<prompt.proposal>, so run fixwave with --repo REPO (a relative --out is taken from the working directory).\nThe doc carries `<!-- scrum-fixwave {\"iter\":N,\"files\":[...]} -->`; the next sweep reads it and records its targets.",
  async run({ values, io }) {
    const { config, kbDir } = commandContext(values, io);
    const repo = resolve(io.cwd, String(values.repo ?? "."));
    if (!existsSync(repo) || !statSync(repo).isDirectory()) throw new InputError(`repository directory not found: ${String(values.repo)}`);
    const db = await openKb(kbDir, config.signals);
    try {
      await warnSkipped(db, io, ["reviews"]);
      const iters = await iterations(db);
      const asked = intFlag(values, "iter");
      if (asked !== undefined && !iters.includes(asked)) throw new InputError(`iteration ${asked} is not in the KB (have: ${iters.join(", ") || "none"})`);
      const iter = asked ?? iters.at(-1);
      if (iter === undefined) throw new InputError(`the KB in ${kbDir} has no reviews yet`, "run `scrum sweep` first");
      const records = await fileItersWithFindings(db, iter);
      const signals = await signalsDb(db, { asOf: iter, signals: config.signals });
      const { entries, omitted } = limitFixwave(rankFixwave(records, signals), intFlag(values, "limit") ?? config.fixwave.limit);
      const doc = renderFixwave({ iter, entries, omitted, signals: config.signals, policyVersion: config.policy_version });
      const named = values.out as string | undefined;
      const out = named === undefined ? resolve(repo, config.prompt.proposal) : resolve(io.cwd, named);
      const inRepo = relative(repo, out);
      if (inRepo.startsWith("..") || isAbsolute(inRepo)) io.err(`scrum: warning: ${out} is outside the repository ${repo}: \`scrum sweep\` reads ${resolve(repo, config.prompt.proposal)}\n`);
      writeOutput(out, doc);
      const files = entries.map((e) => ({ file: e.file, signal: e.signal, weight: e.weight, tier: e.record.tier, criticals: e.record.criticals }));
      if (values.json) io.out(JSON.stringify({ iter, out, files, omitted }) + "\n");
      else io.out(`wrote ${relative(io.cwd, out) || out}: ${entries.length} file(s) from iteration ${iter}${entries.length ? ` (first: ${entries[0]!.file}, ${entries[0]!.signal})` : ""}${omitted ? `; ${omitted} more left out by --limit` : ""}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
