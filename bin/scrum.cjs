#!/usr/bin/env node
// Entry for `npx scrum`: runs the TypeScript CLI under the bun that npm installed as a dependency.
"use strict";
const { spawn } = require("node:child_process");
const { existsSync } = require("node:fs");
const { join, dirname } = require("node:path");

const root = dirname(__dirname);
const main = join(root, "pipeline", "cli", "main.ts");

function findBun() {
  const candidates = [];
  try {
    const pkg = require.resolve(`@oven/bun-${process.platform}-${process.arch === "arm64" ? "aarch64" : process.arch}/package.json`, { paths: [root] });
    candidates.push(join(dirname(pkg), "bin", process.platform === "win32" ? "bun.exe" : "bun"));
  } catch {
    // No platform package (another OS, or a lockfile without it): fall back to bun's own bin below.
  }
  candidates.push(join(root, "node_modules", "bun", "bin", "bun.exe"), join(root, "node_modules", ".bin", "bun"));
  return candidates.find((p) => existsSync(p)) || "bun";
}

const child = spawn(findBun(), [main, ...process.argv.slice(2)], {
  stdio: "inherit",
  // The CLI watches this pid and stops when the wrapper is killed, so no sweep runs on orphaned.
  env: { ...process.env, SCRUM_PARENT_PID: String(process.pid) },
});
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(sig, () => child.kill(sig));

// Under npx the chain is npm exec -> sh -c -> this wrapper -> bun. npm forwards SIGTERM to the shell, which
// dies without passing it on, and we are reparented; npm killed outright leaves the shell waiting on us.
// Either way whoever started us is gone: stop the CLI (SIGTERM, then SIGKILL after a grace period).
function procStat(pid) {
  try {
    const stat = require("node:fs").readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { comm: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), state: f[0], ppid: Number(f[1]), start: f[19] };
  } catch {
    return null;
  }
}
const startPpid = process.ppid;
const parentStat = procStat(startPpid);
// A shell between npm and us watches nothing for us: watch the process above it too (Linux only).
const above = parentStat && /^(sh|bash|dash|zsh)$/.test(parentStat.comm) && parentStat.ppid > 1 ? procStat(parentStat.ppid) : null;
const watched = above ? { pid: parentStat.ppid, start: above.start } : null;
const launcherGone = () => {
  if (process.ppid !== startPpid) return true;
  if (!watched) return false;
  const now = procStat(watched.pid);
  return !now || now.start !== watched.start || now.state === "Z";
};
const watch = setInterval(() => {
  if (!launcherGone()) return;
  clearInterval(watch);
  child.kill("SIGTERM");
  setTimeout(() => child.kill("SIGKILL"), 5000).unref();
}, 500);
watch.unref();

child.on("error", (e) => {
  process.stderr.write(`scrum: cannot start bun (${e.message}); run \`npm install\` in ${root} first\n`);
  process.exit(1);
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 128 + (require("node:os").constants.signals[signal] || 0) : 1)));
