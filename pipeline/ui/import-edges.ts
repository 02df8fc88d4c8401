// MAP's import edges for one directory level: read the level's files from the swept repository (inside it
// only), parse their imports (imports.ts), and sum them per pair of tiles. Parsed files are remembered by
// size and mtime, so zooming back and forth re-reads nothing.
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { importsOf } from "./imports";
import { resolveInside } from "./safe-path";

/** Levels with more files than this get no edges (parsing is per file; the note says so). */
export const EDGE_FILES = 1500;
/** Files larger than this are not parsed. */
const MAX_BYTES = 512 * 1024;
/** Remembered parses (path → imports) before the cache starts over. */
const CACHE_LIMIT = 20_000;

export interface EdgeLevel {
  edges: { from: string; to: string; n: number }[];
  /** Why there are none, when there are none for a reason. */
  note: string | null;
}

const tileOf = (dir: string, path: string) => (dir ? path.slice(dir.length + 1) : path).split("/")[0]!;

export class ImportEdges {
  private parsed = new Map<string, { stamp: string; targets: string[] }>();
  private goMod: { stamp: string; module: string | null } | null = null;

  constructor(private readonly repoDir: string) {}

  private goModule(): string | null {
    const p = join(this.repoDir, "go.mod");
    const stamp = existsSync(p) ? String(statSync(p).mtimeMs) : "-";
    if (this.goMod?.stamp !== stamp) {
      const text = stamp === "-" ? "" : readFileSync(p, "utf8");
      this.goMod = { stamp, module: /^module\s+(\S+)/m.exec(text)?.[1] ?? null };
    }
    return this.goMod.module;
  }

  /** `files`: every reviewed file under `dir` (at most EDGE_FILES + 1); `all` answers whether a path was reviewed. */
  level(dir: string, files: string[], all: { has: (p: string) => boolean; hasDir: (p: string) => boolean }): EdgeLevel {
    if (!existsSync(this.repoDir)) return { edges: [], note: `the repository (${this.repoDir}) is not here: imports come from its files` };
    if (files.length > EDGE_FILES) return { edges: [], note: `imports are drawn for levels of at most ${EDGE_FILES.toLocaleString("en")} files: open a directory` };
    const ctx = { ...all, goModule: this.goModule() };
    const inside = (p: string) => !dir || p.startsWith(dir + "/");
    const sums = new Map<string, number>();
    for (const file of files) {
      for (const target of this.targets(file, ctx)) {
        if (!inside(target)) continue;
        const a = tileOf(dir, file), b = tileOf(dir, target);
        if (a === b) continue;
        const k = `${a}\u0000${b}`;
        sums.set(k, (sums.get(k) ?? 0) + 1);
      }
    }
    const edges = [...sums].map(([k, n]) => {
      const [from, to] = k.split("\u0000") as [string, string];
      return { from, to, n };
    }).sort((x, y) => y.n - x.n || (x.from + x.to < y.from + y.to ? -1 : 1)).slice(0, 300);
    return { edges, note: edges.length ? null : "no imports between these tiles" };
  }

  private targets(file: string, ctx: Parameters<typeof importsOf>[2]): string[] {
    const p = resolveInside(this.repoDir, file);
    if (!p.ok) return [];
    const st = statSync(p.path);
    if (st.size > MAX_BYTES) return [];
    const stamp = `${st.size}:${st.mtimeMs}`;
    const hit = this.parsed.get(file);
    if (hit?.stamp === stamp) return hit.targets;
    const targets = importsOf(file, readFileSync(p.path, "utf8"), ctx);
    if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
    this.parsed.set(file, { stamp, targets });
    return targets;
  }
}
