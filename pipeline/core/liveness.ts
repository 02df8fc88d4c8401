// Is a process really running? `kill(pid, 0)` also succeeds for a zombie (dead, not yet reaped: the usual
// state of a killed process under an init that does not reap, e.g. Docker without --init) and for an
// unrelated process that reuses the pid; the start time read here tells them apart.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

export interface ProcessInfo {
  /** Z (zombie), R, S, ... as the kernel reports it. */
  state: string;
  /** Start time as an opaque token: clock ticks since boot on Linux, `ps lstart` elsewhere. */
  start: string;
}

/** The process's state and start time, or null when no such process exists (or it cannot be read). */
export function processInfo(pid: number): ProcessInfo | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ... starttime(22nd field) ..."; comm may hold spaces or ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0]!, start: fields[19]! };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" && process.platform === "linux") return null;
  }
  try {
    const out = execFileSync("ps", ["-o", "stat=", "-o", "lstart=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (!out) return null;
    const [state, ...start] = out.split(/\s+/);
    return { state: state!.charAt(0), start: start.join(" ") };
  } catch {
    return null;
  }
}

/** Running (not a zombie) and, when `start` is given, the same process that recorded it. */
export function processAlive(pid: number, start?: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const info = processInfo(pid);
  if (!info) return true; // kill(0) saw it and nothing more can be read: trust kill
  if (info.state === "Z" || info.state === "X") return false;
  return !start || info.start === start;
}
