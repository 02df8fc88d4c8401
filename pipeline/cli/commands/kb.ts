// `scrum kb merge|pull|push`: union KB directories, and keep the KB on an orphan branch between nights.
import { resolve } from "node:path";
import { UsageError } from "../../core/errors";
import { mergeKbDirs, type MergeReport } from "../../nightly/merge-kb";
import { pullKb, pushKb, type SyncReport } from "../../nightly/kb-sync";
import { COMMON_FLAGS, type Command, type Io } from "../command";
import { loadConfig } from "../load-config";

const SUBS = ["merge", "pull", "push"] as const;

const added = (a: Record<string, number>) => {
  const parts = Object.entries(a).filter(([, n]) => n).map(([f, n]) => `+${n} ${f}`);
  return parts.length ? parts.join(", ") : "nothing new";
};

function warnings(r: { renumbered: MergeReport["renumbered"]; skipped: MergeReport["skipped"] }, io: Io): void {
  for (const s of r.skipped) io.err(`scrum: warning: ${s.source}/${s.file}:${s.line}: ${s.reason}; not merged\n`);
  for (const m of r.renumbered) io.err(`scrum: ${m.night ? `night ${m.night}` : "rows without a night"} of ${m.repo} met another night in iteration ${m.from}: landed as iteration ${m.to}\n`);
}

function syncLine(verb: "pull" | "push", r: SyncReport): string {
  if (!r.tip) return `kb ${verb}: ${r.remote} has no ${r.branch} branch yet${verb === "pull" ? "; starting from an empty KB" : ""}\n`;
  const tries = r.attempts && r.attempts > 1 ? ` after ${r.attempts} tries (lost ${r.attempts - 1} race(s))` : "";
  return `kb ${verb}: ${r.remote}/${r.branch} @ ${r.tip.slice(0, 10)}: ${added(r.added)}${r.part ? ` in ${r.part}` : ""}${tries}\n`;
}

export const command: Command = {
  name: "kb",
  summary: "merge KB directories; pull/push the KB on an orphan git branch",
  usage: "scrum kb merge SRC... --into DIR | scrum kb pull [--kb DIR] | scrum kb push [--kb DIR]   [--branch B] [--remote R]",
  flags: {
    into: { type: "string", arg: "DIR", description: "merge: the KB directory to merge into (created when missing)" },
    renumber: { type: "boolean", description: "merge: move a night that meets another night in one iteration to the next free one (default: refuse)" },
    branch: { type: "string", arg: "NAME", description: "pull/push: the KB branch", default: "scrum-kb" },
    remote: { type: "string", arg: "NAME|URL", description: "pull/push: the git remote", default: "origin" },
    repo: { type: "string", arg: "DIR", description: "pull/push: the swept repository's checkout (default: the working directory)" },
    ...COMMON_FLAGS,
  },
  details: `merge unions reviews, trust, runs and any other KB file: merging the same source twice adds nothing,
the order of sources does not matter, existing lines are never rewritten, and a source written with a
schema this scrum does not read is refused in one line. pull merges the branch into --kb; push merges
--kb into the branch as one commit and pushes without force, merging again when another pusher won.
Examples:
  scrum kb merge shard-1 shard-2 shard-3 --into data/_kb
  scrum kb pull --kb data/_kb && scrum sweep --shard 2/3 --night 1234 && scrum kb push --kb data/_kb`,
  async run({ values, positionals, io }) {
    const [sub, ...rest] = positionals;
    if (!sub || !SUBS.includes(sub as (typeof SUBS)[number])) throw new UsageError(sub ? `kb: unknown subcommand '${sub}'` : "kb needs a subcommand", `one of ${SUBS.join(", ")}; see \`scrum kb --help\``);
    if (sub === "merge") {
      if (!values.into) throw new UsageError("kb merge needs --into DIR");
      if (!rest.length) throw new UsageError("kb merge needs at least one source KB directory");
      const r = mergeKbDirs(values.into as string, rest, { cwd: io.cwd, renumber: Boolean(values.renumber) });
      warnings(r, io);
      io.out(values.json ? JSON.stringify(r) + "\n" : `kb merge: ${r.sources.length} source(s) into ${r.into}: ${added(r.added)}${r.copied.length ? `; copied ${r.copied.join(", ")}` : ""}\n`);
      return 0;
    }
    if (rest.length) throw new UsageError(`kb ${sub}: unexpected argument '${rest[0]}'`);
    if (values.into || values.renumber) throw new UsageError(`kb ${sub}: --into and --renumber belong to kb merge`);
    const kbDir = resolve(io.cwd, (values.kb as string | undefined) ?? loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd }).config.kb);
    const ref = { repoDir: resolve(io.cwd, (values.repo as string | undefined) ?? "."), remote: values.remote as string, branch: values.branch as string };
    if (!/^[A-Za-z0-9._/-]+$/.test(ref.branch) || ref.branch.startsWith("-")) throw new UsageError(`--branch: not a branch name: '${ref.branch}'`);
    const r = sub === "pull" ? await pullKb(kbDir, ref) : await pushKb(kbDir, ref);
    warnings(r, io);
    io.out(values.json ? JSON.stringify({ ...r, kb: kbDir }) + "\n" : syncLine(sub as "pull" | "push", r));
    return 0;
  },
};
