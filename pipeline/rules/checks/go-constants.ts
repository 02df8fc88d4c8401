// Go: is an imported package's exported name a constant? Answered at the scan's end against every walked Go
// file, since the declaration lives in the imported package, not the file that compares with it.
import type { Candidate } from "./unreferenced";
import type { SourceFile } from "../scan-file";
import { escapeRegExp } from "../syntax";

/** `const Name = ..`, `const Name T = ..`, or a name (with or without `= ..`: iota) inside a `const ( .. )` block. */
function declaresConstant(content: string, name: string): boolean {
  const id = escapeRegExp(name);
  if (new RegExp(`^\\s*const\\s+${id}\\b`, "m").test(content)) return true;
  for (const block of content.matchAll(/^\s*const\s*\(([\s\S]*?)^\s*\)/gm)) {
    if (new RegExp(`^\\s*${id}(\\s*,\\s*\\w+)*\\b(?!\\s*\\()`, "m").test(block[1]!)) return true;
  }
  return false;
}

/**
 * The candidates (name = the exported name, owner = the package qualifier the file used) that some walked Go
 * file of a package by that name declares `const`, or that no walked file belongs to (a dependency's API). A
 * name a walked package declares `var` (loaded from the environment at start-up) is not among them: the compare
 * stays reported.
 */
export function declaredConstants(candidates: readonly Candidate[], files: readonly SourceFile[]): Set<Candidate> {
  const out = new Set<Candidate>();
  if (!candidates.length) return out;
  const goFiles = files.filter((f) => f.path.endsWith(".go"));
  for (const c of candidates) {
    const pkg = new RegExp(`^package\\s+${escapeRegExp(c.owner ?? "")}\\s*$`, "m");
    const ofPackage = goFiles.filter((f) => pkg.test(f.content));
    // A package no walked file belongs to is a dependency (`oauth2.AccessToken`): a library's exported
    // name is an API's declaration, never a credential this program was configured with.
    if (!ofPackage.length || ofPackage.some((f) => declaresConstant(f.content, c.name))) out.add(c);
  }
  return out;
}
