// TRACE: one file across iterations. The score history is one grouped query (every iteration, a few numbers
// each); the detail (findings, verdicts, provenance) comes a page of iterations at a time, newest first.
import type { DbContext, Row } from "./ui-db";

/** Iterations of detail per page. */
export const TRACE_PAGE = 8;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function chunkOf(r: Row) {
  const attempts = (() => {
    try {
      return (JSON.parse(String(r.attempts ?? "[]")) as { model?: string; outcome?: string; latency_ms?: number; tries?: number }[])
        .map((a) => ({ model: a.model ?? null, outcome: a.outcome ?? null, latency_ms: a.latency_ms ?? null, tries: a.tries ?? null }));
    } catch {
      return [];
    }
  })();
  return {
    chunk: Number(r.chunk), chunks: Number(r.chunks), status: r.status, verdict: r.verdict, score: num(r.score), confidence: num(r.confidence),
    provider: r.provider, model: r.model, summary: r.summary, error: r.error, prompt: { name: r.prompt_name, sha256: r.prompt_sha256 },
    policy_version: r.policy_version, run_id: r.run_id, commit: r.commit, created_at: r.created_at, tier: r.gradient_tier,
    output_format: r.output_format, targeted: Boolean(r.targeted_by_fixwave), cached: Boolean(r.cached),
    findings: (r.critical_failures as Row[] | null) ?? [], verified: ((r.verified_components as Row[] | null) ?? []).map((c) => c.title),
    missing: ((r.missing_components as Row[] | null) ?? []).map((c) => c.title),
    static_findings: ((r.static_findings as Row[] | null) ?? []).map((s) => ({ rule: s.rule_id, class: s.class, severity: s.severity, line: num(s.line), message: s.message, model_verdict: s.model_verdict })),
    attempts,
  };
}

export async function traceView(ctx: DbContext, file: string, before: number | undefined) {
  const history = await ctx.q(
    "SELECT iter, score, criticals, tier, chunks, failed_chunks, models, targeted FROM file_scores WHERE file = $1 ORDER BY iter", [file]);
  if (!history.length) return null;
  await ctx.need("ui_signals");
  const [signal] = await ctx.q("SELECT * FROM ui_signals WHERE file = $1", [file]);
  const older = history.map((h) => Number(h.iter)).filter((i) => before === undefined || i < before).reverse();
  const page = older.slice(0, TRACE_PAGE);
  const rows = page.length ? await ctx.q(
    `SELECT * FROM reviews WHERE file = $1 AND iter IN (${page.map((i) => Math.trunc(i)).join(", ")}) ORDER BY iter DESC, chunk`, [file]) : [];
  const iterations = page.map((iter) => {
    const h = history.find((x) => Number(x.iter) === iter)!;
    return {
      iter, score: num(h.score), criticals: Number(h.criticals), tier: h.tier, models: h.models, targeted: Boolean(h.targeted),
      chunks: rows.filter((r) => Number(r.iter) === iter).map(chunkOf),
    };
  });
  return {
    file,
    signal: signal ?? null,
    history: history.map((h) => ({ iter: Number(h.iter), score: num(h.score), criticals: Number(h.criticals), tier: h.tier })),
    iterations,
    /** The `before` for the next (older) page, or null. */
    next: older.length > page.length ? page[page.length - 1]! : null,
  };
}
