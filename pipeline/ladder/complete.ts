// Ask a ladder for free text (observer analyses): the first model rung that answers wins; static rungs
// are skipped, so callers fall back to their deterministic path when nothing answers.
import type { Rung } from "../core/config";
import { createProvider, rungConfigured } from "../providers/factory";
import type { ChatRequest } from "../providers/provider";
import { withRetries, realDeps } from "./retry";

/** What the answering (or, on failure, the last tried) rung cost: tokens, wall time over its tries, HTTP tries. */
export interface CompletionUsage {
  tokens: { prompt: number; completion: number };
  latency_ms: number;
  tries: number;
}

export type Completion =
  | ({ ok: true; text: string; provider: string; model: string } & CompletionUsage)
  | ({ ok: false; reasons: string[] } & CompletionUsage);

export interface CompleteOptions {
  /** Build the request for a rung by its locality (e.g. redact secrets for remote endpoints); default: `req` for every rung. */
  prepare?: (local: boolean) => Promise<ChatRequest>;
}

export async function completeOnLadder(rungs: readonly Rung[], req: ChatRequest, env: Record<string, string | undefined>, opts: CompleteOptions = {}): Promise<Completion> {
  const reasons: string[] = [];
  let usage: CompletionUsage = { tokens: { prompt: 0, completion: 0 }, latency_ms: 0, tries: 0 };
  for (const rung of rungs) {
    if (rung.provider === "static") { reasons.push("static rung: no free-text answers"); continue; }
    const conf = rungConfigured(rung, env);
    if (!conf.ok) { reasons.push(`${rung.model}: ${conf.reason}`); continue; }
    const provider = createProvider(rung, env);
    const rungReq = opts.prepare ? await opts.prepare(provider.local) : req;
    const started = performance.now();
    const out = await withRetries(() => provider.chat(rungReq), { retries: rung.retries, baseMs: 250, maxMs: 5000 }, realDeps, { signal: req.signal });
    usage = { tokens: out.value ? { ...out.value.tokens } : { prompt: 0, completion: 0 }, latency_ms: Math.round(performance.now() - started), tries: out.tries };
    if (out.value) return { ok: true, text: out.value.text, provider: rung.provider, model: rung.model, ...usage };
    reasons.push(`${rung.model}: ${out.error!.kind}: ${out.error!.message}`);
  }
  return { ok: false, reasons, ...usage };
}
