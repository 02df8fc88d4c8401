// `scrum observe`: run the observer service (HTTP events → durable ops log, analyses, playbook).
import { resolve } from "node:path";
import { UsageError } from "../../core/errors";
import { loadCompleteOnLadder, offlineOnly } from "../../observer/complete-fn";
import { apiKeyFor } from "../../observer/listen-policy";
import { startObserver } from "../../observer/server";
import { COMMON_FLAGS, type Command } from "../command";
import { INSTALL_ROOT, loadConfig } from "../load-config";

function portOf(v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`observe: --port must be an integer 0-65535, got '${v}'`);
  return n;
}

export const command: Command = {
  name: "observe",
  summary: "run the observer service that receives outcomes over HTTP",
  usage: "scrum observe [--port 3800] [--host 127.0.0.1] [--data DIR]",
  flags: {
    port: { type: "string", arg: "N", description: "port to listen on (default: config observer.port, 3800)" },
    host: { type: "string", arg: "ADDR", description: "address to bind (default: config observer.host, 127.0.0.1); non-loopback needs an API key" },
    data: { type: "string", arg: "DIR", description: "data directory for ops.jsonl, analyses.jsonl, playbooks.jsonl (default: data/_observer)" },
    config: COMMON_FLAGS.config,
    help: COMMON_FLAGS.help,
  },
  details: `
Routes: GET /health (always open), GET /stats, POST /event (JSON, validated; 400 with the reason, 413 when too large).
Every accepted event is fsynced to <data>/ops.jsonl before the reply. Binding anything but loopback requires the
API key in the environment variable named by observer.apiKeyEnv (default SCRUM_OBSERVER_KEY); clients send it as
x-api-key or Authorization: Bearer. When a key is set it is required on every route but /health.`,
  async run({ values, io }) {
    const { config } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd });
    const oc = config.observer;
    const host = (values.host as string | undefined) ?? oc.host;
    const port = portOf(values.port, oc.port);
    const dataDir = resolve(io.cwd, (values.data as string | undefined) ?? oc.data);
    const apiKey = apiKeyFor(host, io.env, oc.apiKeyEnv);
    const rungs = config.ladders[config.ladder]!;
    const warn = (m: string) => io.err(m + "\n");
    let complete;
    if (!offlineOnly(rungs)) {
      const loaded = await loadCompleteOnLadder();
      complete = loaded.complete;
      if (loaded.reason) warn(`scrum: observer: ${loaded.reason}; analyses run offline`);
    }
    const obs = await startObserver({
      host, port, dataDir, ringSize: oc.ringSize, maxBodyBytes: oc.maxBodyBytes, apiKey, cycleMs: oc.cycleMs,
      corrections: oc.corrections ? resolve(io.cwd, oc.corrections) : undefined, rungs, complete, env: io.env, redaction: config.redaction, promptsDir: resolve(INSTALL_ROOT, config.prompt.dir, "observer"),
      playbookEvery: oc.playbookEveryCycles, minSuccesses: oc.playbookMinSuccesses, warn,
    });
    io.err(`scrum observe: listening on ${obs.url} (data ${dataDir}, ${obs.state.totals.total} ops, ladder ${config.ladder}${apiKey ? ", API key required" : ""})\n`);
    await new Promise<void>((done) => {
      if (!io.signal) return;
      if (io.signal.aborted) return done();
      io.signal.addEventListener("abort", () => done(), { once: true });
    });
    await obs.stop();
    return 0;
  },
};
