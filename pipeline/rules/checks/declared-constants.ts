// Is an imported name a constant? Answered at the scan's end against every walked file, since the declaration lives
// in the imported package or module, not the file that compares with it. Go asks whether the package declares it
// `const`; Python and TypeScript whether a module binds it to a literal anyone reading the source knows.
import type { Candidate } from "./unreferenced";
import type { SourceFile } from "../scan-file";
import { languageOf } from "../languages";
import { isTestPath } from "../place";
import { dirname, join, normalize } from "node:path";
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
      // Only the module the file imports the name from, never a test's or another module's binding of the same name.
      const from = files.filter((f) => languageOf(f.path) === c.language && !isTestPath(f.path) && isModule(f.path, c.owner ?? "", c.file, c.language as "python" | "typescript"));
      if (from.some((f) => boundToPublicLiteral(f.content, c.name, c.language as "python" | "typescript"))) out.add(c);
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
 * Is `path` the module `spec` names, as the importing file wrote it? Python: a dotted path (`a.b.c` → `a/b/c.py` or
 * `a/b/c/__init__.py`, matched at the end of the walked path), relative with leading dots from the importer's package.
 * TypeScript: a relative specifier resolved from the importer (`./constants` → `constants.ts`, `.js`, `/index.ts`), or an
 * aliased one (`~/lib/constants`, `@/lib/constants`) matched by its path after the alias.
 */
function isModule(path: string, spec: string, importer: string, lang: "python" | "typescript"): boolean {
  if (!spec) return false;
  const stem = path.replace(/\.(py|[cm]?[jt]sx?)$/, "").replace(/\/(__init__|index)$/, "");
  if (lang === "python") {
    const dots = /^\.+/.exec(spec)?.[0].length ?? 0;
    const rest = spec.slice(dots).replace(/\./g, "/");
    if (dots) {
      let base = dirname(importer);
      for (let i = 1; i < dots; i++) base = dirname(base);
      return stem === normalize(rest ? join(base, rest) : base);
    }
    return stem === rest || stem.endsWith(`/${rest}`);
  }
  if (spec.startsWith(".")) return stem === normalize(join(dirname(importer), spec));
  const tail = spec.replace(/^(~|@|#)\/?/, "");
  return stem === tail || stem.endsWith(`/${tail}`);
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
  // A name for a credential (`ADMIN_PASSWORD = "Tr0ub4dor&3"`) is public only as a tag spelled like an identifier
  // (`VOID_RADIUS_SECRET = "voidRadiusSecret"`); a short password is still one.
  if (/secret|passw|token|key|pin|otp|cred/i.test(name)) return /^[A-Za-z][A-Za-z_]*$/.test(value);
  return value.length < 16 || shannonEntropy(value) < 3 || /^[A-Za-z][A-Za-z_]*$/.test(value);
}
