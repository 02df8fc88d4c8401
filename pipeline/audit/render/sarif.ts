// SARIF 2.1.0 for an audit: one result per claim the evidence does not back (and, when strict, per
// unverifiable claim that blocks), located at the file the claim resolved to, or at the message file.
import { isAbsolute, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { fileUri } from "../../sweep/sarif";
import type { TargetResult } from "../audit-result";

const RULE_TEXT: Record<string, string> = {
  score_movement: "A file score movement the KB does not show",
  aggregate: "An iteration aggregate that is not what compare, signals or trust compute",
  test_count: "A test count that is not the number of test functions at REV's parent and REV",
  wiring: "A symbol said to be wired that is not referenced, or not touched by REV",
  changed_file: "A path listed as changed that REV did not change",
  fact: "A statement of fact the evidence does not back",
};

/** A repository path under %SRCROOT%; a message file outside the repository as an absolute file URI. */
function artifact(path: string, srcRoot: string | null): object {
  if (!isAbsolute(path)) return { uri: fileUri(path), uriBaseId: "%SRCROOT%" };
  const rel = srcRoot ? relative(srcRoot, path) : "..";
  return rel.startsWith("..") || isAbsolute(rel) ? { uri: pathToFileURL(path).href } : { uri: fileUri(rel), uriBaseId: "%SRCROOT%" };
}

export function auditSarif(results: readonly TargetResult[], tool: { version: string; srcRoot: string | null; messageFile?: string | null }): object {
  const used = new Set<string>();
  const out: object[] = [];
  for (const r of results) {
    for (const c of r.claims) {
      if (c.outcome.status === "backed" || (c.outcome.status === "unverifiable" && !c.blocks)) continue;
      const ruleId = `scrum-audit/${c.claim.kind}`;
      used.add(c.claim.kind);
      const file = c.outcome.file ?? tool.messageFile ?? null;
      const line = c.outcome.file ? c.outcome.fileLine : tool.messageFile ? c.claim.line : null;
      out.push({
        ruleId,
        level: c.blocks ? "error" : "warning",
        message: { text: `claim ${c.outcome.status === "not_backed" ? "not backed" : "unverifiable"}: ${c.claim.text} (evidence: ${c.outcome.evidence})` },
        ...(file ? { locations: [{ physicalLocation: { artifactLocation: artifact(file, tool.srcRoot), ...(line ? { region: { startLine: line } } : {}) } }] } : {}),
        partialFingerprints: { "scrum-audit/v1": `${r.target.rev ?? r.target.label}:${c.claim.kind}:${c.claim.line}:${c.claim.text}`.slice(0, 500) },
        properties: { rev: r.target.rev, claim_id: c.id, kind: c.claim.kind, status: c.outcome.status, message_line: c.claim.line, blocking: c.blocking, method: c.method },
      });
    }
  }
  const rules = [...used].sort().map((k) => ({ id: `scrum-audit/${k}`, name: k.replace(/_/g, "-"), shortDescription: { text: RULE_TEXT[k] ?? k } }));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "scrum-audit", version: tool.version, informationUri: "https://github.com/scrum/scrum", rules } },
      ...(tool.srcRoot ? { originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(tool.srcRoot.endsWith("/") ? tool.srcRoot : tool.srcRoot + "/").href } } } : {}),
      results: out,
    }],
  };
}
