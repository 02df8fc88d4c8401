// Model text → typed review. Never throws: an answer that yields no review is a parse failure value.
import { ReviewAnswer } from "../kb/schemas/review-answer";
import { jsonObjects } from "./json-candidates";
import { parseMarkdownAnswer } from "./markdown-answer";
import { lowerKeys, normalizeConfidence, normalizeItems, normalizeScore, normalizeVerdict } from "./normalize";

export interface StaticClaimAnswer {
  id: string;
  verdict: "confirmed" | "rejected";
  reason?: string;
}

export type Extraction =
  | { ok: true; answer: ReviewAnswer; format: "json" | "markdown"; claims: StaticClaimAnswer[] }
  | { ok: false; reason: string };

const ALIASES: Record<string, string[]> = {
  critical_failures: ["critical_failures", "critical_issues", "criticals", "failures", "critical"],
  verified_components: ["verified_components", "verified", "verified_claims"],
  missing_components: ["missing_components", "missing"],
  summary: ["summary", "overall", "notes"],
};

function pick(o: Record<string, unknown>, name: string): unknown {
  for (const k of ALIASES[name] ?? [name]) if (o[k] !== undefined) return o[k];
  return undefined;
}

function claimsFrom(v: unknown): StaticClaimAnswer[] {
  if (!Array.isArray(v)) return [];
  const out: StaticClaimAnswer[] = [];
  for (const c of v) {
    if (!c || typeof c !== "object") continue;
    const o = lowerKeys(c as Record<string, unknown>);
    const id = typeof o.id === "string" ? o.id.trim().toUpperCase() : typeof o.id === "number" ? `S${o.id}` : null;
    const verdict = typeof o.verdict === "string" ? o.verdict.toLowerCase().trim() : "";
    if (!id || (verdict !== "confirmed" && verdict !== "rejected")) continue;
    out.push({ id, verdict, reason: typeof o.reason === "string" ? o.reason : undefined });
  }
  return out;
}

function build(fields: Record<string, unknown>): { answer?: ReviewAnswer; missing: string[] } {
  const verdict = normalizeVerdict(fields.verdict);
  const score = normalizeScore(fields.score);
  const confidence = normalizeConfidence(fields.confidence);
  const missing: string[] = [];
  if (!verdict) missing.push("verdict");
  if (score === undefined) missing.push("score");
  if (confidence === undefined) missing.push("confidence");
  if (missing.length) return { missing };
  const candidate = {
    verdict,
    score,
    confidence,
    critical_failures: normalizeItems(pick(fields, "critical_failures")),
    verified_components: normalizeItems(pick(fields, "verified_components")),
    missing_components: normalizeItems(pick(fields, "missing_components")),
    summary: typeof pick(fields, "summary") === "string" ? (pick(fields, "summary") as string) : "",
  };
  const r = ReviewAnswer.safeParse(candidate);
  return r.success ? { answer: r.data, missing: [] } : { missing: [r.error.issues[0]?.path.join(".") ?? "shape"] };
}

export function extractReview(text: string): Extraction {
  if (!text || !text.trim()) return { ok: false, reason: "empty answer" };
  let best: string[] | null = null;
  for (const raw of jsonObjects(text)) {
    const o = lowerKeys(raw);
    const fields = o.review && typeof o.review === "object" ? lowerKeys(o.review as Record<string, unknown>) : o;
    const { answer, missing } = build(fields);
    if (answer) return { ok: true, answer, format: "json", claims: claimsFrom(fields.static_claims ?? o.static_claims) };
    if (!best || missing.length < best.length) best = missing;
  }
  const md = parseMarkdownAnswer(text);
  const { answer, missing } = build({ ...md });
  if (answer) {
    const claims = md.claims.filter((c): c is StaticClaimAnswer => c.verdict === "confirmed" || c.verdict === "rejected");
    return { ok: true, answer, format: "markdown", claims };
  }
  const why = best ? `JSON answer lacks ${best.join(", ")}` : `no JSON object and markdown lacks ${missing.join(", ")}`;
  return { ok: false, reason: why };
}
