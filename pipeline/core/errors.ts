// Error classes with a stable code, an exit code and a hint a user can act on.

/** Exit codes: 1 runtime failure, 2 usage or config mistake. */
export const EXIT = { runtime: 1, usage: 2 } as const;

export class ScrumError extends Error {
  readonly code: string;
  readonly exitCode: number;
  readonly hint?: string;
  constructor(code: string, message: string, opts: { exitCode?: number; hint?: string } = {}) {
    super(message);
    this.name = "ScrumError";
    this.code = code;
    this.exitCode = opts.exitCode ?? EXIT.runtime;
    this.hint = opts.hint;
  }
}

/** A command line the user typed wrong: unknown command, bad flag, missing argument. */
export class UsageError extends ScrumError {
  constructor(message: string, hint?: string) {
    super("E_USAGE", message, { exitCode: EXIT.usage, hint });
    this.name = "UsageError";
  }
}

/** A config file or value that does not validate. */
export class ConfigError extends ScrumError {
  constructor(message: string, hint?: string) {
    super("E_CONFIG", message, { exitCode: EXIT.usage, hint });
    this.name = "ConfigError";
  }
}

/** A path the user named that does not exist or cannot be read. */
export class InputError extends ScrumError {
  constructor(message: string, hint?: string) {
    super("E_INPUT", message, { exitCode: EXIT.usage, hint });
    this.name = "InputError";
  }
}

/** A failure while running (KB unreadable, port in use, ...). */
export class RuntimeError extends ScrumError {
  constructor(code: string, message: string, hint?: string) {
    super(code, message, { exitCode: EXIT.runtime, hint });
    this.name = "RuntimeError";
  }
}

/** One line for the terminal: "scrum: <message> (<hint>)". */
export function formatError(err: unknown): { line: string; exitCode: number } {
  if (err instanceof ScrumError) {
    const hint = err.hint ? ` (${err.hint})` : "";
    return { line: `scrum: ${err.message}${hint}`, exitCode: err.exitCode };
  }
  const msg = err instanceof Error ? err.message : String(err);
  return { line: `scrum: internal error: ${msg.split("\n")[0]} (this is a bug; rerun with SCRUM_DEBUG=1 for the stack)`, exitCode: EXIT.runtime };
}
