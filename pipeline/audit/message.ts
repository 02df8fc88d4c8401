// A message (commit message, PR body, fix-wave doc) as the lines the claim extractors read: paragraph,
// section heading, bullet body; fenced code, quotes and trailers are marked so no extractor reads them.

export interface MsgLine {
  /** 1-based line number in the message. */
  n: number;
  text: string;
  /** The text without indentation and bullet marker ("- ", "* ", "1. "). */
  body: string;
  /** Where `body` starts in `text`. */
  bodyAt: number;
  /** Paragraph index: blank lines separate paragraphs. */
  para: number;
  /** The heading this line sits under ("Code changes"), lower-cased, or null. */
  section: string | null;
  bullet: boolean;
  heading: boolean;
  /** Not prose a claim can be read from: fenced code, `> ` quotes, HTML comments, git trailers. */
  skip: boolean;
}

export interface Message {
  text: string;
  lines: MsgLine[];
}

const BULLET = /^(\s*)([-*+•]|\d{1,3}[.)])\s+/;
const MD_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
// A short label on its own line: "Code changes:", "**Code changes**", "Code changes —".
const LABEL = /^\s*(?:\*\*|__)?([A-Za-z][\w /&'()-]{0,48}?)(?:\*\*|__)?\s*[:—–]?\s*(?:\*\*|__)?\s*$/;
const TRAILER = /^(Signed-off-by|Co-authored-by|Reviewed-by|Acked-by|Tested-by|Reported-by|Suggested-by|Helped-by|Change-Id|Cc):/i;

/** A label line counts as a heading only when it ends with a colon or is bold: "Done" alone is prose. */
function labelOf(text: string): string | null {
  const t = text.trim();
  if (!/:\s*$|^(\*\*|__).*(\*\*|__):?$/.test(t)) return null;
  const m = LABEL.exec(t);
  return m ? m[1]!.trim().toLowerCase() : null;
}

export function parseMessage(text: string): Message {
  const raw = text.replace(/\r\n?/g, "\n").split("\n");
  const lines: MsgLine[] = [];
  let para = 0, blank = true, fence = false, comment = false;
  let mdSection: string | null = null;
  let labelSection: string | null = null;
  let afterBlank = false;
  for (const [i, t] of raw.entries()) {
    const n = i + 1;
    if (/^\s*(```|~~~)/.test(t)) {
      fence = !fence;
      lines.push({ n, text: t, body: t.trim(), bodyAt: 0, para, section: null, bullet: false, heading: false, skip: true });
      continue;
    }
    if (!t.trim()) {
      if (!blank) para++;
      blank = true;
      afterBlank = true;
      lines.push({ n, text: t, body: "", bodyAt: 0, para, section: labelSection ?? mdSection, bullet: false, heading: false, skip: true });
      continue;
    }
    blank = false;
    const startsComment = /^\s*<!--/.test(t);
    const inComment = comment || startsComment;
    if (startsComment && !/-->/.test(t)) comment = true;
    else if (comment && /-->/.test(t)) comment = false;
    const b = BULLET.exec(t);
    const bodyAt = b ? b[0].length : t.length - t.trimStart().length;
    const body = t.slice(bodyAt).trimEnd();
    const md = MD_HEADING.exec(t);
    const label = !md && !b ? labelOf(t) : null;
    // A label's section runs through its bullets; a paragraph of prose after a blank line ends it.
    if (afterBlank && !b && !md && !label) labelSection = null;
    afterBlank = false;
    if (md) { mdSection = md[1]!.replace(/[*_`]/g, "").trim().toLowerCase(); labelSection = null; }
    if (label) labelSection = label;
    const skip = fence || inComment || /^\s*>/.test(t) || TRAILER.test(t.trim());
    lines.push({ n, text: t, body, bodyAt, para, section: md || label ? null : labelSection ?? mdSection, bullet: Boolean(b), heading: Boolean(md || label), skip });
  }
  return { text, lines };
}

/** Lines a claim may be read from. */
export function proseLines(msg: Message): MsgLine[] {
  return msg.lines.filter((l) => !l.skip && l.body.length > 0);
}

/** The other lines of a line's paragraph (prose only). */
export function paragraphOf(msg: Message, line: MsgLine): MsgLine[] {
  return msg.lines.filter((l) => l.para === line.para && !l.skip && l.body.length > 0);
}

/** Sentences of a line's body with their offsets in `text`: split after ". ", "; " and " — ". */
export function sentences(line: MsgLine): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /[^.;!?]+(?:[.!?](?=\S)[^.;!?]*)*[.;!?]*/g;
  for (const m of line.body.matchAll(re)) {
    const s = m[0];
    const lead = s.length - s.trimStart().length;
    const t = s.trim();
    if (!t) continue;
    const start = line.bodyAt + m.index! + lead;
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}
