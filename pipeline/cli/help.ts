// Help text from command specs, so every flag is described where it is declared.
import type { Command, FlagSpec } from "./command";

function flagLine(name: string, f: FlagSpec): string {
  const short = f.short ? `-${f.short}, ` : "    ";
  const arg = f.type === "string" ? ` ${f.arg ?? "VALUE"}${f.multiple ? "..." : ""}` : "";
  const left = `  ${short}--${name}${arg}`;
  const def = f.default !== undefined && f.default !== false ? ` (default: ${f.default})` : "";
  return `${left.padEnd(30)} ${f.description}${def}`;
}

export function commandHelp(c: Command): string {
  const flags = Object.entries(c.flags).map(([n, f]) => flagLine(n, f)).join("\n");
  return `${c.summary}\n\nUsage: ${c.usage}\n\nFlags:\n${flags}\n${c.details ? "\n" + c.details.trim() + "\n" : ""}`;
}

export function mainHelp(list: { name: string; summary: string }[]): string {
  const rows = list.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n");
  return `scrum: nightly forensic code review into an append-only knowledge base

Usage: scrum <command> [flags]

Commands:
${rows}

Run \`scrum <command> --help\` for a command's flags.
`;
}
