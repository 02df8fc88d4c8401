// Scanning small in-memory snippets with the shipped floor: what the rule-shape tests of each issue-10 pass share.
import { join } from "node:path";
import { loadFloor } from "../../pipeline/rules/floor";
import type { StaticFinding } from "../../pipeline/kb/schemas/static-finding";

export type SnippetFile = { path: string; content: string };

/** The floor as `scrum sweep` loads it: every rule under prompts/rules. */
export const floor = loadFloor(join(import.meta.dir, "..", "..", "prompts", "rules"));

/** Every finding of one scan over the snippets, optionally only those of the classes `keep` matches. */
export function scanSnippets(files: SnippetFile[], keep?: RegExp): StaticFinding[] {
  const all = [...floor.scan(files).values()].flat();
  return keep ? all.filter((f) => keep.test(f.class)) : all;
}

/** Findings as `class@file:line`, the form the shape tests compare. */
export function foundIn(files: SnippetFile[], keep?: RegExp): string[] {
  return scanSnippets(files, keep).map((f) => `${f.class}@${f.file}:${f.line}`);
}

/** Source lines joined with a final newline, as files on disk end. */
export const lines = (...xs: string[]): string => xs.join("\n") + "\n";
