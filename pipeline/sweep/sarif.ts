// SARIF 2.1.0 from review rows: one result per critical failure, with file and line when known, plus every
// prompt-injection finding of the floor (the model is the target of that text, so its verdict cannot clear it).
// Fits GitHub code scanning: distinct fingerprints per result, at most `maxResults` results a run (worst first).
import { pathToFileURL } from "node:url";
import type { ReviewRow } from "../kb/schemas/review-row";
import type { EvidenceVerdict } from "../kb/schemas/static-finding";
import type { RuleSpec } from "../rules/rule-spec";
import { descriptor, LEVEL, type SarifRule } from "./sarif-rules";

/** GitHub code scanning stores at most 5,000 results of a run (and rejects more than 25,000). */
export const GITHUB_RESULTS_PER_RUN = 5000;

export interface SarifTool {
  version: string;
  informationUri?: string;
  srcRoot?: string;
  /** The floor's rule files, for names, descriptions and help. */
  rules?: readonly RuleSpec[];
  /** Repository URL and commit, for versionControlProvenance. */
  repo?: string;
  commit?: string | null;
  maxResults?: number;
}

/** A repo-relative path as a URI reference: each segment percent-encoded ("a b#1%.ts" → "a%20b%231%25.ts"). */
export function fileUri(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function slug(s: string): string {
  return s.toLowerCase().replace(/^\[[^\]]+\]\s*/, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "finding";
}

/** `[class] title` from the static floor keeps its class; model titles fall under scrum/critical-failure. */
function classOf(title: string): string | null {
  return /^\[([a-z0-9-]+)\]/.exec(title)?.[1] ?? null;
}

interface Draft { level: "error" | "warning" | "note"; key: string; result: Record<string, unknown> }

const RANK = { error: 0, warning: 1, note: 2 } as const;

function region(line: number | undefined, sf?: EvidenceVerdict): Record<string, unknown> | null {
  if (!line) return null;
  const r: Record<string, unknown> = { startLine: sf?.line ?? line };
  if (sf) {
    r.endLine = sf.end_line;
    if (sf.column) r.startColumn = sf.column;
    if (sf.end_column && (sf.end_line > sf.line || sf.end_column >= (sf.column ?? 1))) r.endColumn = sf.end_column;
    if (sf.snippet) r.snippet = { text: sf.snippet };
  }
  return r;
}

function rowProperties(row: ReviewRow, extra: Record<string, unknown>): Record<string, unknown> {
  return {
    model: row.model, provider: row.provider, iter: row.iter, confidence: row.confidence, gradient_tier: row.gradient_tier,
    prompt_sha256: row.prompt.sha256, policy_version: row.policy_version,
    ...(row.injection_suspected ? { injection_suspected: true, overruled_rungs: row.overruled_rungs ?? [] } : {}),
    ...extra,
  };
}

export function toSarif(rows: readonly ReviewRow[], tool: SarifTool): object {
  const informationUri = tool.informationUri ?? "https://github.com/scrum/scrum";
  const docsUri = `${informationUri}/blob/main/docs/RULES.md`;
  const specs = new Map((tool.rules ?? []).map((r) => [r.id, r]));
  const rules = new Map<string, SarifRule>();
  const drafts: Draft[] = [];
  const rule = (id: string, cls: string | null, message?: string) => {
    if (!rules.has(id)) rules.set(id, descriptor({ id, cls, spec: specs.get(id), message, docsUri }));
    return id;
  };
  const location = (row: ReviewRow, reg: Record<string, unknown> | null) =>
    [{ physicalLocation: { artifactLocation: { uri: fileUri(row.file), uriBaseId: "%SRCROOT%" }, ...(reg ? { region: reg } : {}) } }];

  for (const row of rows) {
    const emitted = new Set<string>();
    if (row.status === "accepted") {
      for (const cf of row.critical_failures) {
        const cls = classOf(cf.title);
        const sf = row.static_findings.find((f) => f.line === cf.line && cls === f.class);
        const ruleId = rule(sf ? sf.rule_id : cls ? `scrum/${cls}` : "scrum/critical-failure", cls, sf?.message);
        if (sf) emitted.add(`${sf.rule_id}:${sf.line}`);
        // An unverified finding keeps its place in the log as a note, and loses a region that does not exist.
        const badLine = cf.unverified_reason?.includes("past the end") ?? false;
        const level = !cf.verified ? "note" : sf ? LEVEL[sf.severity] : "error";
        drafts.push({
          level, key: `${row.file}:${ruleId}:${slug(cf.title)}`,
          result: {
            ruleId, level,
            message: { text: cf.evidence ? `${cf.title} (evidence: ${cf.evidence.slice(0, 200)})` : cf.title },
            locations: location(row, badLine ? null : region(cf.line, sf)),
            properties: rowProperties(row, { verified: cf.verified, ...(cls ? { class: cls } : {}) }),
          },
        });
      }
    }
    // Prompt injection stands whatever the model said: the model is who the text was written for.
    for (const sf of row.static_findings) {
      if (sf.class !== "prompt-injection" || emitted.has(`${sf.rule_id}:${sf.line}`)) continue;
      emitted.add(`${sf.rule_id}:${sf.line}`);
      const ruleId = rule(sf.rule_id, sf.class, sf.message);
      drafts.push({
        level: LEVEL[sf.severity], key: `${row.file}:${ruleId}:${slug(sf.message)}`,
        result: {
          ruleId, level: LEVEL[sf.severity],
          message: { text: `[prompt-injection] ${sf.message} (model verdict on this chunk: ${sf.model_verdict}; the floor's finding stands either way)` },
          locations: location(row, region(sf.line, sf)),
          properties: rowProperties(row, { class: sf.class, verified: true, model_verdict: sf.model_verdict }),
        },
      });
    }
  }

  // Same file, rule and title twice: the fingerprint counts occurrences so GitHub keeps both alerts.
  const seen = new Map<string, number>();
  for (const d of drafts) {
    const n = (seen.get(d.key) ?? 0) + 1;
    seen.set(d.key, n);
    d.result.partialFingerprints = { "scrum/v1": n === 1 ? d.key : `${d.key}:${n}` };
  }
  const max = tool.maxResults ?? GITHUB_RESULTS_PER_RUN;
  const kept = [...drafts].sort((a, b) => RANK[a.level] - RANK[b.level]).slice(0, max);
  const order = new Set(kept);
  const results = drafts.filter((d) => order.has(d)).map((d) => d.result);
  const omitted = drafts.length - results.length;
  const used = new Set(results.map((r) => r.ruleId as string));

  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "scrum", version: tool.version, semanticVersion: tool.version, informationUri, rules: [...rules.values()].filter((r) => used.has(r.id)) } },
        ...(tool.srcRoot ? { originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(tool.srcRoot.endsWith("/") ? tool.srcRoot : tool.srcRoot + "/").href } } } : {}),
        ...(tool.repo && /^[a-z][a-z0-9+.-]*:\/\//i.test(tool.repo)
          ? { versionControlProvenance: [{ repositoryUri: tool.repo, ...(tool.commit ? { revisionId: tool.commit } : {}) }] }
          : {}),
        invocations: [{
          executionSuccessful: true,
          ...(omitted ? { toolExecutionNotifications: [{ level: "warning", message: { text: `${omitted} result(s) left out: GitHub code scanning keeps ${max} per run (worst first); every finding is in the KB.` } }] } : {}),
        }],
        results,
        properties: { results_total: drafts.length, results_omitted: omitted },
      },
    ],
  };
}
