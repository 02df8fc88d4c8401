// The control plane's slowest answers kept beside the KB's cache, so a restarted server does not spend its
// first minute recomputing them: the derived tables (tables.ts, as parquet) and the prefetched METRICS answers
// (as JSON), under <kb>/.cache/ui/<state>/, where <state> hashes every KB file's size, mtime and inode, the
// signals policy and SAVED_FORMAT. A KB that changed, a new policy or a new format is a new state: nothing
// stale is read, and writing a state removes the others. Like the rest of .cache, delete it at will.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { KB_FILES } from "../kb/paths";

/** Bump when a derived table's columns or a saved answer's shape changes. */
export const SAVED_FORMAT = 1;

/** A file's size, mtime and inode ("-" when absent): how the KB's readers notice an append or a replacement. */
export const fileStamp = (p: string) => {
  if (!existsSync(p)) return "-";
  const st = statSync(p);
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
};

/** The state the saved answers belong to: every KB file as it is now, the policy they were computed under. */
export function savedState(kbDir: string, policy: unknown): string {
  const files = Object.values(KB_FILES).map((f) => `${f}=${fileStamp(join(kbDir, f))}`);
  return createHash("sha256").update(JSON.stringify([SAVED_FORMAT, files, policy])).digest("hex").slice(0, 16);
}

const nameOf = (key: string) => createHash("sha256").update(key).digest("hex").slice(0, 24);

export class SavedAnswers {
  private current = "";

  /** `root`: the directory the states live in (<kb>/.cache/ui). */
  constructor(private readonly root: string) {}

  /** Point at a state (savedState); answers of other states are not read. */
  use(state: string): void {
    this.current = state;
  }

  private dir(): string {
    return join(this.root, this.current);
  }

  /** A saved derived table's parquet file for the current state, or null. */
  table(name: string): string | null {
    const p = join(this.dir(), `${name}.parquet`);
    return this.current && existsSync(p) ? p : null;
  }

  /** Where to write a derived table: a temp path, and `commit()` to move it into place once written. */
  tableTarget(name: string): { path: string; commit: () => void } | null {
    if (!this.current || !this.prepare()) return null;
    const final = join(this.dir(), `${name}.parquet`);
    const path = `${final}.${process.pid}.tmp`;
    return { path, commit: () => renameSync(path, final) };
  }

  /** A saved answer of the current state; undefined when there is none or it cannot be read. */
  answer<T>(key: string): T | undefined {
    if (!this.current) return undefined;
    const p = join(this.dir(), `${nameOf(key)}.json`);
    if (!existsSync(p)) return undefined;
    try {
      const doc = JSON.parse(readFileSync(p, "utf8")) as { key: string; value: T };
      return doc.key === key ? doc.value : undefined;
    } catch {
      return undefined; // a torn or foreign file: computed again and overwritten
    }
  }

  save(key: string, value: unknown): void {
    if (!this.current || !this.prepare()) return;
    const p = join(this.dir(), `${nameOf(key)}.json`);
    writeFileSync(`${p}.${process.pid}.tmp`, JSON.stringify({ key, value }));
    renameSync(`${p}.${process.pid}.tmp`, p);
  }

  /** Make the current state's directory and drop the others. False when the cache cannot be written (read-only KB). */
  private prepare(): boolean {
    try {
      if (!existsSync(this.dir())) {
        mkdirSync(this.dir(), { recursive: true });
        for (const d of readdirSync(this.root)) if (d !== this.current) rmSync(join(this.root, d), { recursive: true, force: true });
      }
      return true;
    } catch {
      return false;
    }
  }
}
