// The floor's text-level path: rules whose check reads a file's words or characters (prompt injection, hidden
// Unicode, an API description's security requirements) rather than matching its syntax tree. They run over every walked file, code or not: code through
// the rule's ast-grep selection of comments and strings, Markdown and other text files through their prose.
import type { SgNode } from "@ast-grep/napi";
import type { StaticFinding } from "../kb/schemas/static-finding";
import { invisibleCharacters, showHidden, trojanSource, type CodeRanges } from "./checks/hidden-unicode";
import type { Hit } from "./checks/hit";
import { mayInject } from "./checks/injection-grammars";
import { markdownSegments } from "./checks/markdown-segments";
import { addressesMachine, injectionsIn, whyMessage } from "./checks/prompt-injection";
import { offsetRegion } from "./checks/secretlint";
import { specSecurityHits } from "./checks/spec-security";
import { codeSegments, textSegments, type Segment } from "./checks/text-segments";
import { compileRule } from "./compile-rule";
import type { SourceFile } from "./floor";
import { documentedFixtures } from "./fixture-docs";
import { matchesAny } from "./glob";
import { languageOf, parseSource } from "./languages";
import { isTestPath, placeOfPath } from "./place";
import { TEXT_CHECKS, type RuleLanguage, type RuleSpec } from "./rule-spec";
import { toFinding } from "./to-finding";

export const isTextRule = (r: RuleSpec) => (TEXT_CHECKS as readonly string[]).includes(r.check?.name ?? "");

const MARKDOWN = /\.(?:md|markdown|mdx|mdown|mkd)$/i;
const HTML = /\.(?:html?|xhtml)$/i;
// Source in a language no rule grammar reads: its comments and literals are found line by line.
const OTHER_CODE = /\.(?:java|kt|kts|scala|groovy|gradle|c|h|cc|cpp|cxx|hpp|hh|cs|swift|m|mm|rb|php|sh|bash|zsh|ps1|sql|lua|pl|pm|r|dart|ex|exs|erl|hs|clj|fs|ml|zig|nim|jl|vue|svelte)$/i;
const HIDDEN_BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const HIDDEN_INVISIBLE = /[\u200B-\u200D\u2060\u180E]|(?<!^)\uFEFF|[\u{E0000}-\u{E007F}]/u;

/** The rule language a file is read as: a grammar's language, else markdown, else text. */
export function textLanguageOf(path: string): RuleLanguage {
  return languageOf(path) ?? (MARKDOWN.test(path) ? "markdown" : "text");
}

interface Prepared { prefilter: RegExp | null; matcher: ReturnType<typeof compileRule>["matcher"]; commentStart: RegExp }

