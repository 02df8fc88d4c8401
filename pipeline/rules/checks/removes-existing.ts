// swallowed-error: a file removal is the work itself when the file was there before the function ran
// (a retention job deleting what it found), and cleanup when the function made the file (its temp file).
import type { SgNode } from "@ast-grep/napi";
import { SCRIPT_FUNCTION_KINDS, scriptScope } from "../syntax";

/** A file-system removal and the expression naming what it removes (`os.remove(path)`, `path.unlink()`, `shutil.rmtree(d)`). */
const REMOVAL = [
  /\b(?:os\.(?:remove|unlink|rmdir|removedirs)|shutil\.rmtree)\s*\(\s*([\w$.]+)/g,
  // pathlib: `path.unlink()`, `d.rmdir()` (not the `os` module's own functions, read above)
  /(?<![\w$.])(?!os\.)([\w$.]+?)\.(?:unlink|rmdir)\s*\(/g,
];



/** What the function bound `target` to, by its own assignments (`fd, tmp = tempfile.mkstemp()`, `tmp = dest.with_suffix(".part")`). */
function madeHere(fn: string, target: string): boolean {
  const root = target.split(".")[0]!.replace(/\$/g, "\\$");
  // A temp file or directory, or a path the function opens for writing or writes whole: its own artefact.
  const made = /mk[sd]temp|Temporary(File|Directory)|NamedTemporary|tempfile\.|tmp(dir|file)|\.with_suffix\(|\.with_name\(/;
  for (const m of fn.matchAll(new RegExp(`(?<![\\w$.])${root}\\b[^=\\n]*?(?<![=!<>])=(?!=)\\s*([^\\n]+)`, "g"))) if (made.test(m[1]!)) return true;
  return new RegExp(`(open\\(\\s*${root}\\b[^)]*["'][wax]|\\b${root}\\.(write_text|write_bytes|touch|mkdir)\\(|(write_?[Ff]ile\\w*|mkdir\\w*)\\(\\s*${root}\\b)`).test(fn);
}

/** Inside a `finally` or a handler: removal on the way out of something that already happened, not the work. */
function onTheWayOut(node: SgNode): boolean {
  for (let n = node.parent(); n; n = n.parent()) {
    const k = String(n.kind());
    if (/^(finally_clause|except_clause|catch_clause)$/.test(k)) return true;
    if (SCRIPT_FUNCTION_KINDS.test(k)) return false;
  }
  return false;
}

/**
 * The guarded code removes a file or directory the function did not make: one it was handed or found
 * (`for path in spool.glob(..): os.remove(path)`). A failure other than "already gone" (permissions, a busy
 * file, a read-only mount) leaves it in place while the job reports it done; a catch-all hides that. The
 * function's own temp files and removals inside `finally`/handlers are cleanup.
 */
export function removesExisting(guarded: SgNode): boolean {
  const code = guarded.text();
  const targets = REMOVAL.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]!));
  if (!targets.length || onTheWayOut(guarded)) return false;
  const fn = scriptScope(guarded).text();
  return targets.some((t) => !madeHere(fn, t));
}

/** A call that removes (`deleteDraft(org, id)`, `store.remove(key)`, `fs.unlink(p)`) and its argument list. */
const REMOVES = /(?:^|[^\w$])((?:[\w$]+\.)*(?:delete|remove|destroy|purge|unlink|rm|rmdir|erase)(?:[A-Z_][\w$]*)?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g;

/** The code removes something (a probe changes nothing, so code that removes is never one). */
export function removes(code: string): boolean {
  return [...code.matchAll(REMOVES)].length > 0;
}

/** Identifiers a parameter list binds (`({ params, locals })`, `(self, key: str)`, `(id: &str)`). */
function parameterNames(fn: SgNode): Set<string> {
  const list = (fn.field("parameters" as never) as SgNode | null)?.text() ?? "";
  return new Set((list.replace(/:\s*[^,)}=]+/g, "").match(/[A-Za-z_$][\w$]*/g) ?? []).filter((w) => !/^(self|this|async|const|let)$/.test(w)));
}

/**
 * The guarded code removes what the function was handed: a removal whose arguments are built from the
 * function's parameters, directly or through a local built from one (`const user = locals.user;
 * deleteDraft(user.orgId, params.id)`, `const p = join(dir, name); unlink(p)`). That removal is the
 * function's work (a DELETE handler, a purge job), so a handler that hides its failure is not excused by a
 * comment naming one expected outcome ("may already be gone"): it hides every other failure too, and the
 * caller is told it worked.
 */
export function removesHanded(guarded: SgNode): boolean {
  if (onTheWayOut(guarded)) return false;
  const fnNode = scriptScope(guarded);
  const params = parameterNames(fnNode);
  if (!params.size) return false;
  const fn = fnNode.text();
  const fromParam = (root: string): boolean => {
    if (params.has(root)) return true;
    const bound = new RegExp(`(?:const|let|var)\\s+${root.replace(/\$/g, "\\$")}\\s*(?::[^=\\n]+)?=\\s*([^;\\n]+)`).exec(fn)?.[1] ?? "";
    // One hop: a local built from a parameter (`locals.user`, `join(dir, name)`).
    return (bound.match(/(?<![\w$.])[A-Za-z_$][\w$]*\b(?!\s*\()/g) ?? []).some((id) => params.has(id));
  };
  // The function's text before the guarded code: where a handed value may already have been put to use.
  const body = (fnNode.field("body" as never) as SgNode | null) ?? fnNode;
  const before = body.text().slice(0, Math.max(0, guarded.range().start.index - body.range().start.index));
  for (const m of guarded.text().matchAll(REMOVES)) {
    const roots = m[2]!.match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? [];
    if (roots.some((r) => fromParam(r) && !madeHere(fn, r) && !consumedBefore(before, r))) return true;
  }
  return false;
}

/** Calls that only look at a path (its metadata), which a removal job makes to pick what to remove. */
const LOOKS = /^(l?stat\w*|exists\w*|access\w*|is_?(file|dir)\w*|get_?size|getmtime)$/i;

/**
 * `root` was already put to work before the removal (`fs.createReadStream(localPath)` then, after the
 * upload, `unlink(localPath)`): the removal disposes of an input the function has used, cleanup after its
 * work rather than the work. Looking at a path's metadata first (`stat`, `exists`) is not using it.
 */
function consumedBefore(before: string, root: string): boolean {
  const esc = root.replace(/\$/g, "\\$");
  for (const m of before.matchAll(new RegExp(`([A-Za-z_$][\\w$.]*)\\s*\\(([^()]*(?<![\\w$.])${esc}(?![\\w$])[^()]*)\\)`, "g"))) {
    if (!LOOKS.test(m[1]!.split(".").pop()!)) return true;
  }
  return false;
}
