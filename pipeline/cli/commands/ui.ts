// `scrum ui`: serve the read-only web control plane over the KB, the swept repository and the observer.
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { InputError, UsageError } from "../../core/errors";
import { apiKeyFor } from "../../observer/listen-policy";
import { kbLoader } from "../../ui/kb-cache";
import { fetchObserverStats } from "../../ui/observer-feed";
import { UI_KEY_ENV, startUi } from "../../ui/server";
import { COMMON_FLAGS, type Command } from "../command";
import { loadConfig } from "../load-config";

export const command: Command = {
  name: "ui",
  summary: "serve the read-only web control plane over the KB and observer",
  usage: "scrum ui [--port 3950] [--host 127.0.0.1] [--kb DIR] [--repo DIR] [--observer URL]",
  flags: {
    port: { type: "string", arg: "N", default: "3950", description: "port to listen on" },
    host: { type: "string", arg: "ADDR", default: "127.0.0.1", description: "address to bind" },
    kb: COMMON_FLAGS.kb,
    repo: { type: "string", arg: "DIR", description: "the swept repository, for source views (default: the working directory)" },
    observer: { type: "string", arg: "URL", description: "observer base URL for the events view (default: config observer.url or SCRUM_OBSERVER_URL)" },
    config: COMMON_FLAGS.config,
    help: COMMON_FLAGS.help,
  },
  details: `
Views: MAP (files coloured by score or signal), TRACE (one file across iterations), TRAJECTORY, METRICS (compare
figures with what they mean), KB (browse rows) and EVENTS (the observer's recent operations, fetched server-side).
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
    const ui = startUi({
      loadKb: kbLoader(kbDir, (m) => io.err(m + "\n")), kbDir, repoDir, signals: config.signals, apiKey: uiKey,
      observer: () => fetchObserverStats(observerUrl, { fetch, timeoutMs: config.observer.timeoutMs, apiKey }),
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
