// Check every claim of one message: one loop, every claim recorded with its outcome, nothing dropped,
// each decision a named branch (the shape of ladder/run-ladder.ts).
import type { Config } from "../core/config";
import { ScrumError } from "../core/errors";
import { unverifiable, type Claim, type FactClaim, type Outcome } from "./claim";
import { checkAggregate } from "./check/aggregate";
import { checkChangedFile } from "./check/changed-file";
import { checkScoreMovement } from "./check/score-movement";
import { checkTestCount } from "./check/test-count";
import { checkWiring } from "./check/wiring";
import type { Evidence } from "./evidence";
import type { IdentifiedClaim } from "./extract-claims";

/** Judges a fact claim with a model (`--ladder`); absent when no ladder was named. */
export type Judge = (claim: FactClaim, ev: Evidence) => Promise<Outcome>;

export interface AuditedClaim {
  id: string;
  claim: Claim;
  outcome: Outcome;
  /** Its kind is in audit.blocking. */
  blocking: boolean;
  /** This outcome fails the audit. */
  blocks: boolean;
  method: "rules" | "ladder";
}

export interface AuditPolicy {
  blocking: readonly Config["audit"]["blocking"][number][];
  strict: boolean;
}

const NO_RULE = "no rule checks this kind of claim (`scrum audit --ladder NAME` asks a model, with the diff as evidence)";

async function decide(claim: Claim, ev: Evidence, judge: Judge | undefined): Promise<{ outcome: Outcome; method: AuditedClaim["method"] }> {
  const rules = (outcome: Outcome) => ({ outcome, method: "rules" as const });
  switch (claim.kind) {
    case "score_movement":
    case "aggregate": {
      // KB claims: without a KB there is nothing to hold them against.
      if (!ev.kb.ok) return rules(unverifiable(ev.kb.reason));
      return rules(claim.kind === "score_movement" ? await checkScoreMovement(claim, ev.kb.value) : await checkAggregate(claim, ev.kb.value));
    }
    case "test_count":
    case "wiring":
    case "changed_file": {
      // Code claims: they need REV's trees and diff.
      if (!ev.git.ok) return rules(unverifiable(ev.git.reason));
      const { repo, change } = ev.git.value;
      if (claim.kind === "test_count") return rules(await checkTestCount(claim, repo, change, ev.code));
      if (claim.kind === "wiring") return rules(await checkWiring(claim, repo, change, ev.code));
      return rules(await checkChangedFile(claim, repo, change));
    }
    case "fact": {
      // Facts: no rule checks them; a model may, given the diff, and only a checked citation counts.
      if (!judge) return rules(unverifiable(NO_RULE));
      if (!ev.git.ok) return rules(unverifiable(`no rule checks this kind of claim, and a model needs the diff: ${ev.git.reason}`));
      return { outcome: await judge(claim, ev), method: "ladder" };
    }
  }
}

export async function runAudit(claims: readonly IdentifiedClaim[], ev: Evidence, policy: AuditPolicy, judge?: Judge): Promise<AuditedClaim[]> {
  const out: AuditedClaim[] = [];
  for (const { id, claim } of claims) {
    const blocking = policy.blocking.includes(claim.kind);
    let decided: Awaited<ReturnType<typeof decide>>;
    try {
      decided = await decide(claim, ev, judge);
    } catch (e) {
      // Evidence that could not be read (git failed mid-way, the KB query failed) leaves the claim
      // unverifiable with the reason; a bug still surfaces as one.
      if (!(e instanceof ScrumError)) throw e;
      decided = { outcome: unverifiable(`evidence unavailable: ${e.message}`), method: "rules" };
    }
    const { outcome, method } = decided;
    const blocks = blocking && (outcome.status === "not_backed" || (policy.strict && outcome.status === "unverifiable"));
    out.push({ id, claim, outcome, blocking, blocks, method });
  }
  return out;
}
