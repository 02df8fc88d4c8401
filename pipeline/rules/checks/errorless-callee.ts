// swallowed-error (Go): a dropped call whose declarations in the repository answer no error drops nothing.
// `repo.Update(patch)` copying fields into a `*Repo`, or a helper that logs its own failure and returns
// nothing, reads like a write whose error went unchecked; the declaration says there is no error to check.
import { dirname } from "node:path";
import { goPackageName } from "../syntax";
import type { StaticFinding } from "../../kb/schemas/static-finding";
import { droppedCallee } from "./claim-evidence";
import { calleeAnswers, type Declaration, declarationsOf, logsBeforeAnswering, meantByName, packageFiles, repoFieldTypes } from "./go-callee-answers";
import { type UnknownCallee, unprovenOf } from "./unproven-drop";
import { movesMoney } from "./swallowed";

export type GoFile = { path: string; content: string };

/** The repository's Go declarations by name and its package files by directory, each read once per scan. */
export function goDeclarations(files: readonly GoFile[]) {
  const goFiles = files.filter((f) => f.path.endsWith(".go"));
  const byName = new Map<string, Declaration[]>();
  const byDir = new Map<string, GoFile[]>();
  const fields = new Map<string, Set<string>>();
  const typeDecls = new Map<string, boolean>();
  return {
    goFiles,
    /** The repository's struct fields by name, and whether it declares a package-qualified type (`queue.SimpleQueue`). */
    fieldTypes: {
      of: (name: string): Set<string> => {
        let types = fields.get(name);
        if (!types) fields.set(name, (types = repoFieldTypes(name, goFiles)));
        return types;
      },
      declares: (type: string): boolean => {
        let known = typeDecls.get(type);
        if (known === undefined) {
          const [pkg, bare] = [type.slice(0, type.lastIndexOf(".")), type.slice(type.lastIndexOf(".") + 1)];
          // A type whose methods the repository shows whole: not an alias (`type Store = x.Store`) and without an
          // embedded member (`type Store interface { Deleter }`), either of which brings methods declared elsewhere.
          const decl = new RegExp(`^(?:type\\s+|\\s+)${bare}(?:\\[[^\\]]*\\])?\\s+(struct|interface)\\s*\\{([^\\n}]*\\}|[\\s\\S]*?^\\})`, "m");
          const alias = new RegExp(`^(?:type\\s+|\\s+)${bare}(?:\\[[^\\]]*\\])?\\s*=`, "m");
          known = false;
          for (const g of goFiles) {
            if (!g.content.includes(bare) || goPackageName(g.content) !== pkg) continue;
            if (alias.test(g.content)) { known = false; break; }
            const m = decl.exec(g.content);
            // Each member on its own line, or `{ a, b T }` on one: a member that is a type name alone is embedded.
            if (m) known = !m[2]!.replace(/\}\s*$/, "").split(/[\n;]/).some((l) => /^\s*\*?[A-Za-z_][\w.]*(?:\[[^\]]*\])?\s*(\/\/.*)?$/.test(l));
          }
          typeDecls.set(type, known);
        }
        return known;
      },
    },
    declared: (method: string): Declaration[] => {
      let all = byName.get(method);
      if (!all) byName.set(method, (all = goFiles.flatMap((g) => (g.content.includes(method) ? declarationsOf(g.content, method) : []))));
      return all;
    },
    pkgFiles: (file: string): GoFile[] => {
      const dir = dirname(file);
      let list = byDir.get(dir);
      if (!list) byDir.set(dir, (list = packageFiles(goFiles, dir)));
      return list;
    },
  };
}

/** The finding's line from its column on: the statement itself, not a call it sits in (`ctx.OnCancel(func() { _ = pool.Delete(k) })`). */
export function findingText(f: StaticFinding, lines: readonly string[]): string {
  const line = lines[f.line - 1] ?? "";
  return f.column && f.column > 1 ? line.slice(f.column - 1) : line;
}

/** The dropped call's statement on the finding's line, its binding (`_ =`, `if err :=`) removed. */
export function droppedStatement(line: string): string {
  return line.trim().replace(/^(if\s+)?(\w+\s*(,\s*\w+)*\s*:?=\s*)?/, "");
}

/**
 * What the walked Go files say of each Go swallowed-error finding's dropped call, asked once per finding over one
 * declaration index:
 * - `errorless`: every declaration it can mean answers no `error` (the declarations a receiver's declared type names,
 *   its field or var, or the enclosing function's receiver or parameter, an interface's method spec counting; else
 *   those Go's naming habit points to). Nothing was dropped: not reported.
 * - `unproven`: a claim of a rule in `needsError` (`answers_error: declared`, shipped, example or bench code) whose
 *   call no declaration, standard-library origin or using call site shows answering an error (unproven-drop.ts): a lead.
 * - `logged`: a claim whose callee (every declaration its name points to) logs its failure before answering it: a lead.
 * A call no walked declaration matches (the standard library other than `sync.Map`, a dependency, a receiver
 * neither declared nor named for its type) stays a claim unless its rule asks for the error to be shown.
 */
export function goDropVerdicts(findings: readonly StaticFinding[], needsError: ReadonlySet<string>, files: readonly GoFile[], lines: (path: string) => readonly string[]): { errorless: Set<StaticFinding>; unproven: Set<StaticFinding>; logged: Set<StaticFinding> } {
  const errorless = new Set<StaticFinding>();
  const logged = new Set<StaticFinding>();
  const unknown: UnknownCallee[] = [];
  const repo = goDeclarations(files);
  const contentOf = new Map(repo.goFiles.map((g) => [g.path, g.content]));
  for (const f of findings) {
    if (f.class !== "swallowed-error" || !f.file.endsWith(".go")) continue;
    const statement = droppedStatement(findingText(f, lines(f.file)));
    const key = droppedCallee(statement);
    if (!key) continue;
    const at = { line: f.line, lines: lines(f.file), content: contentOf.get(f.file) ?? "" };
    const answer = calleeAnswers(key, statement, at, repo.pkgFiles(f.file), repo.declared, repo.fieldTypes);
    if (answer === "none") errorless.add(f);
    else if (answer === "error" && !f.lead && f.place !== "test") {
      // Every declaration Go's naming habit points to logs its failure before answering it (go-callee-answers.ts).
      const meant = repo.declared(key.method).filter((d) => meantByName(key, d));
      // ... as the logged-then-carried-on reading does, a commit or a movement of money keeps its claim: the caller is
      // told it happened when nothing did (claim-evidence.ts LEAD_LOGGED).
      if (meant.length && meant.every((d) => logsBeforeAnswering(d.body ?? "")) && !movesMoney(statement) && !/\b[Cc]ommit\w*\s*\(/.test(statement) && !movesMoney(meant.map((d) => d.body ?? "").join("\n"))) logged.add(f);
    }
    else if (answer === "unknown" && needsError.has(f.rule_id) && !f.lead && f.place !== "test") unknown.push({ f, prev: key.prev, method: key.method });
  }
  return { errorless, unproven: unprovenOf(unknown, repo.goFiles), logged };
}
