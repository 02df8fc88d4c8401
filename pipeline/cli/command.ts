// The shape every subcommand module exports, and the I/O it is handed (so tests can call it directly).

export interface FlagSpec {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Placeholder shown in help, e.g. "N" or "FILE". */
  arg?: string;
  description: string;
}

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY: boolean;
  /** Set by the CLI entry; commands check it to stop early on Ctrl-C. */
  signal?: AbortSignal;
}

export type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  summary: string;
  usage: string;
  flags: Record<string, FlagSpec>;
  /** Extra help text after the flags (examples, notes). */
  details?: string;
  run(args: { values: Values; positionals: string[]; io: Io }): Promise<number>;
}

/** Flags most commands share. */
export const COMMON_FLAGS = {
  config: { type: "string", arg: "FILE", description: "config file (default: scrum.config.yaml in the working directory or repository root)" },
  kb: { type: "string", arg: "DIR", description: "knowledge base directory (default: data/_kb)" },
  json: { type: "boolean", description: "print the result as JSON on stdout" },
  help: { type: "boolean", short: "h", description: "show this help" },
} satisfies Record<string, FlagSpec>;
