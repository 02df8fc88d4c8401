// What the extractors find in a message (one type per claim kind) and what a checker returns for it.
import type { ClaimKind } from "../core/config";
import type { AuditJudge, ClaimStatus } from "../kb/schemas/audit-row";
import type { IterScope } from "./iterations";
import type { Message } from "./message";
import type { Written } from "./numbers";

interface Base {
  kind: ClaimKind;
  /** The claim as written (the matched span, or the whole sentence for facts). */
  text: string;
  line: number;
  /** Offsets of `text` in its line, so other grammars can skip it. */
  start: number;
  end: number;
}

export interface ScoreClaim extends Base {
  kind: "score_movement";
  path: string;
  before: Written;
  after: Written;
  iters: IterScope;
}

export type Metric =
  | "mean" | "movement" | "first_attempt" | "json" | "verified_components" | "signal" | "gradient" | "requests" | "tokens" | "parse_failures";

/** One number of an aggregate claim: which figure, of which side, written how. */
export interface Figure {
  /** e.g. "mean", "delta", "up", "first_attempt", "rows", "rate" (a percentage), "CONVERGING", "dry_run". */
  name: string;
  side: "from" | "to";
  written: Written;
}

export interface AggregateClaim extends Base {
  kind: "aggregate";
  metric: Metric;
  figures: Figure[];
  iters: IterScope;
  /** Per-model metrics (JSON, first attempt): words before the figure that may name a model ("kimi: 20/21 JSON"). */
  subjects?: string[];
}

export interface TestCountClaim extends Base {
  kind: "test_count";
  before: Written;
  after: Written;
  /** Scope names on the claim's line (paths, `code`, "in gateway"), then the other paths of its paragraph. */
  lineScopes: string[];
  paragraphScopes: string[];
}

export interface WiringClaim extends Base {
  kind: "wiring";
  /** The symbol said to be wired; null when the sentence only says a suppression was removed from a path. */
  symbol: string | null;
  verb: string;
  /** A suppression the text says was removed (`#[allow(dead_code)]`, `eslint-disable`, `# noqa`), as written. */
  suppression: string | null;
  /** A path named in the same sentence, used to find the definition (or the suppression) when given. */
  path: string | null;
}

export interface ChangedFileClaim extends Base {
  kind: "changed_file";
  path: string;
  /** Listed as deleted/removed: REV must have deleted it instead. */
  removed: boolean;
}

export interface FactClaim extends Base {
  kind: "fact";
}

export type Claim = ScoreClaim | AggregateClaim | TestCountClaim | WiringClaim | ChangedFileClaim | FactClaim;

/** What extractors may need beyond the text: the signal names the policy knows. */
export interface ExtractContext {
  signals: readonly string[];
}

export type Extractor = (msg: Message, ctx: ExtractContext) => Claim[];

/** A checker's answer for one claim. */
export interface Outcome {
  status: ClaimStatus;
  evidence: string;
  /** The repository file the claim resolved to, and a line when one is meaningful (SARIF, annotations). */
  file?: string | null;
  fileLine?: number | null;
  iters?: { from: number | null; to: number | null } | null;
  judge?: AuditJudge | null;
}

export const backed = (evidence: string, extra: Partial<Outcome> = {}): Outcome => ({ status: "backed", evidence, ...extra });
export const notBacked = (evidence: string, extra: Partial<Outcome> = {}): Outcome => ({ status: "not_backed", evidence, ...extra });
export const unverifiable = (evidence: string, extra: Partial<Outcome> = {}): Outcome => ({ status: "unverifiable", evidence, ...extra });
