// One writer per KB: a sweep holds <kb>/.sweep.lock while it appends rows. The lock records the holder's pid,
// start time and host, so a lock left by a dead process, a zombie or a process that reused the pid is taken
// over at once, and a live holder still blocks.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { processAlive, processInfo } from "../core/liveness";
import { RuntimeError } from "../core/errors";

export const LockHolder = z.object({
  pid: z.number().int().positive(),
  start: z.string().nullable().describe("the holder's start time (kernel clock ticks or ps lstart): a reused pid has another"),
  host: z.string(),
  since: z.string(),
});
export type LockHolder = z.infer<typeof LockHolder>;

/** The holder recorded in a lock file: JSON, or the pid alone as older sweeps wrote it. */
export function readHolder(text: string): LockHolder | null {
  try {
    const j = LockHolder.safeParse(JSON.parse(text));
    if (j.success) return j.data;
  } catch {
    // Not JSON: a lock written before the start time was recorded holds just the pid.
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, start: null, host: hostname(), since: "" } : null;
}

/** A lock from another host cannot be checked from here, so it counts as held. */
export function holderAlive(h: LockHolder, here = hostname()): boolean {
  return h.host !== here || processAlive(h.pid, h.start);
}

/** Take the lock or throw; a lock whose holder is gone (dead, zombie, pid reused) is taken over. Returns the release. */
export function lockKb(kbDir: string, pid = process.pid): () => void {
  mkdirSync(kbDir, { recursive: true });
  const path = join(kbDir, ".sweep.lock");
  const me: LockHolder = { pid, start: processInfo(pid)?.start ?? null, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify(me) + "\n");
      closeSync(fd);
      return () => {
        try {
          // Release only our own lock: a takeover by another sweep must not be undone.
          if (readHolder(readFileSync(path, "utf8"))?.pid === pid) unlinkSync(path);
        } catch { /* already gone: nothing to release */ }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      let holder: LockHolder | null = null;
      try { holder = readHolder(readFileSync(path, "utf8")); } catch { /* vanished meanwhile: try again */ }
      if (holder && holder.pid !== pid && holderAlive(holder)) {
        const where = holder.host !== hostname() ? ` on ${holder.host}` : "";
        throw new RuntimeError("E_KB_LOCKED", `another sweep (pid ${holder.pid}${where}) is writing to ${kbDir}`, "wait for it to finish, or stop it; its rows resume with the same --iter");
      }
      try { unlinkSync(path); } catch { /* another sweep took it over first */ }
    }
  }
  throw new RuntimeError("E_KB_LOCKED", `cannot lock ${kbDir}`, "another sweep keeps taking the lock");
}
