// `scrum ui`: serve the read-only web control plane over the KB, the swept repository and the observer.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, UsageError } from "../../core/errors";
import { apiKeyFor } from "../../observer/listen-policy";
import { UI_KEY_ENV, startUi } from "../../ui/server";
import { COMMON_FLAGS, type Command } from "../command";
import { loadConfig } from "../load-config";

export const command: Command = {
  name: "ui",
  summary: "serve the read-only web control plane over the KB and observer",
  usage: "scrum ui [--port 3950] [--host 127.0.0.1] [--kb DIR] [--repo DIR] [--observer URL] [--memory-limit auto|SIZE]",
  flags: {
    port: { type: "string", arg: "N", default: "3950", description: "port to listen on" },
    host: { type: "string", arg: "ADDR", default: "127.0.0.1", description: "address to bind" },
    kb: COMMON_FLAGS.kb,
    repo: { type: "string", arg: "DIR", description: "the swept repository, for source views (default: the working directory)" },
    observer: { type: "string", arg: "URL", description: "observer base URL for the console (default: config observer.url or SCRUM_OBSERVER_URL)" },
    "memory-limit": { type: "string", arg: "SIZE", default: "auto", description: "DuckDB memory for the views (auto: the reviews file's size / 1.5, 96MB-160MB); bigger queries spill to a temp directory" },
    config: COMMON_FLAGS.config,
    help: COMMON_FLAGS.help,
  },
  details: `
Views: MAP (a zoomable treemap of the repository with score, signal, tier, criticals and model overlays and import
edges), TRACE (one file across iterations), TRAJECTORY, METRICS (compare figures with what they mean), KB (browse
rows), SEARCH (findings, summaries, rule hits and files) and CONSOLE (the observer's operations and the running
sweep's progress, live). Every view reads the KB through DuckDB and the same cache as \`scrum query\`; the first
start over a new KB builds that cache. Keys: 1-7 switch views, j/k move between rows, Enter opens, / searches, ? helps.
Only GET is served; source is shown only for files the KB reviewed, and only from inside --repo. Binding anything
but loopback requires an API key in ${UI_KEY_ENV} (browsers: Basic auth, any user name, the key as password;
clients: x-api-key or Authorization: Bearer). When the key is set it is required on loopback too.`,
  async run({ values, io }) {
    const repoDir = resolve(io.cwd, (values.repo as string | undefined) ?? ".");
    const { config } = loadConfig({ explicit: values.config as string | undefined, cwd: io.cwd, repo: repoDir });
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`ui: --port must be an integer 0-65535, got '${values.port}'`);
    const kbDir = resolve(io.cwd, (values.kb as string | undefined) ?? config.kb);
    if (!existsSync(repoDir) || !statSync(repoDir).isDirectory()) throw new InputError(`repository not found: ${repoDir}`);
    if (!existsSync(kbDir)) io.err(`scrum ui: warning: KB directory ${kbDir} does not exist yet; views will be empty\n`);
    const host = values.host as string;
    // The control plane shows source code and proxies the observer's key-protected /stats: off loopback it needs a key.
    const uiKey = apiKeyFor(host, io.env, UI_KEY_ENV);
    const observerUrl = (values.observer as string | undefined) ?? config.observer.url ?? io.env.SCRUM_OBSERVER_URL;
    const apiKey = io.env[config.observer.apiKeyEnv]?.trim() || undefined;
    const limit = String(values["memory-limit"]);
    if (limit !== "auto" && !/^\d+(\.\d+)?\s*(KB|MB|GB|KiB|MiB|GiB)$/i.test(limit)) throw new UsageError(`ui: --memory-limit must be auto or a size like 256MB or 1GB, got '${limit}'`);
    const memoryLimit = limit === "auto" ? undefined : limit;
    const ui = await startUi({
      kbDir, repoDir, signals: config.signals, apiKey: uiKey, observerUrl, observerKey: apiKey, observerTimeoutMs: config.observer.timeoutMs,
      memoryLimit, warn: (m) => io.err(m + "\n"),
    }, { host, port });
    io.err(`scrum ui: serving ${ui.url} (kb ${kbDir}, repo ${repoDir}, observer ${observerUrl ?? "none"}${uiKey ? ", API key required" : ""})\n`);
    await new Promise<void>((done) => {
      if (!io.signal) return;
      if (io.signal.aborted) return done();
      io.signal.addEventListener("abort", () => done(), { once: true });
    });
    await ui.stop();
    return 0;
  },
};