/** How a comment opens in each grammar language (a string, even a raw one, never opens so). */
const COMMENT_START: Partial<Record<RuleLanguage, RegExp>> = { python: /^#/, typescript: /^\/[/*]/, rust: /^\/[/*]/, go: /^\/[/*]/ };

interface FileView {
  file: SourceFile;
  lines: string[];
  /** Per rule (its selection of comments and strings) for code; shared for Markdown and text. */
  code: Map<RuleSpec, { segments: Segment[]; ranges: CodeRanges }>;
  root: SgNode | null | undefined;
  /** Test code: its string literals are the inputs it feeds the code under test, never read as hostile. */
  testCode: boolean;
}

function codeView(v: FileView, rule: RuleSpec, prep: Prepared): { segments: Segment[]; ranges: CodeRanges | null } {
  if (!rule.rule) {
    const { path, content } = v.file;
    const segments = MARKDOWN.test(path) || HTML.test(path) ? markdownSegments(content, HTML.test(path)) : textSegments(content, OTHER_CODE.test(path));
    return { segments, ranges: null };
  }
  let got = v.code.get(rule);
  if (!got) {
    if (v.root === undefined) v.root = parseSource(v.file.path, v.file.content)?.root() ?? null;
    const keep = rule.check!.name === "prompt-injection" ? mayInject : undefined;
    const seg = v.root ? codeSegments(v.root, prep.matcher!, prep.commentStart, v.file.content, keep) : { segments: [], comments: [], strings: [] };
    got = { segments: seg.segments, ranges: { comments: seg.comments, strings: seg.strings } };
    v.code.set(rule, got);
  }
  return got;
}

/** A translation catalogue by where it lives (`static/umap/locale/he.js`, `src/i18n/fr.ts`, `locales/de.json`). */
const CATALOGUE = /(^|\/)(locales?|i18n|l10n|translations?)\//i;

function hitsOf(rule: RuleSpec, v: FileView, prep: Prepared): Hit[] {
  const { content } = v.file;
  const name = rule.check!.name;
  if (name === "trojan-source") return HIDDEN_BIDI.test(content) ? trojanSource(content, codeView(v, rule, prep).ranges, v.testCode) : [];
  if (name === "invisible-character") {
    if (!HIDDEN_INVISIBLE.test(content)) return [];
    // A translation catalogue's strings are display text in its language (a zero-width space a translator typed).
    return invisibleCharacters(content, codeView(v, rule, prep).ranges, rule.check!.mode === "text" ? "text" : "code", v.testCode, CATALOGUE.test(v.file.path));
  }
  if (name === "spec-security") return specSecurityHits(content);
  // In data files a key may name the reader ("reviewer_bot_instructions:"): read keys as words too.
  if (!mayInject(content) && !(rule.language === "text" && content.includes("_") && mayInject(content.replace(/_/g, " ")))) return [];
  const hits: Hit[] = [];
  for (const seg of codeView(v, rule, prep).segments) {
    if (seg.kind === "string" && v.testCode) continue;
    if (!mayInject(seg.text) && !(seg.context && addressesMachine(seg.context))) continue;
    for (const h of injectionsIn(seg.text, seg.kind, { context: seg.context })) {
      hits.push({ region: offsetRegion(content, seg.start + h.start, seg.start + h.end), message: `${whyMessage(h.why)}${seg.kind === "string" ? " (in a string literal)" : ""}` });
    }
  }
  return hits;
}

export interface TextLevel {
  /** The rules the syntax-tree loop runs (every rule but the text-level ones). */
  others: RuleSpec[];
  /** Start a scan over all walked files (fixture documentation is read across files); then one call per file. */
  begin(files: readonly SourceFile[]): (file: SourceFile) => StaticFinding[];
}

export function textLevel(rules: readonly RuleSpec[]): TextLevel {
  const mine = rules.filter(isTextRule);
  const prepared = new Map<RuleSpec, Prepared>(mine.map((r) => [r, {
    prefilter: r.prefilter ? new RegExp(r.prefilter, "i") : null,
    matcher: r.rule ? compileRule(r).matcher : null,
    commentStart: COMMENT_START[r.language] ?? /^(?:\/[/*]|#)/,
  }]));
  return {
    others: rules.filter((r) => !isTextRule(r)),
    begin(files) {
      const fixtures = mine.length ? documentedFixtures(files) : new Set<string>();
      return (file) => {
        const lang = textLanguageOf(file.path);
        const active = mine.filter((r) => r.language === lang && (!r.files || matchesAny(file.path, r.files)) && !matchesAny(file.path, r.ignores)
          && (!prepared.get(r)!.prefilter || prepared.get(r)!.prefilter!.test(file.content)));
        if (!active.length || fixtures.has(file.path)) return [];
        const v: FileView = { file, lines: file.content.split("\n"), code: new Map(), root: undefined, testCode: isTestPath(file.path) };
        const out: StaticFinding[] = [];
        for (const rule of active) {
          for (const hit of hitsOf(rule, v, prepared.get(rule)!)) {
            const f = toFinding(rule, file.path, v.lines, hit, placeOfPath(file.path));
            out.push({ ...f, snippet: showHidden(f.snippet) });
          }
        }
        return out;
      };
    },
  };
}
