// Pick the ladder to run: an explicit --ladder as named; the config default only when at least one of
// its model rungs is configured and reachable, else the offline floor (said in one line).
import type { Config, Rung } from "../core/config";
import { UsageError } from "../core/errors";
import { createProvider, rungConfigured } from "../providers/factory";
import type { Env } from "../providers/provider";

export interface LadderChoice {
  name: string;
  rungs: Rung[];
  /** One line explaining a fallback, or null. */
  note: string | null;
}

const OFFLINE: Rung[] = [{ provider: "static", model: "static-floor", timeoutMs: 1000, retries: 0 }];

export async function chooseLadder(config: Config, explicit: string | undefined, env: Env): Promise<LadderChoice> {
  if (explicit !== undefined) {
    const rungs = config.ladders[explicit];
    if (!rungs) throw new UsageError(`unknown ladder '${explicit}'`, `configured ladders: ${Object.keys(config.ladders).join(", ")}`);
    return { name: explicit, rungs, note: null };
  }
  const name = config.ladder;
  const rungs = config.ladders[name]!;
  const models = rungs.filter((r) => r.provider !== "static");
  if (models.length === 0) return { name, rungs, note: null };
  const reasons: string[] = [];
  const probed = new Map<string, Promise<{ ok: boolean; reason?: string }>>();
  for (const r of models) {
    const conf = rungConfigured(r, env);
    if (!conf.ok) { reasons.push(conf.reason!); continue; }
    const key = `${r.provider}|${r.host ?? r.baseURL}|${r.model}`;
    if (!probed.has(key)) probed.set(key, createProvider(r, env).probe(config.retry.probeMs));
  }
  const results = await Promise.all(probed.values());
  if (results.some((p) => p.ok)) return { name, rungs, note: null };
  for (const p of results) if (p.reason) reasons.push(p.reason);
  const offline = config.ladders.offline ?? OFFLINE;
  const why = [...new Set(reasons)].slice(0, 2).join("; ");
  return { name: "offline", rungs: offline, note: `no model configured or reachable for ladder '${name}' (${why}); running the offline ladder` };
}
