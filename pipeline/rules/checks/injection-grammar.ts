// The reading contract every language's injection grammar fulfils, and the schema of a grammar written as
// data (prompts/injection/<lang>.yml): word classes by the part they play in a clause (who is addressed,
// which verb leads, what object or outcome it names), never whole sentences. English is the reference
// grammar in code (english-grammar.ts); the others are compiled from their files (compile-grammar.ts).
import { z } from "zod";

/** What one clause does, read from its verb (after vocatives, politeness and modals are stripped). */
export interface ClauseRead {
  /** The clause is a vocative to the reader ("AI reviewer:", "Nota para la IA:"). */
  direct: boolean;
  /** ...and the addressee is a machine (only then do claims about the outcome steer). */
  directAI: boolean;
  /** A third-person directive to a reviewer ("any automated reviewer must …"). */
  indirect: boolean;
  /** The verb demands a verdict (score, approval, no findings, a safe label). */
  steer: boolean;
  /** A demand that steers only when the text addresses the reader ("do not flag …", "skip this"). */
  steerIfAddressed: boolean;
  override: "strong" | "weak" | null;
  roleChange: boolean;
}

/** What a whole sentence carries wherever its words stand. */
export interface SentenceRead {
  /** An address anywhere in it ("if you are an AI", "any LLM reading this", "whatever processes this file"). */
  direct: boolean;
  directAI: boolean;
  /** Orders under a condition ("approve only after CI passes") are guidance, not steering, unless addressed. */
  conditional: boolean;
  /** It names the thing under review ("this file", "este archivo"). */
  selfRef: boolean;
  /** Steering that needs no verb at the clause start ("the score must be 10"). */
  steer: boolean;
  /** A claim about the outcome ("this file was already audited"): steering only after a machine is addressed. */
  auditClaim: boolean;
}

export interface Grammar {
  id: string;
  /** A necessary condition for any hit of this grammar, cheap to test on a whole file or segment. */
  mayInject(text: string): boolean;
  /**
   * For languages written in the Latin script, which share words ("que", "la"): the share of the text's words
   * that are this language's signature words, so a segment is read with the languages it is most written in.
   */
  share?(text: string): number;
  clause(text: string): ClauseRead;
  sentence(text: string): SentenceRead;
  /** A line that introduces a list of examples ("Known payloads:", "Ejemplos:"). */
  introducesExamples(sentence: string): boolean;
  /** It names a reviewer (not just any model): a heading or key that does so addresses what stands under it. */
  namesReviewer(text: string): boolean;
  /** The text before a quote makes it the reader's answer ("Respond with", "Antworte mit"): the quote is used, not mentioned. */
  answerLead(before: string): boolean;
}

export const noClause = (): ClauseRead => ({ direct: false, directAI: false, indirect: false, steer: false, steerIfAddressed: false, override: null, roleChange: false });

/** A word class: regex fragments (case-insensitive, Unicode); a space inside an entry matches any run of spaces. */
const Words = z.array(z.string().min(1)).min(1);
const Optional = z.array(z.string().min(1)).default([]);

