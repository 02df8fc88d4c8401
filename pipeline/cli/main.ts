// CLI entry: argv → command, the one catch, exit codes. Only this file calls process.exit.
import { parseArgs } from "node:util";
import { UsageError, formatError } from "../core/errors";
import { processAlive } from "../core/liveness";
import type { Command, Io } from "./command";
import { commandHelp, mainHelp } from "./help";

/** Commands are imported lazily so `scrum sweep` never loads the report or observer code. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }> }> = {
  sweep: { summary: "review a repository's files through the model ladder into KB rows", load: () => import("./commands/sweep") },
  rules: { summary: "list the static rules; `rules test` runs their examples", load: () => import("./commands/rules") },
  eval: { summary: "measure a ladder's recall and precision on a seeded-defect corpus", load: () => import("./commands/eval") },
  compare: { summary: "compare two iterations: scores, movement, acceptance, tiers", load: () => import("./commands/compare") },
  signals: { summary: "classify each file's trajectory (CONVERGING, LOOPING, ...)", load: () => import("./commands/signals") },
  trust: { summary: "profile how far each model can be trusted", load: () => import("./commands/trust") },
  query: { summary: "run SQL (DuckDB) over the KB views", load: () => import("./commands/query") },
  fixwave: { summary: "write the next fix-wave doc from the KB", load: () => import("./commands/fixwave") },
  report: { summary: "render a Markdown and HTML report of the KB", load: () => import("./commands/report") },
  observe: { summary: "run the observer service that receives outcomes over HTTP", load: () => import("./commands/observe") },
  ui: { summary: "serve the read-only web control plane over the KB and observer", load: () => import("./commands/ui") },
  audit: { summary: "check what commits, PR bodies and fix-wave docs claim against the KB, the diff and the code", load: () => import("./commands/audit") },
  kb: { summary: "merge KB directories; pull/push the KB on an orphan git branch", load: () => import("./commands/kb") },
  gate: { summary: "fail (exit 1) when the latest iteration has findings at or above a tier", load: () => import("./commands/gate") },
  init: { summary: "write a nightly CI pipeline: `init ci github|gitlab|k8s`", load: () => import("./commands/init") },
};

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(mainHelp(Object.entries(COMMANDS).map(([n, c]) => ({ name: n, summary: c.summary }))));
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    const pkg = await import("../../package.json");
    io.out(`${pkg.version}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) throw new UsageError(`unknown command '${name}'`, `run \`scrum --help\` for the list`);
  const { command } = await entry.load();
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      options: Object.fromEntries(
        Object.entries(command.flags).map(([k, f]) => [k, { type: f.type, ...(f.short ? { short: f.short } : {}), ...(f.multiple ? { multiple: true } : {}) }]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0]!.replace(/\. To specify.*$/, "") : String(e);
    throw new UsageError(`${name}: ${msg}`, `run \`scrum ${name} --help\``);
  }
  if (parsed.values.help) {
    io.out(commandHelp(command));
    return 0;
  }
  for (const [k, f] of Object.entries(command.flags)) {
    if (parsed.values[k] === undefined && f.default !== undefined) (parsed.values as Record<string, unknown>)[k] = f.default;
  }
  return command.run({ values: parsed.values, positionals: parsed.positionals, io });
}

if (import.meta.main) {
  const controller = new AbortController();
  let firstAt = 0;
  const onSignal = (sig: string) => {
    // Ctrl-C reaches both the npx wrapper and us, and the wrapper forwards it: a repeat within a
    // moment is the same keypress, not a second one.
    if (firstAt && Date.now() - firstAt < 500) return;
    if (firstAt) process.exit(130);
    firstAt = Date.now();
    process.stderr.write(`\nscrum: ${sig} received, finishing in-flight writes (again to abort now)\n`);
    controller.abort();
  };
  process.on("SIGINT", () => onSignal("SIGINT"));
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  // Started by bin/scrum.cjs: if the wrapper dies (kill -9), stop too instead of running on orphaned. A
  // zombie wrapper (dead, unreaped) counts as dead.
  const parent = Number(process.env.SCRUM_PARENT_PID);
  if (parent > 0) {
    const watch = setInterval(() => {
      if (processAlive(parent)) return;
      clearInterval(watch);
      onSignal("parent exit");
      // Give in-flight writes a moment, then go: nobody is left to press Ctrl-C again.
      setTimeout(() => process.exit(130), 3000).unref();
    }, 500);
    watch.unref();
  }
  const io: Io = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stderr.isTTY),
    signal: controller.signal,
  };
  try {
    // Commands decide their own code on interrupt (a sweep says 130; a service shut down cleanly says 0).
    process.exitCode = await runCli(process.argv.slice(2), io);
  } catch (err) {
    const { line, exitCode } = formatError(err);
    process.stderr.write(line + "\n");
    if (process.env.SCRUM_DEBUG && err instanceof Error) process.stderr.write((err.stack ?? "") + "\n");
    process.exitCode = exitCode;
  }
}
