// prompt-injection: does this text address an AI or reviewer AND try to steer its verdict or override its
// instructions? Decided clause by clause from what the text does (who it speaks to, which verb leads the
// clause, what outcome it demands), so a text that talks *about* injection stays silent.
import { ENGLISH } from "./english-grammar";
import { clauses, isListItem, sentences, usedText, type Span } from "./injection-clauses";
import type { ClauseRead, Grammar } from "./injection-grammar";
import { grammars } from "./injection-grammars";
import { CONTRACT_DISTINCT, CONTRACT_KEY, PEOPLE_LABEL, ROLE_JSON, ROLE_LINE, ROLE_TOKEN } from "./injection-lexicon";
import { normalise } from "./normalise-text";

/** comment: code comments, docstrings, HTML comments and hidden elements; prose: Markdown and text; string: a code literal. */
export type SegmentKind = "comment" | "prose" | "string";

export interface InjectionHit {
  /** Offsets in the segment text. */
  start: number;
  end: number;
  why: "override" | "steer" | "role-change" | "answer-contract";
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

export interface InjectionOptions {
  /** Words that introduce the segment (the heading above a paragraph, a data file's key): a machine addressed there is addressed here. */
  context?: string;
  /** The grammars to read with (default: English and every language file). */
  grammars?: Grammar[];
}

const contextCache = new Map<string, boolean>();

/** Does this heading or key name a machine reader ("Notes for AI reviewers", "llm_instructions", "Hinweise für die KI")? */
export function addressesMachine(context: string, all: Grammar[] = grammars()): boolean {
  let got = contextCache.get(context);
  if (got === undefined) {
    const words = context.replace(/^#+\s*/, "").replace(/[_.]+/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").trim();
    const said = words.replace(/[:：,，]?\s*$/u, ":");
    got = all.some((g) => g.namesReviewer(said) && (g.clause(said).directAI || g.sentence(said).directAI));
    if (contextCache.size > 10_000) contextCache.clear();
    contextCache.set(context, got);
  }
  return got;
}

/** Latin-script languages share words: a text is read with those within this factor of the best share. */
const RIVAL_SHARE = 0.6;

/** The grammars to read a text with: English always, and each other language the text may be written in. */
function readWith(all: Grammar[], text: string): Grammar[] {
  const candidates = all.filter((g) => g === ENGLISH || g.mayInject(text));
  const shares = new Map(candidates.filter((g) => g.share).map((g) => [g, g.share!(text)]));
  const best = Math.max(0, ...shares.values());
  return candidates.filter((g) => !shares.has(g) || shares.get(g)! >= best * RIVAL_SHARE);
}

const OWN_WORK = /\bthis\s+(?:repository|repo|codebase|project|crate|package|file|module|pull\s+request|PR|commit)\b/i;

/** A line wrapped inside a comment or paragraph is one space to the grammar ("code-review\n * assistants"). */
const flat = (s: string) => s.replace(/\s*\n\s*/g, " ");

/** Every span of `text` that addresses the reader and steers it. */
export function injectionsIn(raw: string, kind: SegmentKind, opts: InjectionOptions = {}): InjectionHit[] {
  // Read through zero-width characters and fullwidth or mathematical letters (hidden or disguised words); offsets map back.
  const norm = normalise(raw);
  const text = norm?.text ?? raw;
  const all = opts.grammars ?? grammars();
  const active = readWith(all, text);
  const hits: InjectionHit[] = [];
  // A forged chat turn speaks to the model by construction (in code, role JSON is an app's own prompt).
  // `direct` carries from sentence to sentence: one vocative addresses the whole comment or paragraph.
  // In a literal, chat turns that speak of this repository or file are forged for its reviewer, not the app's prompt.
  const forged = ROLE_LINE.test(text) || ROLE_TOKEN.test(text);
  let direct = kind !== "string" ? forged || (kind === "comment" && ROLE_JSON.test(text)) : forged && OWN_WORK.test(text);
  if (!direct && opts.context && addressesMachine(opts.context, all)) direct = true;
  let directAI = direct;
  const answerAt = kind === "comment" ? answerShapedAt(text) : null;
  if (answerAt !== null) hits.push({ start: answerAt, end: text.length, why: "answer-contract" });
  let examples = false;
  const answerLead = (before: string) => active.some((g) => g.answerLead(before));
  for (const s of sentences(text)) {
    if (active.some((g) => g.introducesExamples(s.text))) { examples = true; continue; }
    if (!isListItem(s.text)) examples = false;
    else if (examples) continue;
    if (PEOPLE_LABEL.test(s.text)) continue;
    const used: Span = { ...s, text: usedText(s.text, answerLead) };
    const whole = active.map((g) => g.sentence(flat(used.text)));
    if (whole.some((r) => r.direct)) direct = true;
    if (whole.some((r) => r.directAI)) directAI = true;
    const reads: ClauseRead[] = clauses(used).flatMap((c) => active.map((g) => g.clause(flat(c.text))));
    if (reads.some((r) => r.direct)) direct = true;
    if (reads.some((r) => r.directAI)) directAI = true;
    const addressed = direct || reads.some((r) => r.indirect);
    const conditional = whole.some((r) => r.conditional);
    const selfRef = whole.some((r) => r.selfRef);
    const steer = reads.some((r) => r.steer || (addressed && r.steerIfAddressed)) || whole.some((r) => r.steer);
    const override = reads.find((r) => r.override === "strong")?.override ?? reads.find((r) => r.override)?.override ?? null;
    let why: InjectionHit["why"] | null = null;
    // An application's own prompt in a string literal (`const summaryPrompt = 'Ignore previous instructions. Summarize
    // the story so far.'`, sent to the user's model) overrides and then asks for a task: only an override that also
    // steers a verdict, names the reviewer or hands out a role is aimed at a review.
    const appPrompt = kind === "string" && !steer && !reads.some((r) => r.roleChange || r.indirect) && !whole.some((r) => r.directAI || r.auditClaim);
    if (override === "strong" && (addressed || !conditional) && !appPrompt) why = "override";
    else if (override === "weak" && (addressed || steer) && !appPrompt) why = "override";
    else if (reads.some((r) => r.roleChange) && addressed) why = "role-change";
    else if (steer && (addressed || (selfRef && !conditional))) why = "steer";
    else if (directAI && whole.some((r) => r.auditClaim) && kind !== "string") why = "steer";
    if (why) hits.push({ start: s.start, end: s.end, why });
  }
  return norm ? hits.map((h) => ({ ...h, start: norm.at[h.start]!, end: norm.at[h.end]! })) : hits;
}

const WHY: Record<InjectionHit["why"], string> = {
  override: "text tells the reviewing model to ignore or override its instructions",
  steer: "text addressed to an AI or reviewer steers the verdict (score, approval, no findings)",
  "role-change": "text addressed to an AI or reviewer assigns it a new role or rules",
  "answer-contract": "answer-shaped JSON (the review contract's fields) in a comment",
};
export const whyMessage = (why: InjectionHit["why"]) => WHY[why];
