// Read a markdown-shaped answer: "Verdict: FAIL", "Score: 4/10", "Confidence: 70%", and bullet lists
// under "Critical failures" / "Verified components" / "Missing components" / "Summary".
import type { Item } from "../kb/schemas/review-answer";
import { normalizeLine } from "./normalize";

export interface MarkdownFields {
  verdict?: string;
  score?: string;
  confidence?: string;
  critical_failures: Item[];
  verified_components: Item[];
  missing_components: Item[];
  summary?: string;
  claims: { id: string; verdict: string; reason?: string }[];
}

type Section = "critical_failures" | "verified_components" | "missing_components" | "summary" | null;

const LABEL = /^\s*(?:#{1,6}\s*|\*\*|__)?\s*(critical\s+failures?|critical\s+issues?|verified\s+components?|missing\s+components?|summary)\b\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*(.*)$/i;
const FIELD = (name: string) => new RegExp(`^\\s*(?:[-*]\\s*)?(?:#{1,6}\\s*)?\\**\\s*${name}\\s*\\**\\s*[:=\\-\u2013]\\s*\\**\\s*([^\\n*]+)`, "im");

function sectionOf(label: string): Section {
  const l = label.toLowerCase();
  if (l.startsWith("critical")) return "critical_failures";
  if (l.startsWith("verified")) return "verified_components";
  if (l.startsWith("missing")) return "missing_components";
  return "summary";
}

/** "- **Title** (line 12): `code` — why" → {title, line, evidence}. */
export function bulletItem(text: string): Item | null {
  let t = text.trim();
  if (!t || /^(none|n\/a|nothing|no\s+\w+\s+found)\.?$/i.test(t.replace(/[*_]/g, ""))) return null;
  const ev = /`([^`]+)`/.exec(t);
  const lineM = /\b(?:line|lines|l\.?)\s*#?\s*(\d+)|:(\d+)\b/i.exec(t);
  const item: Item = { title: "" };
  const bold = /\*\*([^*]+)\*\*|__([^_]+)__/.exec(t);
  if (lineM) item.line = normalizeLine(lineM[1] ?? lineM[2]);
  if (ev) item.evidence = ev[1]!;
  t = t.replace(/`[^`]*`/g, "").replace(/\(?\b(?:line|lines|l\.?)\s*#?\s*\d+(?:\s*[-\u2013]\s*\d+)?\)?/gi, "");
  t = t.replace(/[*_]{1,2}/g, "").replace(/\s*[:\u2014\u2013-]+\s*$/g, "").replace(/^\s*[:\u2014\u2013-]+\s*/, "");
  t = t.replace(/\s*([:\u2014\u2013-]\s*){2,}/g, " \u2014 ");
  item.title = (bold ? (bold[1] ?? bold[2])!.replace(/\s*\(?\b(?:line|l\.?)\s*#?\s*\d+\)?/gi, "") : t).replace(/\s+/g, " ").trim() || (item.evidence ?? "");
  return item.title ? item : null;
}

export function parseMarkdownAnswer(text: string): MarkdownFields {
  const out: MarkdownFields = { critical_failures: [], verified_components: [], missing_components: [], claims: [] };
  const verdict = FIELD("verdict").exec(text);
  if (verdict) out.verdict = verdict[1]!.trim();
  const score = FIELD("(?:overall\\s+)?score").exec(text);
  if (score) out.score = /(\d+(?:\.\d+)?\s*(?:\/\s*\d+)?)/.exec(score[1]!)?.[1]?.replace(/\s+/g, "");
  const conf = FIELD("confidence").exec(text);
  if (conf) out.confidence = /(\d+(?:\.\d+)?\s*%?|very high|very low|high|medium|moderate|low)/i.exec(conf[1]!)?.[1]?.replace(/\s+(?=%)/, "");

  let section: Section = null;
  const summary: string[] = [];
  for (const line of text.split("\n")) {
    const label = LABEL.exec(line);
    if (label) {
      section = sectionOf(label[1]!);
      const rest = label[2]!.trim();
      if (section === "summary" && rest) summary.push(rest);
      continue;
    }
    if (/^\s*#{1,6}\s/.test(line) || FIELD("(?:verdict|score|confidence)").test(line)) { section = null; continue; }
    const claim = /\bS(\d+)\b[^\n]*?\b(confirmed|rejected)\b\s*[:\u2014\u2013-]*\s*(.*)$/i.exec(line);
    if (claim) {
      out.claims.push({ id: `S${claim[1]}`, verdict: claim[2]!.toLowerCase(), reason: claim[3]?.trim() || undefined });
      continue;
    }
    if (!section) continue;
    const bullet = /^\s*(?:[-*+\u2022]|\d+[.)])\s+(.*)$/.exec(line);
    if (section === "summary") { if (line.trim()) summary.push(line.trim()); continue; }
    if (bullet) {
      const item = bulletItem(bullet[1]!);
      if (item) out[section].push(item);
    }
  }
  if (summary.length) out.summary = summary.join(" ");
  return out;
}
