// `scrum audit [REV]`: hold what a commit message, PR body or fix-wave doc claims against the KB, the diff
// and the code. Exit 0 when no blocking claim is left unbacked, 1 when one is, 2 for usage mistakes.
import { appendFileSync, readFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { auditSarif } from "../../audit/render/sarif";
import { runAuditSession } from "../../audit/audit-session";
import { blockingCount, total } from "../../audit/audit-result";
import { annotations, summaryMarkdown } from "../../audit/render/github";
import { renderJson, renderText } from "../../audit/render/text";
import { decodeMessage } from "../../audit/targets";
import { InputError, UsageError } from "../../core/errors";
import { commandContext } from "../../query/command-context";
import { writeOutput } from "../../report/write-output";
import { COMMON_FLAGS, type Command } from "../command";

function readMessage(arg: string, cwd: string): { text: string; label: string; path: string | null } {
  if (arg === "-") return { text: decodeMessage(readFileSync(0), "stdin"), label: "stdin", path: null };
  const path = resolve(cwd, arg);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`--message: cannot read ${arg}${code === "ENOENT" ? ": no such file" : code === "EISDIR" ? ": it is a directory" : code ? ` (${code})` : ""}`);
  }
  return { text: decodeMessage(bytes, arg), label: arg, path };
}

export const command: Command = {
  name: "audit",
  summary: "check what commits, PR bodies and fix-wave docs claim against the KB, the diff and the code",
  usage: "scrum audit [REV] [--range A..B] [--message FILE|-] [--ladder NAME] [--json | --format github] [--sarif FILE]",
  flags: {
    range: { type: "string", arg: "A..B", description: "audit every commit of the range, oldest first" },
    message: { type: "string", arg: "FILE", description: "audit this text (a PR body, a fix-wave doc; - for stdin) against REV's diff, or the range's" },
    repo: { type: "string", arg: "DIR", description: "the git repository (default: the working directory's)" },
    ladder: { type: "string", arg: "NAME", description: "ask this ladder's models about claims no rule checks (prompts/audit.md)" },
    format: { type: "string", arg: "FORMAT", description: "text, or github (workflow annotations + a step summary)", default: "text" },
    sarif: { type: "string", arg: "FILE", description: "write SARIF 2.1.0: one result per claim not backed" },
    "no-record": { type: "boolean", description: "do not append the outcomes to the KB (scrum_audits.jsonl)" },
    ...COMMON_FLAGS,
  },
  details: `Claim kinds (docs/AUDIT.md has each grammar): file score movements and iteration aggregates (against
the KB), test counts, wiring and changed files (against REV, its parent and its diff), and everything
else stated as fact (unverifiable unless --ladder). config audit.blocking lists the kinds that fail the
audit when not backed; unverifiable claims never do unless audit.strict is true.
Examples:
  scrum audit                               the message of HEAD
  scrum audit --range origin/main..HEAD     every commit of a pull request (a required check)
  scrum audit --message pr-body.md --range origin/main..HEAD --format github`,
  async run({ values, positionals, io }) {
    if (positionals.length > 1) throw new UsageError(`audit takes one REV (got ${positionals.join(" ")})`, "use --range A..B for several commits");
    const rev = positionals[0];
    const range = values.range as string | undefined;
    if (rev !== undefined && range !== undefined) throw new UsageError("give REV or --range, not both");
    const format = String(values.format);
    if (format !== "text" && format !== "github") throw new UsageError(`--format must be text or github (got '${format}')`);
    if (values.json && format === "github") throw new UsageError("--json and --format github are two outputs: pick one");
    const { config, kbDir } = commandContext(values, io);
    const message = values.message === undefined ? undefined : readMessage(String(values.message), io.cwd);
    const session = await runAuditSession({
      repoDir: resolve(io.cwd, (values.repo as string | undefined) ?? "."), rev, range, message: message && { text: message.text, label: message.label },
      kbDir, config, ladder: values.ladder as string | undefined, record: !values["no-record"],
    }, io);
    const { results } = session;

    if (values.json) io.out(renderJson(results, message ? null : range ?? null));
    else if (format === "github") {
      io.out(annotations(results));
      const summary = summaryMarkdown(results);
      let appended = false;
      try {
        if (io.env.GITHUB_STEP_SUMMARY) appendFileSync(io.env.GITHUB_STEP_SUMMARY, summary + "\n");
        appended = Boolean(io.env.GITHUB_STEP_SUMMARY);
      } catch (e) {
        io.err(`scrum: warning: cannot append to $GITHUB_STEP_SUMMARY (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the summary follows\n`);
      }
      if (!appended) io.out(summary + "\n");
    } else io.out(renderText(results));
    if (values.sarif) {
      const pkg = await import("../../../package.json");
      const path = resolve(io.cwd, String(values.sarif));
      writeOutput(path, JSON.stringify(auditSarif(results, { version: pkg.version, srcRoot: session.srcRoot, messageFile: message?.path ?? null }), null, 2) + "\n");
      if (!values.json && format === "text") io.err(`scrum: wrote ${relative(io.cwd, path) || path}\n`);
    }
    if (session.interrupted) {
      io.err(`scrum: interrupted: ${session.interrupted.audited} of ${session.interrupted.of} messages audited\n`);
      return 130;
    }
    return total(results, blockingCount) > 0 ? 1 : 0;
  },
};
