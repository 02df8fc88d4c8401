// Normalise loosely-shaped answer values (verdict words, "4/10", "70%", string items) into the schema's.
import type { Item, Verdict } from "../kb/schemas/review-answer";

const VERDICTS: [RegExp, Verdict][] = [
  [/^(fail|failed|failing|reject|rejected|block|blocked|broken)$/, "fail"],
  [/^(concerns?|warn|warning|needs[ _-]?work|needs[ _-]?changes|partial|mixed|conditional)$/, "concerns"],
  [/^(pass|passed|passing|ok|okay|approve|approved|accept|accepted|lgtm)$/, "pass"],
];

export function normalizeVerdict(v: unknown): Verdict | undefined {
  if (typeof v !== "string") return undefined;
  const w = v.trim().toLowerCase().replace(/[*_`"'.!]/g, "").trim();
  for (const [re, verdict] of VERDICTS) if (re.test(w)) return verdict;
  return undefined;
}

/** 4, "4", "4/10", "45/100" → 0..10; anything else undefined. */
export function normalizeScore(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 && v <= 10 ? v : undefined;
  if (typeof v !== "string") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+))?\s*$/.exec(v);
  if (!m) return undefined;
  const n = Number(m[1]);
  const scale = m[2] ? Number(m[2]) : 10;
  if (scale <= 0) return undefined;
  const s = (n / scale) * 10;
  return s >= 0 && s <= 10 ? Math.round(s * 100) / 100 : undefined;
}

const WORD_CONFIDENCE: Record<string, number> = { "very high": 0.95, high: 0.85, medium: 0.6, moderate: 0.6, low: 0.3, "very low": 0.15 };

/**
 * 0.7, "0.7", "70%", 70, 8 → 0..1. A bare number above 1 is read on the scale it fits: up to 10 as
 * tenths (models that score 0–10 answer confidence the same way), up to 100 as a percentage.
 * The words high/medium/low map to fixed values (docs/DECISIONS.md).
 */
export function normalizeConfidence(v: unknown): number | undefined {
  let n: number | undefined;
  let percent = false;
  if (typeof v === "number") n = v;
  else if (typeof v === "string") {
    const t = v.trim().toLowerCase();
    if (t in WORD_CONFIDENCE) return WORD_CONFIDENCE[t];
    const m = /^(\d+(?:\.\d+)?)\s*(%)?$/.exec(t);
    if (m) { n = Number(m[1]); percent = Boolean(m[2]); }
  }
  if (n === undefined || !Number.isFinite(n) || n < 0) return undefined;
  if (percent) n = n / 100;
  else if (n > 1) n = n <= 10 ? n / 10 : n / 100;
  return n <= 1 ? n : undefined;
}

/** 12, "12", "L12", "line 12", "12-15", "file.ts:12" → 12. */
export function normalizeLine(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v > 0 ? v : undefined;
  if (typeof v !== "string") return undefined;
  const m = /(?:^|[^\w])(?:l(?:ines?)?\.?\s*#?\s*)?(\d+)/i.exec(v.trim());
  const n = m ? Number(m[1]) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const TITLE_KEYS = ["title", "name", "issue", "component", "finding", "description", "message", "what"];
const EVIDENCE_KEYS = ["evidence", "code", "quote", "snippet", "proof"];
const LINE_KEYS = ["line", "line_number", "lineno", "lines", "location", "start_line"];

/** A string or loosely-keyed object → Item; null when there is nothing to call a title. */
export function normalizeItem(v: unknown): Item | null {
  if (typeof v === "string") return v.trim() && !/^(none|n\/a|nothing)\.?$/i.test(v.trim()) ? { title: v.trim() } : null;
  if (!v || typeof v !== "object") return null;
  const o = lowerKeys(v as Record<string, unknown>);
  const title = TITLE_KEYS.map((k) => o[k]).find((x) => typeof x === "string" && x.trim()) as string | undefined;
  if (!title) return null;
  const item: Item = { title: title.trim() };
  const line = LINE_KEYS.map((k) => normalizeLine(o[k])).find((x) => x !== undefined);
  if (line !== undefined) item.line = line;
  const ev = EVIDENCE_KEYS.map((k) => o[k]).find((x) => typeof x === "string" && x.trim()) as string | undefined;
  if (ev) item.evidence = ev;
  return item;
}

export function normalizeItems(v: unknown): Item[] {
  if (v === undefined || v === null) return [];
  const arr = Array.isArray(v) ? v : [v];
  return arr.map(normalizeItem).filter((x): x is Item => x !== null);
}

/** Keys lower-cased and camelCase/space folded to snake_case ("criticalFailures" → "critical_failures"). */
export function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) {
    out[k.replace(/([a-z])([A-Z])/g, "$1_$2").replace(/[\s-]+/g, "_").toLowerCase()] = val;
  }
  return out;
}
