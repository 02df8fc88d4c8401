// Is an imported name a constant? Answered at the scan's end against every walked file, since the declaration lives
// in the imported package or module, not the file that compares with it. Go asks whether the package declares it
// `const`; Python and TypeScript whether a module binds it to a literal anyone reading the source knows.
import type { Candidate } from "./unreferenced";
import type { SourceFile } from "../scan-file";
import { languageOf } from "../languages";
import { shannonEntropy } from "./entropy";
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
    if (c.language === "python" || c.language === "typescript") {
      if (files.some((f) => languageOf(f.path) === c.language && boundToPublicLiteral(f.content, c.name, c.language as "python" | "typescript"))) out.add(c);
      continue;
    }
    const pkg = new RegExp(`^package\\s+${escapeRegExp(c.owner ?? "")}\\s*$`, "m");
    const ofPackage = goFiles.filter((f) => pkg.test(f.content));
    // A package no walked file belongs to is a dependency (`oauth2.AccessToken`): a library's exported
    // name is an API's declaration, never a credential this program was configured with.
    if (!ofPackage.length || ofPackage.some((f) => declaresConstant(f.content, c.name))) out.add(c);
  }
  return out;
}

/**
 * Python/TypeScript: the module binds the name at its top level to a string literal a reader of the source sees
 * (`NOT_SPECIFIED = "NOT_SPECIFIED"`, `export const VOID_SECRET = "voidRadiusSecret"`): a sentinel or a tag, short,
 * of low entropy, or spelled like an identifier. A long random literal is a hardcoded secret (reported as one), and a
 * name bound to a read of the environment or a setting stays a secret to compare in constant time.
 */
function boundToPublicLiteral(content: string, name: string, lang: "python" | "typescript"): boolean {
  const id = escapeRegExp(name);
  const head = lang === "python" ? `^${id}\\s*(?::[^=\\n]+)?=\\s*` : `^(?:export\\s+)?(?:const|let|var)\\s+${id}\\s*(?::[^=\\n]+)?=\\s*`;
  const m = new RegExp(`${head}[rbu]?["'\`]([^"'\`\\n]*)["'\`]\\s*(?:as\\s+const\\s*)?;?\\s*(?:#.*|\\/\\/.*)?$`, "m").exec(content);
  if (!m) return false;
  const value = m[1]!;
  return value.length < 16 || shannonEntropy(value) < 3 || /^[A-Za-z][A-Za-z_]*$/.test(value);
}
