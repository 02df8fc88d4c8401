// Read the fix-wave doc a sweep verifies: which files it targets, and each file's section for the prompt.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { parseFixwaveTargets } from "../analytics/fixwave";

export interface Proposal {
  path: string;
  sha256: string;
  files: string[];
  sections: Map<string, string>;
}

const HEADING = /^#{2,4}\s+`([^`]+)`/;

/** Targets from the machine-readable marker; else every `### \`path\`` heading. */
export function parseProposal(markdown: string): { files: string[]; sections: Map<string, string> } {
  const sections = new Map<string, string>();
  let current: string | null = null;
  let buf: string[] = [];
  const flush = () => { if (current) sections.set(current, buf.join("\n").trim()); };
  for (const line of markdown.split("\n")) {
    const h = HEADING.exec(line);
    if (h || /^#{1,3}\s/.test(line)) {
      flush();
      current = h ? h[1]!.trim() : null;
      buf = [];
      continue;
    }
    if (current) buf.push(line);
  }
  flush();
  // The marker `scrum fixwave` writes is authoritative; a hand-written doc falls back to its headings.
  return { files: parseFixwaveTargets(markdown) ?? [...sections.keys()], sections };
}

export function readProposal(path: string): Proposal | null {
  if (!existsSync(path)) return null;
  const text = readFileSync(path, "utf8");
  const { files, sections } = parseProposal(text);
  return { path, sha256: createHash("sha256").update(text).digest("hex"), files, sections };
}
