// Resolve a user-supplied relative path inside a root, refusing anything that could leave it.
import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

export type SafePath = { ok: true; path: string } | { ok: false; status: 400 | 403 | 404; reason: string };

const inside = (root: string, p: string) => p === root || p.startsWith(root.endsWith(sep) ? root : root + sep);

/** Decode percent-escapes until stable (bounded), so "%252e%252e" cannot smuggle ".." past the check. */
function fullyDecoded(s: string): string | null {
  let cur = s;
  for (let i = 0; i < 3; i++) {
    if (!cur.includes("%")) return cur;
    try {
      const next = decodeURIComponent(cur);
      if (next === cur) return cur;
      cur = next;
    } catch {
      return null;
    }
  }
  return cur.includes("%2") ? null : cur;
}

/**
 * `rel` must name an existing regular file under `root` after every symlink is resolved. Absolute paths,
 * drive letters, backslashes, NUL, and ".." segments (plain or percent-encoded) are refused outright.
 */
export function resolveInside(root: string, rel: string): SafePath {
  const decoded = fullyDecoded(rel);
  if (decoded === null) return { ok: false, status: 400, reason: "bad percent-encoding" };
  if (!decoded || decoded.includes("\0")) return { ok: false, status: 400, reason: "empty or NUL in path" };
  if (isAbsolute(decoded) || /^[a-zA-Z]:/.test(decoded) || decoded.includes("\\")) return { ok: false, status: 403, reason: "absolute paths are not served" };
  if (decoded.split("/").some((seg) => seg === "..")) return { ok: false, status: 403, reason: "path leaves the root" };
  const rootReal = realpathSync(resolve(root));
  const full = resolve(rootReal, decoded);
  if (!inside(rootReal, full) || relative(rootReal, full).startsWith("..")) return { ok: false, status: 403, reason: "path leaves the root" };
  if (!existsSync(full)) return { ok: false, status: 404, reason: "no such file" };
  const real = realpathSync(full);
  if (!inside(rootReal, real)) return { ok: false, status: 403, reason: "symlink points outside the root" };
  if (!statSync(real).isFile()) return { ok: false, status: 404, reason: "not a file" };
  return { ok: true, path: real };
}
