// Services under npx: SIGTERM to the npx process must stop the server it started (npm exec → sh -c →
// bin/scrum.cjs → bun): the port is freed and no process of the tree survives.
import { afterAll, describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT } from "./support/sweep-harness";
import { tmpDir } from "./support/tmp-repo";

const groups: number[] = [];
afterAll(() => { for (const g of groups) for (const pid of inGroup(g)) try { process.kill(pid, "SIGKILL"); } catch { /* gone */ } });

/** Pids whose process group is `pgid` (the tree npx started: it runs detached, in a group of its own). */
function inGroup(pgid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) === pgid && f[0] !== "Z") out.push(Number(name));
    } catch { /* exited while we looked */ }
  }
  return out;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const port = (s.address() as { port: number }).port; s.close(() => resolve(port)); });
  });
}

const answers = async (port: number) => fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) }).then(() => true, () => false);
const waitFor = async (ok: () => Promise<boolean> | boolean, ms: number) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { if (await ok()) return true; await Bun.sleep(100); }
  return false;
};

describe.skipIf(process.platform !== "linux")("SIGTERM to npx", () => {
  for (const service of ["ui", "observe"] as const) {
    test(`stops \`npx scrum ${service}\`: the port is freed and no child survives`, async () => {
      const port = await freePort();
      const dir = tmpDir("scrum-npx-");
      const extra = service === "ui" ? ["--kb", join(dir, "kb"), "--repo", dir] : ["--data", join(dir, "obs")];
      const npx = Bun.spawn(["npx", "--no", "scrum", service, "--port", String(port), ...extra], {
        cwd: ROOT, stdout: "ignore", stderr: "pipe", detached: true, env: { ...process.env, SCRUM_OBSERVER_URL: "" },
      });
      groups.push(npx.pid);
      expect(await waitFor(() => answers(port), 30_000)).toBe(true);
      // The tree under npx: npm exec, a shell, the node wrapper and the bun server.
      expect(inGroup(npx.pid).length).toBeGreaterThanOrEqual(3);

      process.kill(npx.pid, "SIGTERM");
      await npx.exited;
      expect(await waitFor(async () => !(await answers(port)), 10_000)).toBe(true);
      expect(await waitFor(() => inGroup(npx.pid).length === 0, 10_000)).toBe(true);
    }, 60_000);
  }
});
