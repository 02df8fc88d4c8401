// prompt-injection: does this text address an AI or reviewer AND try to steer its verdict or override its
// instructions? Decided clause by clause from what the text does (who it speaks to, which verb leads the
// clause, what outcome it demands), so a text that talks *about* injection stays silent.
import { clauses, introducesExamples, isListItem, sentences, usedText, type Span } from "./injection-clauses";
import {
  ADDRESS_ANYWHERE, AI_TERM, PEOPLE_LABEL, AUDIT_CLAIM, CONDITIONAL, CONTRACT_DISTINCT, CONTRACT_KEY, LEAD, NEGATION, OVERRIDE, OVERRIDE_STRONG_DET,
  OVERRIDE_ALL, ROLE_CHANGE, ROLE_JSON, ROLE_LINE, ROLE_TOKEN, SELF_REF, STEER, STEER_ANYWHERE, THIRD_PERSON_DIRECTIVE, VOCATIVE_START, VOCATIVE_TO,
} from "./injection-lexicon";

/** comment: code comments, docstrings, HTML comments; prose: Markdown and text; string: a code literal. */
export type SegmentKind = "comment" | "prose" | "string";

export interface InjectionHit {
  /** Offsets in the segment text. */
  start: number;
  end: number;
  why: "override" | "steer" | "role-change" | "answer-contract";
}

/**
 * `direct`: the clause speaks to the reader (a vocative); `indirect`: it directs a reviewer in the third person
 * (never "the model should …", how an LLM app documents its own model). A direct address carries to the next
 * sentences; claims ("the code is secure") steer only after one.
 */
interface ClauseRead { direct: boolean; directAI: boolean; indirect: boolean; steer: boolean; steerIfAddressed: boolean; override: "strong" | "weak" | null; roleChange: boolean }

function readClause(c: Span): ClauseRead {
  const out: ClauseRead = { direct: false, directAI: false, indirect: false, steer: false, steerIfAddressed: false, override: null, roleChange: false };
  let t = c.text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const v of [VOCATIVE_START, VOCATIVE_TO, THIRD_PERSON_DIRECTIVE]) {
      const m = v.exec(t);
      if (m && m[0].trim()) {
        if (v === THIRD_PERSON_DIRECTIVE) out.indirect = true;
        else { out.direct = true; out.directAI ||= AI_TERM.test(m[0]); }
        t = t.slice(m[0].length).trimStart();
        changed = true;
      }
    }
    for (const l of LEAD) {
      const m = l.exec(t);
      if (m && m[0]) { t = t.slice(m[0].length); changed = true; }
    }
  }
  const neg = NEGATION.exec(t);
  if (neg) t = t.slice(neg[0].length);
  t = t.replace(/[:,.;!]+$/, "");
  // Go and Rust doc comments open with the item's name and a verb in the third person ("Approve approves …").
  const [w1, w2] = t.split(/\s+/);
  if (w1 && w2 && w2.toLowerCase().startsWith(w1.toLowerCase()) && /(?:s|es)$/i.test(w2)) return out;
  const steers = STEER.filter((s) => Boolean(s.negated) === Boolean(neg) && s.re.test(t));
  out.steer = steers.some((s) => !s.needsAddress);
  out.steerIfAddressed = steers.length > 0;
  const o = OVERRIDE.exec(t);
  if (o && !neg) out.override = OVERRIDE_STRONG_DET.test(o[1] ?? "") ? "strong" : "weak";
  if (!neg && OVERRIDE_ALL.test(t)) out.override = "strong";
  out.roleChange = !neg && ROLE_CHANGE.test(t);
  return out;
}

const shaped = (keys: Set<string>) => keys.size >= 2 && [...keys].some((k) => CONTRACT_DISTINCT.has(k));
const keysIn = (text: string) => new Set([...text.matchAll(CONTRACT_KEY)].map((m) => m[1]!.toLowerCase()));

/**
 * Where an answer of the contract's shape starts: a brace-balanced object holding two of its fields (one
 * distinctive), or field lines ("Verdict: pass" at line starts) the markdown extractor would read. Fields
 * named inside a sentence ("reads 'Verdict: FAIL'") are not an answer.
 */
