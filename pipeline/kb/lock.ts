// One writer per KB: a sweep holds <kb>/.sweep.lock (with its pid) while it appends rows.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";
import { RuntimeError } from "../core/errors";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Take the lock or throw; a lock left by a dead process is taken over. Returns the release function. */
export function lockKb(kbDir: string, pid = process.pid): () => void {
  mkdirSync(kbDir, { recursive: true });
  const path = join(kbDir, ".sweep.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      return () => {
        try { unlinkSync(path); } catch { /* already gone: nothing to release */ }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number.parseInt(readFileSync(path, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== pid && alive(holder)) {
        throw new RuntimeError("E_KB_LOCKED", `another sweep (pid ${holder}) is writing to ${kbDir}`, "wait for it to finish, or stop it; its rows resume with the same --iter");
      }
      unlinkSync(path); // stale: its owner is gone
    }
  }
  throw new RuntimeError("E_KB_LOCKED", `cannot lock ${kbDir}`, "another sweep keeps taking the lock");
}
