// Observer reliability bench: N events from C concurrent clients on loopback, kill -9 midway, restart, verify.
// Usage: npx bun bench/observer.ts [--events 20000] [--clients 50]
//        (the control plane over a big KB moved to bench/ui.ts)
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { percentile, runCrashLoad } from "../tests/fixtures/observer/crash-load";

const { values } = parseArgs({ options: { events: { type: "string" }, clients: { type: "string" } } });

async function crashBench() {
  const events = Number(values.events ?? 20_000);
  const clients = Number(values.clients ?? 50);
  const dir = mkdtempSync(join(tmpdir(), "obs-bench-"));
  try {
    const r = await runCrashLoad({ dataDir: join(dir, "data"), events, clients, killAfter: Math.floor(events / 2) });
    const upSec = (r.wallMs - r.downMs) / 1000;
    const ok = r.missing.length === 0 && r.duplicates.length === 0 && r.statsTotalAfter === r.fileRows;
    console.log(`events sent          ${events} from ${clients} clients, kill -9 after ${Math.floor(events / 2)} acks`);
    console.log(`acknowledged         ${r.acked}`);
    console.log(`unacknowledged       ${r.unacked} (in flight at the kill or refused while down; ${r.unackedButStored} of them stored anyway)`);
    console.log(`missing after restart ${r.missing.length}`);
    console.log(`stored twice         ${r.duplicates.length}`);
    console.log(`/stats total after   ${r.statsTotalAfter} (ops.jsonl rows ${r.fileRows})`);
    console.log(`throughput           ${Math.round(r.acked / upSec)} events/s while up (${Math.round(r.acked / (r.wallMs / 1000))} events/s including the ${Math.round(r.downMs)} ms restart)`);
    console.log(`latency              p50 ${percentile(r.latencies, 0.5).toFixed(2)} ms, p99 ${percentile(r.latencies, 0.99).toFixed(2)} ms, max ${percentile(r.latencies, 1).toFixed(2)} ms`);
    console.log(ok ? "PASS: every acknowledged event present exactly once" : "FAIL");
    process.exitCode = ok ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await crashBench();