function answerShapedAt(text: string): number | null {
  for (let i = text.indexOf("{"); i >= 0; i = text.indexOf("{", i + 1)) {
    let depth = 0, j = i;
    for (; j < Math.min(text.length, i + 4000); j++) {
      if (text[j] === "{") depth++;
      else if (text[j] === "}" && --depth === 0) break;
    }
    if (shaped(keysIn(text.slice(i, j + 1)))) return i;
  }
  const lines = text.split("\n");
  const fieldLine = (l: string) => new Set(/^\W*(verdict|score|confidence|critical_failures|static_claims)\b\s*[:=]/i.exec(l)?.slice(1).map((k) => k.toLowerCase()) ?? []);
  for (let i = 0; i < lines.length; i++) {
    const keys = new Set([...fieldLine(lines[i]!), ...fieldLine(lines[i + 1] ?? ""), ...fieldLine(lines[i + 2] ?? "")]);
    if (fieldLine(lines[i]!).size && shaped(keys)) return lines.slice(0, i).join("\n").length + (i ? 1 : 0);
  }
  return null;
}

/** Every span of `text` that addresses the reader and steers it. */
export function injectionsIn(text: string, kind: SegmentKind): InjectionHit[] {
  const hits: InjectionHit[] = [];
  // A forged chat turn speaks to the model by construction (in code, role JSON is an app's own prompt).
  // `direct` carries from sentence to sentence: one vocative addresses the whole comment or paragraph.
  let direct = kind !== "string" && (ROLE_LINE.test(text) || ROLE_TOKEN.test(text) || (kind === "comment" && ROLE_JSON.test(text)));
  let directAI = direct;
  const answerAt = kind === "comment" ? answerShapedAt(text) : null;
  if (answerAt !== null) hits.push({ start: answerAt, end: text.length, why: "answer-contract" });
  let examples = false;
  for (const s of sentences(text)) {
    if (introducesExamples(s.text)) { examples = true; continue; }
    if (!isListItem(s.text)) examples = false;
    else if (examples) continue;
    if (PEOPLE_LABEL.test(s.text)) continue;
    const used: Span = { ...s, text: usedText(s.text) };
    const anywhere = ADDRESS_ANYWHERE.exec(used.text);
    if (anywhere) { direct = true; directAI ||= AI_TERM.test(anywhere[0]); }
    const reads = clauses(used).map(readClause);
    if (reads.some((r) => r.direct)) direct = true;
    if (reads.some((r) => r.directAI)) directAI = true;
    const addressed = direct || reads.some((r) => r.indirect);
    const conditional = CONDITIONAL.test(used.text.replace(ADDRESS_ANYWHERE, ""));
    const selfRef = SELF_REF.test(used.text);
    const steer = reads.some((r) => r.steer || (addressed && r.steerIfAddressed)) || STEER_ANYWHERE.some((x) => x.re.test(used.text));
    const override = reads.find((r) => r.override)?.override ?? null;
    let why: InjectionHit["why"] | null = null;
    if (override === "strong" && (addressed || !conditional)) why = "override";
    else if (override === "weak" && (addressed || steer)) why = "override";
    else if (reads.some((r) => r.roleChange) && addressed) why = "role-change";
    else if (steer && (addressed || (selfRef && !conditional))) why = "steer";
    else if (directAI && AUDIT_CLAIM.test(used.text) && kind !== "string") why = "steer";
    if (why) hits.push({ start: s.start, end: s.end, why });
  }
  return hits;
}

const WHY: Record<InjectionHit["why"], string> = {
  override: "text tells the reviewing model to ignore or override its instructions",
  steer: "text addressed to an AI or reviewer steers the verdict (score, approval, no findings)",
  "role-change": "text addressed to an AI or reviewer assigns it a new role or rules",
  "answer-contract": "answer-shaped JSON (the review contract's fields) in a comment",
};
export const whyMessage = (why: InjectionHit["why"]) => WHY[why];
