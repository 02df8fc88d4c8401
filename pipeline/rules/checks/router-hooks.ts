// unwired-auth (Flask): a blueprint guarded where the application is assembled. `token_blueprint` is declared
// and its views registered in api/token.py; api/before_after.py imports it and hooks `@token_blueprint.before_request`
// (a function that resolves and checks the caller's token) onto it, so every view of the blueprint runs behind
// that check although token.py never says so. The hooking file must import the blueprint by name: another
// file's `bp` is another blueprint.
import { escapeRegExp } from "../syntax";
import { pythonCode, routerGuarded } from "./unguarded-view";
import type { Candidate } from "./unreferenced";

/** The candidates (a router's variable name) that some walked Python file imports and guards with a hook. */
export function routerHooked(cands: readonly Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const out = new Set<Candidate>();
  if (!cands.length) return out;
  const python = files.filter((f) => f.path.endsWith(".py"));
  for (const c of cands) {
    const name = escapeRegExp(c.name);
    const imports = new RegExp(`^\\s*from\\s+[\\w.]+\\s+import\\s+(?:\\([^)]*\\b${name}\\b[^)]*\\)|[^\\n]*\\b${name}\\b)`, "m");
    for (const f of python) {
      if (f.path === c.file || !f.content.includes(c.name) || !imports.test(f.content)) continue;
      if (routerGuarded(c.name, pythonCode(f.content), true)) { out.add(c); break; }
    }
  }
  return out;
}
