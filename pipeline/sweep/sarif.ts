// SARIF 2.1.0 from review rows: one result per critical failure, with file and line when known.
import { pathToFileURL } from "node:url";
import type { ReviewRow } from "../kb/schemas/review-row";

const LEVEL = { error: "error", warning: "warning", info: "note" } as const;

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  properties?: Record<string, unknown>;
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

export function toSarif(rows: readonly ReviewRow[], tool: { version: string; informationUri?: string; srcRoot?: string }): object {
  const rules = new Map<string, SarifRule>();
  const results: object[] = [];
  for (const row of rows) {
    if (row.status !== "accepted") continue;
    for (const cf of row.critical_failures) {
      const cls = classOf(cf.title);
      const sf = row.static_findings.find((f) => f.line === cf.line && cls === f.class);
      const ruleId = sf ? sf.rule_id : cls ? `scrum/${cls}` : "scrum/critical-failure";
      if (!rules.has(ruleId)) {
        rules.set(ruleId, {
          id: ruleId,
          name: slug(sf?.rule_id ?? cls ?? "critical-failure"),
          shortDescription: { text: sf ? sf.message : cls ? `Static floor class ${cls}` : "Critical failure found by a forensic model review" },
          properties: cls ? { class: cls } : undefined,
        });
      }
      // An unverified finding keeps its place in the log as a note, and loses a region that
      // does not exist (a line past the end of the file).
      const badLine = cf.unverified_reason?.includes("past the end") ?? false;
      const region: Record<string, number> = {};
      const located = Boolean(cf.line) && !badLine;
      if (located) {
        region.startLine = sf?.line ?? cf.line!;
        if (sf) {
          region.endLine = sf.end_line;
          if (sf.column) region.startColumn = sf.column;
          if (sf.end_column) region.endColumn = sf.end_column;
        }
      }
      results.push({
        ruleId,
        level: !cf.verified ? "note" : sf ? LEVEL[sf.severity] : "error",
        message: { text: cf.evidence ? `${cf.title} (evidence: ${cf.evidence.slice(0, 200)})` : cf.title },
        locations: [{ physicalLocation: { artifactLocation: { uri: fileUri(row.file), uriBaseId: "%SRCROOT%" }, ...(located ? { region } : {}) } }],
        partialFingerprints: { "scrum/v1": `${row.file}:${ruleId}:${slug(cf.title)}` },
        properties: {
          model: row.model,
          provider: row.provider,
          iter: row.iter,
          confidence: row.confidence,
          verified: cf.verified,
          ...(cls ? { class: cls } : {}),
          gradient_tier: row.gradient_tier,
          prompt_sha256: row.prompt.sha256,
          policy_version: row.policy_version,
        },
      });
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "scrum", version: tool.version, informationUri: tool.informationUri ?? "https://github.com/scrum/scrum", rules: [...rules.values()] } },
        ...(tool.srcRoot ? { originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileURL(tool.srcRoot.endsWith("/") ? tool.srcRoot : tool.srcRoot + "/").href } } } : {}),
        results,
      },
    ],
  };
}
