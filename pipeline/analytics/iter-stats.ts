// Per-iteration figures that are counted per review row (chunk): acceptance, JSON emission, requests, tokens.
import type { ReviewRow } from "../kb/schemas/review-row";

export interface ModelIterStats {
  model: string;
  provider: string | null;
  accepted: number;
  first_attempt: number;
  /** first_attempt / accepted */
  first_attempt_rate: number | null;
  json: number;
  /** json / accepted */
  json_rate: number | null;
}

export interface IterStats {
  iter: number;
  rows: number;
  accepted: number;
  first_attempt: number;
  json: number;
  requests: number;
  tokens: { prompt: number; completion: number };
  prompts: { name: string; sha256: string }[];
  models: ModelIterStats[];
}

export const rate = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** Requests are HTTP tries over every attempt a row recorded, retries included. */
export function iterStats(rows: readonly ReviewRow[]): IterStats[] {
  const byIter = new Map<number, ReviewRow[]>();
  for (const r of rows) {
    const g = byIter.get(r.iter);
    if (g) g.push(r);
    else byIter.set(r.iter, [r]);
  }
  return [...byIter.entries()].sort((a, b) => a[0] - b[0]).map(([iter, g]) => {
    const models = new Map<string, ModelIterStats>();
    const prompts = new Map<string, { name: string; sha256: string }>();
    let accepted = 0, first = 0, json = 0, requests = 0, tp = 0, tc = 0;
    for (const r of g) {
      prompts.set(r.prompt.sha256, r.prompt);
      requests += r.attempts.reduce((s, a) => s + a.tries, 0);
      tp += r.tokens.prompt;
      tc += r.tokens.completion;
      if (r.status !== "accepted") continue;
      accepted++;
      const isFirst = r.accepted_on_attempt === 1;
      const isJson = r.output_format === "json";
      if (isFirst) first++;
      if (isJson) json++;
      const key = r.model ?? "(unknown)";
      const m = models.get(key) ?? { model: key, provider: r.provider, accepted: 0, first_attempt: 0, first_attempt_rate: null, json: 0, json_rate: null };
      m.accepted++;
      if (isFirst) m.first_attempt++;
      if (isJson) m.json++;
      models.set(key, m);
    }
    const ms = [...models.values()].map((m) => ({ ...m, first_attempt_rate: rate(m.first_attempt, m.accepted), json_rate: rate(m.json, m.accepted) }));
    ms.sort((a, b) => b.accepted - a.accepted || (a.model < b.model ? -1 : 1));
    const ps = [...prompts.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
    return { iter, rows: g.length, accepted, first_attempt: first, json, requests, tokens: { prompt: tp, completion: tc }, prompts: ps, models: ms };
  });
}
