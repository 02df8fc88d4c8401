// Drive the scrum CLI from tests: in-process through runCli with the entry's one catch (exit code and
// the one-line message, as a user sees them), or as a real child process when the test needs one.
import { join } from "node:path";
import { runCli } from "../../pipeline/cli/main";
import { formatError } from "../../pipeline/core/errors";

const ROOT = join(import.meta.dir, "..", "..");

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** runCli plus the top-level handler of pipeline/cli/main.ts, so thrown errors become exit codes and stderr lines. */
export async function runScrum(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<CliResult> {
  const out: string[] = [], err: string[] = [];
  let code: number;
  try {
    code = await runCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), cwd: opts.cwd ?? ROOT, env: { OLLAMA_API_KEY: "", ...opts.env }, isTTY: false });
  } catch (e) {
    const f = formatError(e);
    err.push(f.line + "\n");
    code = f.exitCode;
  }
  return { code, out: out.join(""), err: err.join("") };
}

/** The CLI as a child bun process (for concurrency, signals, or a clean environment). */
export async function spawnScrum(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const p = Bun.spawn([process.execPath, join(ROOT, "pipeline/cli/main.ts"), ...args], {
    cwd: opts.cwd ?? ROOT, stdout: "pipe", stderr: "pipe", env: { ...process.env, OLLAMA_API_KEY: "", ...opts.env },
  });
  const [out, err, code] = await Promise.all([new Response(p.stdout).text(), new Response(p.stderr).text(), p.exited]);
  return { code, out, err };
}
