// Climb the ladder for one chunk: each rung answers, the answer is extracted and accepted when it parses
// and is confident enough; otherwise the chunk climbs. Every attempt is recorded; nothing is dropped.
import type { Rung } from "../core/config";
import { extractReview, type StaticClaimAnswer } from "../extract/extract-review";
import type { ReviewAnswer } from "../kb/schemas/review-answer";
import type { Attempt } from "../kb/schemas/review-row";
import type { ModelProvider } from "../providers/provider";
import { CircuitBoard, endpointKey } from "./circuit";
import type { Limiter } from "./limiter";
import { withRetries, type RetryDeps, type RetryPolicy } from "./retry";

export interface LadderRung {
  index: number;
  rung: Rung;
  /** null for the static rung. */
  provider: ModelProvider | null;
}

export interface PromptPair {
  system: string;
  user: string;
  redactions: number;
}

export interface LadderDeps {
  circuits: CircuitBoard;
  limiters: Map<string, Limiter>;
  retry: Omit<RetryPolicy, "retries">;
  retryDeps: RetryDeps;
  minConfidence: number;
  signal?: AbortSignal;
  now: () => number;
}

export interface Accepted {
  rung: LadderRung;
  answer: ReviewAnswer;
  format: "json" | "markdown";
  claims: StaticClaimAnswer[];
  text: string;
  attemptNo: number;
}

export interface LadderResult {
  accepted: Accepted | null;
  attempts: Attempt[];
  tokens: { prompt: number; completion: number };
  latencyMs: number;
  requests: number;
  redactions: number;
  /** The last model text seen, kept for offline re-extraction when nothing was accepted. */
  lastText: string | null;
}

export interface ChunkJob {
  /** Prompt for a rung; `local` says whether the endpoint is on loopback (redaction policy decides). */
  prompt: (local: boolean) => Promise<PromptPair>;
  /** The static floor's review of this chunk, used by a static rung. */
  staticReview: () => ReviewAnswer;
  /**
   * Set when the chunk carries prompt-injection text: the reason an otherwise acceptable answer looks like it
   * obeyed that text (ladder/obeyed-injection.ts), or null. Such an answer is overruled and the chunk climbs.
   */
  obeyed?: (answer: ReviewAnswer, claims: StaticClaimAnswer[]) => string | null;
}

export async function runLadder(rungs: readonly LadderRung[], job: ChunkJob, deps: LadderDeps): Promise<LadderResult> {
  const res: LadderResult = { accepted: null, attempts: [], tokens: { prompt: 0, completion: 0 }, latencyMs: 0, requests: 0, redactions: 0, lastText: null };
  for (const lr of rungs) {
    if (deps.signal?.aborted) break;
    const base = { rung: lr.index, provider: lr.rung.provider, model: lr.rung.model };
    if (!lr.provider) {
      const answer = job.staticReview();
      res.attempts.push({ ...base, outcome: "accepted", latency_ms: 0, tries: 0, tokens: { prompt: 0, completion: 0 } });
      res.accepted = { rung: lr, answer, format: "json", claims: [], text: JSON.stringify(answer), attemptNo: res.attempts.length };
      return res;
    }
    const key = endpointKey(lr.rung);
    if (deps.circuits.isOpen(key)) {
      res.attempts.push({ ...base, outcome: "circuit_open", detail: `circuit open for ${key}`, latency_ms: 0, tries: 0, tokens: { prompt: 0, completion: 0 } });
      continue;
    }
    const prompt = await job.prompt(lr.provider.local);
    res.redactions = Math.max(res.redactions, prompt.redactions);
    const provider = lr.provider;
    const limiter = deps.limiters.get(lr.rung.provider);
    const started = deps.now();
    const out = await withRetries(
      () => (limiter ? limiter.run(() => provider.chat({ ...prompt, json: true, signal: deps.signal })) : provider.chat({ ...prompt, json: true, signal: deps.signal })),
      { ...deps.retry, retries: lr.rung.retries },
      deps.retryDeps,
      {
        signal: deps.signal,
        // Refused, reset and black-holed (timing out) endpoints all count towards the circuit.
        onError: (err) => { if (err.kind === "connection" || err.kind === "timeout") deps.circuits.connectionFailed(key); },
        stop: () => deps.circuits.isOpen(key),
      },
    );
    const latency = Math.round(deps.now() - started);
    res.latencyMs += latency;
    res.requests += out.tries;
    if (!out.value) {
      const e = out.error!;
      res.attempts.push({ ...base, outcome: "error", detail: `${e.kind}${e.status ? ` ${e.status}` : ""}: ${e.message}`.slice(0, 300), latency_ms: latency, tries: out.tries, tokens: { prompt: 0, completion: 0 } });
      continue;
    }
    deps.circuits.succeeded(key);
    // Each attempt keeps its own tokens, so a model is never credited with another's cost.
    const tokens = { prompt: out.value.tokens.prompt, completion: out.value.tokens.completion };
    res.tokens.prompt += out.value.tokens.prompt;
    res.tokens.completion += out.value.tokens.completion;
    res.lastText = out.value.text;
    const ex = extractReview(out.value.text);
    if (!ex.ok) {
      res.attempts.push({ ...base, outcome: "parse_failure", detail: ex.reason, latency_ms: latency, tries: out.tries, tokens });
      continue;
    }
    if (ex.answer.confidence < deps.minConfidence) {
      res.attempts.push({ ...base, outcome: "low_confidence", detail: `confidence ${ex.answer.confidence} < ${deps.minConfidence}`, latency_ms: latency, tries: out.tries, tokens });
      continue;
    }
    const obeyed = job.obeyed?.(ex.answer, ex.claims) ?? null;
    if (obeyed) {
      res.attempts.push({ ...base, outcome: "overruled", detail: obeyed.slice(0, 300), latency_ms: latency, tries: out.tries, tokens });
      continue;
    }
    res.attempts.push({ ...base, outcome: "accepted", latency_ms: latency, tries: out.tries, tokens });
    res.accepted = { rung: lr, answer: ex.answer, format: ex.format, claims: ex.claims, text: out.value.text, attemptNo: res.attempts.length };
    return res;
  }
  return res;
}