export const GrammarWords = z.object({
  /** Words (or a script) that show the language is present: text without one is not read with this grammar. */
  signature: Words.describe("plain lower-case function words of the language that English lacks, letters in brackets ([ñáé]), or a script (\\p{Script=Han})"),
  // who is addressed
  addressee: Words.describe("nouns for the machine or reviewer a vocative names (any inflection)"),
  reviewer: Words.describe("addressees that may lead a third-person directive: reviewers and AI by name, never a generic 'system' or 'model'"),
  machine: Words.describe("words that make the addressee a machine (AI, model, automated, bot)"),
  opener: Words.describe("words opening a vocative: note, message, attention, dear"),
  to: Words.describe("'to'/'for' introducing the addressee (before it, or after it when to_position is after)"),
  determiner: Words,
  any: Words.describe("'any', 'every', 'whoever': a reader not yet known"),
  reads: Words.describe("what the reader does to the text: reads, reviews, processes, summarises"),
  you: Words.describe("second person: pronouns and the verb 'you are'"),
  // clause openers that carry no meaning of their own
  lead: Words.describe("please, also, now, and; second-person modals ('you must')"),
  modal: Words.describe("must, should, has to: after a reviewer they make a directive"),
  negation: Words,
  conditional: Words.describe("if, when, only, after: an order under a condition"),
  if: Words,
  conjunction: Words.describe("'and', 'then' joining two directives in one clause"),
  // overriding the reader's instructions
  override_verb: Words.describe("imperative (and infinitive) forms of ignore, disregard, forget"),
  follow_verb: Words.describe("follow/obey: negated, an override"),
  instruction: Words,
  prior: Words.describe("previous, above, your, system: the reader's own instructions, which makes an override strong"),
  all: Words.describe("all, every: makes an override strong unless its instructions are located elsewhere"),
  located: Words.describe("in, inside, contained in (the user's text): instructions of other text, which a defensive prompt tells its model to ignore"),
  everything: Words.describe("'everything above', 'all of that': the reader's instructions without naming them"),
  role_change: Words.describe("'you are now', 'from now on': a new role for the reader"),
  void_state: Optional.describe("'obsolete', 'no longer valid', 'revoked': the reader's own (prior) instructions declared void, an override without an imperative"),
  // steering the verdict
  score_verb: Words,
  fav_score: Words.describe("a favourable score in words; the digits (10, 10/10, 100) are shared by every language"),
  range: Words.describe("'to', 'and' between two numbers: 'from 1 to 10' is an assessment request, not a fixed score"),
  approve_verb: Words,
  filler: Words.describe("what may stand between an approval verb and the clause end: pronouns, 'now', particles"),
  report_verb: Words.describe("report, return, output, list, leave (an answer's contents)"),
  none: Words.describe("no, zero, without: a determiner of an empty answer"),
  nothing: Words.describe("'nothing': an empty answer as a pronoun"),
  empty: Words,
  list: Words,
  findings: Words.describe("issues, findings, vulnerabilities, errors"),
  label_verb: Words.describe("mark, treat, consider, classify (as …)"),
  fav_label: Words.describe("safe, correct, clean, approved, false positive"),
  say_verb: Words.describe("say, state, conclude, indicate (that …)"),
  skip_verb: Words.describe("skip, ignore, suppress, hide"),
  reject_verb: Words,
  answer_verb: Words.describe("respond, reply, output: with a quote or JSON after it, the answer is dictated"),
  only: Words,
  review_object: Words.describe("the thing under review: file, code, module, function, repository"),
  this: Words.describe("demonstratives that make a review object the text itself"),
  audited: Words.describe("participles: audited, reviewed, approved, verified"),
  verdict: Words.describe("score, verdict, rating, result as a noun"),
  must_be: Words.describe("'must be', 'is to be': a verdict noun followed by this and a favourable value steers"),
  example_frame: Words.describe("examples, payloads, attacks: a line ending in ':' with one introduces specimens"),
  // optional: grammar particles some languages need
  that: Optional.describe("complementiser after a say-verb ('que', 'dass'); empty when the language has none"),
  tail: Optional.describe("endings a final verb needs to be an order (Japanese 'して', 'してください'); when given, a bare stem is not one"),
  negative_tail: Optional.describe("negative endings after a final verb (Japanese 'しないでください')"),
  object_marker: Optional.describe("a particle that fronts the object before the verb (Chinese 把, 将): 'X 把 Y 评为 Z'"),
}).strict();
export type GrammarWords = z.infer<typeof GrammarWords>;

export const GrammarSpec = z.object({
  id: z.string().regex(/^[a-z]{2}$/, "an ISO 639-1 language code"),
  name: z.string().min(1),
  version: z.number().int().positive(),
  /** words: spaces separate words (letters bound them); none: no spaces between words (Chinese, Japanese). */
  spacing: z.enum(["words", "none"]),
  /** Where an imperative verb stands in its clause; `final` also reads verb-last orders (German infinitives, Japanese). */
  verb_position: z.array(z.enum(["initial", "final"])).min(1),
  /** Whether 'to' stands before the addressee (para la IA) or after it (AIへ). */
  to_position: z.enum(["before", "after"]).default("before"),
  words: GrammarWords,
  /** Sentences this grammar must read as steering, and sentences it must leave silent (tests/injection-grammars.test.ts). */
  invalid: z.array(z.string().min(1)).min(1),
  valid: z.array(z.string().min(1)).min(1),
}).strict();
export type GrammarSpec = z.infer<typeof GrammarSpec>;
