// Iteration aggregates, in the words `scrum compare` prints them (its headline is a valid source):
//
//   mean score 4.00/10      mean 3.56 → 4.00      iter 3 (...): mean 3.56/10; iter 4 (...): 4.00 (+0.44)
//   movement ↑5 ↓1 =12      5 up, 1 down, 12 same
//   21/21 first-attempt accept      95% first-attempt      20/21 emitted JSON      JSON rate 95%
//   3 verified components   CONVERGING: 1   LOOPING 4 → 2   permission gradient 1 auto · 2 dry_run · 0 sim · 0 block
//   requests 120 → 130      1,234 requests  tokens 50,000 → 52k     0 parse failures
//   kimi-k2: 20/21 emitted JSON     qwen 95% first-attempt (one model's figure: see model-subject.ts)
// Not aggregates: "mean time to recovery 4h", "a mean bug", "1/2 of the JSON files", "3 verified users",
// "LOOPING files are fixed" (no count), "pull request 12", "1,200 prompt tokens" (one side of the total).
import type { AggregateClaim, ExtractContext, Extractor, Figure, Metric } from "../claim";
import { scopeFor, type IterScope } from "../iterations";
import { proseLines, type MsgLine } from "../message";
import { subjectsBefore } from "../model-subject";
import { ARROW, NUM, NUM_SUFFIXED, parseWritten } from "../numbers";

const INT = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
const TEN = String.raw`(?:\s*/\s*10)?`;
const SIGNED = String.raw`[+\-−]\s?(?:${NUM})`;
const NOT_MORE = String.raw`(?![\d.,]*\d)`;
/** "mean 4h", "mean 120 ms": a duration, not a score. */
const NO_UNIT = String.raw`(?![a-zA-Z%])(?!\s+(?:ms|s|sec|seconds?|min|minutes?|h|hours?|days?|[KMG]B|x|times)\b)`;

type Shape = (m: RegExpMatchArray) => Figure[];
interface Form { metric: Metric; re: RegExp; figures: Shape; scope?: (m: RegExpMatchArray) => Partial<IterScope> }

const w = (name: string, side: Figure["side"], text: string | undefined): Figure[] => {
  if (text === undefined) return [];
  const written = parseWritten(text.replace(/\s/g, "").replace("−", "-"));
  return written ? [{ name, side, written }] : [];
};
const fromTo = (name: string) => (m: RegExpMatchArray) => (m[2] ? [...w(name, "from", m[1]), ...w(name, "to", m[2])] : w(name, "to", m[1]));
const delta = (m: RegExpMatchArray, i: number): Figure[] => {
  const d = m[i];
  if (!d) return [];
  const written = parseWritten(d.replace(/^[+\-−]\s?/, ""));
  return written ? [{ name: "delta", side: "to", written: { ...written, value: /^[-−]/.test(d) ? -written.value : written.value, text: d } }] : [];
};

const FORMS: Form[] = [
  {
    metric: "mean",
    re: new RegExp(String.raw`\biter(?:ation)?\s*(\d+)\s*\([^)]*\):\s*mean\s+(${NUM})${TEN};\s*iter(?:ation)?\s*(\d+)\s*\([^)]*\):\s*(${NUM})${TEN}(?:\s*\((${SIGNED})\))?`, "gi"),
    figures: (m) => [...w("mean", "from", m[2]), ...w("mean", "to", m[4]), ...delta(m, 5)],
    scope: (m) => ({ from: Number(m[1]), to: Number(m[3]) }),
  },
  {
    metric: "mean",
    re: new RegExp(String.raw`\bmean(?:\s+(?:file\s+)?score)?\s*(?:is|was|of|at|now|[:=])?\s*(?:from\s+)?(${NUM})${TEN}(?:\s*${ARROW}\s*(${NUM})${TEN})?${NOT_MORE}${NO_UNIT}(?:\s*\((${SIGNED})\))?`, "gi"),
    figures: (m) => [...fromTo("mean")(m), ...delta(m, 3)],
  },
  {
    metric: "movement",
    re: new RegExp(String.raw`↑\s*(${INT})\s*↓\s*(${INT})(?:\s*=\s*(${INT}))?`, "g"),
    figures: (m) => [...w("up", "to", m[1]), ...w("down", "to", m[2]), ...w("same", "to", m[3])],
  },
  {
    metric: "movement",
    re: new RegExp(String.raw`\b(${INT})\s+up,?\s+(${INT})\s+down(?:,?\s+(?:and\s+)?(${INT})\s+(?:same|unchanged|flat))?\b`, "gi"),
    figures: (m) => [...w("up", "to", m[1]), ...w("down", "to", m[2]), ...w("same", "to", m[3])],
  },
  {
    metric: "first_attempt",
    re: new RegExp(String.raw`(?<![\d/])(${INT})\s*/\s*(${INT})\s+first[- ]attempts?\b(?:\s+accept\w*)?`, "gi"),
    figures: (m) => [...w("first_attempt", "to", m[1]), ...w("rows", "to", m[2])],
  },
  {
    metric: "first_attempt",
    re: new RegExp(String.raw`(?:(?<![\d.])(${NUM})\s*%\s+first[- ]attempts?\b(?:\s+accept\w*)?|\bfirst[- ]attempt(?:\s+accept\w*)?(?:\s+rate)?\s*[:=]?\s*(${NUM})\s*%)`, "gi"),
    figures: (m) => w("rate", "to", m[1] ?? m[2]),
  },
  {
    metric: "json",
    re: new RegExp(String.raw`(?<![\d/])(${INT})\s*/\s*(${INT})\s+(?:emitted\s+|answered\s+in\s+|answers\s+in\s+)?JSON\b(?!\s+files?)`, "g"),
    figures: (m) => [...w("json", "to", m[1]), ...w("accepted", "to", m[2])],
  },
  {
    metric: "json",
    re: new RegExp(String.raw`(?:(?<![\d.])(${NUM})\s*%\s+(?:emitted\s+)?JSON\b(?!\s+files?)|\bJSON(?:\s+emission)?\s+rate\s*[:=]?\s*(${NUM})\s*%)`, "g"),
    figures: (m) => w("rate", "to", m[1] ?? m[2]),
  },
  {
    metric: "verified_components",
    re: new RegExp(String.raw`(?<![\d.])(${INT})\s+verified\s+components?\b`, "gi"),
    figures: (m) => w("verified_components", "to", m[1]),
  },
  {
    metric: "requests",
    re: new RegExp(String.raw`(?<!(?:pull|merge|feature)\s)\brequests\s*[:=]?\s*(${NUM_SUFFIXED})(?:\s*${ARROW}\s*(${NUM_SUFFIXED}))?${NOT_MORE}|(?<![\d.])(${NUM_SUFFIXED})\s+(?:model\s+|HTTP\s+)?requests\b`, "gi"),
    figures: (m) => (m[3] ? w("requests", "to", m[3]) : fromTo("requests")(m)),
  },
  {
    metric: "tokens",
    re: new RegExp(String.raw`(?<!(?:prompt|completion)\s)\btokens\s*[:=]?\s*(${NUM_SUFFIXED})(?:\s*${ARROW}\s*(${NUM_SUFFIXED}))?${NOT_MORE}|(?<![\d.])(${NUM_SUFFIXED})\s+(?:total\s+)?tokens\b`, "gi"),
    figures: (m) => (m[3] ? w("tokens", "to", m[3]) : fromTo("tokens")(m)),
  },
  {
    metric: "parse_failures",
    re: new RegExp(String.raw`(?<![\d.])(${INT})\s+parse[- ]failures?\b|\bparse[- ]failures?\s*[:=]\s*(${INT})${NOT_MORE}`, "gi"),
    figures: (m) => w("parse_failures", "to", m[1] ?? m[2]),
  },
];

