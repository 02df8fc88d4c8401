// The report's "Claim audits" section: the latest audit of each recently audited message (from the `audits`
// view) and the claims the evidence did not back.
import type { KbDb } from "../query/open-kb";
import { cell } from "../audit/render/github";
import { esc } from "./svg-charts";

export interface AuditedMessage {
  rev: string | null;
  source: string;
  created_at: string;
  claims: number;
  backed: number;
  not_backed: number;
  unverifiable: number;
  blocks: number;
}

export interface UnbackedClaim { rev: string | null; line: number; kind: string; text: string; evidence: string; blocks: boolean }

export interface AuditSummary { messages: AuditedMessage[]; unbacked: UnbackedClaim[]; total: number }

const LATEST = `WITH latest AS (
    SELECT coalesce(rev, '') AS r, message_sha256, arg_max(audit_id, created_at) AS audit_id FROM audits GROUP BY ALL
  ) SELECT a.* FROM audits a JOIN latest l ON l.r = coalesce(a.rev, '') AND l.message_sha256 = a.message_sha256 AND l.audit_id = a.audit_id`;

/** The latest audit per message, most recent first (at most `limit`), with their not-backed claims; null when none. */
export async function auditSummary(db: KbDb, limit = 15): Promise<AuditSummary | null> {
  const total = Number((await db.all(`SELECT count(DISTINCT (coalesce(rev, ''), message_sha256)) AS n FROM audits`))[0]?.n ?? 0);
  if (!total) return null;
  const rows = await db.all(`SELECT rev, any_value(source) AS source, max(created_at) AS created_at, count(*) AS claims,
      count(*) FILTER (WHERE status = 'backed') AS backed, count(*) FILTER (WHERE status = 'not_backed') AS not_backed,
      count(*) FILTER (WHERE status = 'unverifiable') AS unverifiable, count(*) FILTER (WHERE blocks) AS blocks, list(claim_id) AS ids, audit_id, message_sha256
    FROM (${LATEST}) GROUP BY audit_id, rev, message_sha256 ORDER BY created_at DESC, rev LIMIT ${Math.trunc(limit)}`);
  const keys = rows.map((r) => `('${String(r.audit_id).replace(/'/g, "''")}', '${String(r.message_sha256)}')`).join(", ");
  const unbacked = await db.all(`SELECT rev, line, kind, text, evidence, blocks FROM audits
    WHERE status = 'not_backed' AND (audit_id, message_sha256) IN (${keys}) ORDER BY created_at DESC, rev, line LIMIT 50`);
  const n = (v: unknown) => Number(v ?? 0);
  return {
    total,
    messages: rows.map((r) => ({
      rev: (r.rev as string | null) ?? null, source: String(r.source), created_at: String(r.created_at), claims: n(r.claims), backed: n(r.backed),
      not_backed: n(r.not_backed), unverifiable: n(r.unverifiable), blocks: n(r.blocks),
    })),
    unbacked: unbacked.map((r) => ({ rev: (r.rev as string | null) ?? null, line: n(r.line), kind: String(r.kind), text: String(r.text), evidence: String(r.evidence), blocks: Boolean(r.blocks) })),
  };
}

const revOf = (rev: string | null, source: string) => (rev ? rev.slice(0, 8) : source);

export function auditMarkdown(s: AuditSummary | null): string[] {
  if (!s) return [];
  const out = ["## Claim audits", "", `${s.total} audited message(s); the latest audit of the ${s.messages.length} most recent:`, "",
    "| rev | audited | claims | backed | not backed | unverifiable | blocking |", "|---|---|---|---|---|---|---|",
    ...s.messages.map((m) => `| \`${revOf(m.rev, m.source)}\` | ${m.created_at.slice(0, 16).replace("T", " ")} | ${m.claims} | ${m.backed} | ${m.not_backed} | ${m.unverifiable} | ${m.blocks} |`), ""];
  if (s.unbacked.length) {
    out.push("Claims not backed:", "", "| rev | line | kind | claim | evidence |", "|---|---|---|---|---|",
      ...s.unbacked.map((u) => `| \`${revOf(u.rev, "message")}\` | ${u.line} | ${u.kind}${u.blocks ? " (blocks)" : ""} | ${cell(u.text)} | ${cell(u.evidence)} |`), "");
  }
  return out;
}

export function auditHtml(s: AuditSummary | null): string {
  if (!s) return "";
  const msgs = s.messages.map((m) => `<tr><td><code>${esc(revOf(m.rev, m.source))}</code></td><td>${esc(m.created_at.slice(0, 16).replace("T", " "))}</td><td>${m.claims}</td><td>${m.backed}</td><td>${m.not_backed}</td><td>${m.unverifiable}</td><td>${m.blocks}</td></tr>`).join("");
  const bad = s.unbacked.map((u) => `<tr><td><code>${esc(revOf(u.rev, "message"))}</code></td><td>${u.line}</td><td>${esc(u.kind)}${u.blocks ? " (blocks)" : ""}</td><td>${esc(u.text)}</td><td>${esc(u.evidence)}</td></tr>`).join("");
  return `<h2>Claim audits</h2>
<p class="meta">${s.total} audited message(s); the latest audit of the ${s.messages.length} most recent.</p>
<table id="audits"><thead><tr><th>rev</th><th>audited</th><th>claims</th><th>backed</th><th>not backed</th><th>unverifiable</th><th>blocking</th></tr></thead><tbody>${msgs}</tbody></table>
${bad ? `<table id="audit-unbacked"><thead><tr><th>rev</th><th>line</th><th>kind</th><th>claim</th><th>evidence</th></tr></thead><tbody>${bad}</tbody></table>` : ""}`;
}
