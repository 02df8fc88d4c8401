// unwired-auth on class-based views guarded by a project base: siblings built on the repository's own view class
// that checks who is asking (faust's `class OpsView(faust.web.View): async def dispatch(..): .. return self.error(401,
// ..)`), and one built on the framework's raw view. Asked after the scan, against every walked Python file: the base
// usually lives in another module (a security.py) than the views that extend it.
import type { SourceFile } from "../scan-file";
import { escapeRegExp } from "../syntax";
import { makesAccessDecision } from "./guard-shape";
import type { Candidate } from "./unreferenced";

/** The body of a Python class of this name in the text, up to the next line as little indented as its head. */
function classBody(text: string, name: string): string | null {
  const head = new RegExp(String.raw`^([ \t]*)class\s+${escapeRegExp(name)}\s*[(:]`, "m").exec(text);
  if (!head) return null;
  const indent = head[1]!.length;
  const lines = text.slice(head.index).split("\n");
  const out = [lines[0]!];
  for (const l of lines.slice(1)) {
    if (l.trim() && l.length - l.trimStart().length <= indent) break;
    out.push(l);
  }
  return out.join("\n");
}

/**
 * The candidates (a state-changing view on the framework's own base) whose sibling views' project bases (`guards`)
 * include one that a walked Python file defines with code that reads who is asking and refuses: the siblings are
 * guarded by inheritance, and this view left the guarded base out.
 */
export function baseGuarded(candidates: readonly Candidate[], files: readonly SourceFile[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const py = files.filter((f) => f.path.endsWith(".py"));
  const verdict = new Map<string, boolean>();
  const guards = (base: string) => {
    if (!verdict.has(base)) {
      const re = new RegExp(String.raw`\bclass\s+${escapeRegExp(base)}\s*[(:]`);
      verdict.set(base, py.some((f) => { if (!re.test(f.content)) return false; const body = classBody(f.content, base); return !!body && makesAccessDecision(body); }));
    }
    return verdict.get(base)!;
  };
  for (const c of candidates) if ((c.guards ?? []).some(guards)) out.add(c);
  return out;
}