/** Metrics `trust` and `compare` also give per model: a model named before the figure scopes it. */
const PER_MODEL = new Set<Metric>(["json", "first_attempt"]);

const TIER = String.raw`(auto|dry_run|dry-run|sim|block)`;

function gradientClaims(line: MsgLine): { text: string; start: number; end: number; figures: Figure[] }[] {
  if (!/\b(?:permission\s+)?gradient\b|\btiers?\b/i.test(line.text)) return [];
  const figures: Figure[] = [];
  let start = Infinity, end = -1;
  const re = new RegExp(String.raw`(?<![\d.])(${INT})\s+${TIER}\b|\b${TIER}\s*[:=]\s*(${INT})\b`, "g");
  for (const m of line.text.matchAll(re)) {
    const tier = (m[2] ?? m[3])!.replace("-", "_");
    figures.push(...w(tier, "to", m[1] ?? m[4]));
    start = Math.min(start, m.index!);
    end = Math.max(end, m.index! + m[0].length);
  }
  return figures.length ? [{ text: line.text.slice(start, end), start, end, figures }] : [];
}

function signalClaims(line: MsgLine, names: readonly string[]): { text: string; start: number; end: number; figures: Figure[] }[] {
  if (!names.length) return [];
  const alt = names.map((s) => s.replace(/[^A-Z0-9_]/g, "")).filter(Boolean).join("|");
  const re = new RegExp(String.raw`\b(${alt})\b\s*[:=]?\s*(${INT})(?:\s*${ARROW}\s*(${INT}))?${NOT_MORE}(?!\s*[/%])|(?<![\d.])(${INT})\s+(${alt})\b`, "g");
  return [...line.text.matchAll(re)].map((m) => {
    const name = (m[1] ?? m[5])!;
    const figures = m[3] ? [...w(name, "from", m[2]), ...w(name, "to", m[3])] : w(name, "to", m[2] ?? m[4]);
    return { text: m[0], start: m.index!, end: m.index! + m[0].length, figures };
  });
}

export const extractAggregates: Extractor = (msg, ctx: ExtractContext) => {
  const out: AggregateClaim[] = [];
  for (const line of proseLines(msg)) {
    const taken: [number, number][] = [];
    const push = (metric: Metric, text: string, start: number, end: number, figures: Figure[], scope?: Partial<IterScope>) => {
      if (!figures.length || taken.some(([a, b]) => start < b && end > a)) return;
      taken.push([start, end]);
      const iters = scope ? { from: scope.from ?? null, to: scope.to ?? null, source: `line ${line.n}` } : scopeFor(msg, line);
      const subjects = PER_MODEL.has(metric) ? subjectsBefore(line.text, start) : [];
      out.push({ kind: "aggregate", metric, text: text.trim(), line: line.n, start, end, figures, iters, ...(subjects.length ? { subjects } : {}) });
    };
    for (const f of FORMS) {
      for (const m of line.text.matchAll(f.re)) push(f.metric, m[0], m.index!, m.index! + m[0].length, f.figures(m), f.scope?.(m));
    }
    for (const g of gradientClaims(line)) push("gradient", g.text, g.start, g.end, g.figures);
    for (const s of signalClaims(line, ctx.signals)) push("signal", s.text, s.start, s.end, s.figures);
  }
  return out.sort((a, b) => a.line - b.line || a.start - b.start);
};
