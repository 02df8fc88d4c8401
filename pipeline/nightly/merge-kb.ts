// kb merge, the I/O shell: read KB directories, plan the merge (merge-plan.ts), append under the KB lock.
// JSONL files are merged line by line; any other (non-hidden) file is copied when absent and must be
// identical when present. Hidden entries (.cache, .sweep.lock) are never merged.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { InputError } from "../core/errors";
import { appendBytes, appendLines } from "../kb/jsonl";
import { lockKb } from "../kb/lock";
import { KbMergeError } from "./kb-merge-error";
import { planMerge, type KbLines, type MergePlan } from "./merge-plan";
import { sharedPrefix } from "./shared-prefix";

export interface KbDirContent {
  /** JSONL files' bytes, by name. */
  raw: Record<string, Buffer>;
  /** Non-JSONL files, by name. */
  others: Map<string, Buffer>;
}

export interface MergeReport {
  into: string;
  sources: string[];
  /** Lines appended, by file name. */
  added: Record<string, number>;
  copied: string[];
  renumbered: MergePlan["renumbered"];
  skipped: MergePlan["skipped"];
}

/** Split file text into lines (a final newline makes no extra line). */
export function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** A KB directory's files; a missing directory is an empty KB. */
export function readKbDir(dir: string): KbDirContent {
  const out: KbDirContent = { raw: {}, others: new Map() };
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || !e.isFile()) continue;
    const buf = readFileSync(join(dir, e.name));
    if (e.name.endsWith(".jsonl")) out.raw[e.name] = buf;
    else out.others.set(e.name, buf);
  }
  return out;
}

/** Every JSONL file as lines. */
export function linesOf(c: KbDirContent): KbLines {
  return Object.fromEntries(Object.entries(c.raw).map(([f, b]) => [f, splitLines(b.toString("utf8"))]));
}

function checkSourceDir(dir: string, shown: string): void {
  if (!existsSync(dir)) throw new InputError(`kb merge: source not found: ${shown}`);
  if (!statSync(dir).isDirectory()) throw new InputError(`kb merge: source is not a directory: ${shown}`);
}

/** The bytes behind a source's lines, for a whole-file copy (null: re-encode the lines). */
export type RawSource = (source: number, file: string) => Buffer | null;

/** Write the planned lines and copies into `into` (the caller holds the lock). */
export function applyMerge(into: string, plan: MergePlan, copies: Map<string, Buffer>, raw: RawSource = () => null): Record<string, number> {
  mkdirSync(into, { recursive: true });
  const added: Record<string, number> = {};
  for (const [file, lines] of Object.entries(plan.append)) {
    const path = join(into, file);
    let at = 0;
    for (const w of plan.whole[file] ?? []) {
      const buf = raw(w.source, file);
      if (!buf) continue;
      appendLines(path, lines.slice(at, w.from));
      appendBytes(path, buf);
      at = w.to;
    }
    appendLines(path, lines.slice(at));
    added[file] = lines.length;
  }
  for (const [name, buf] of copies) writeFileSync(join(into, name), buf);
  return added;
}

/** Non-JSONL files to copy into `dst`; a different file of the same name refuses the merge. */
export function plannedCopies(dst: KbDirContent, sources: { label: string; content: KbDirContent }[]): Map<string, Buffer> {
  const copies = new Map<string, Buffer>();
  for (const { label, content } of sources) {
    for (const [name, buf] of content.others) {
      const have = dst.others.get(name) ?? copies.get(name);
      if (!have) copies.set(name, buf);
      else if (!have.equals(buf)) throw new KbMergeError("E_KB_FILE", `${label}/${name} differs from the KB's ${name} (not JSONL, so its lines cannot be merged)`, "keep one of them, then merge again");
    }
  }
  return copies;
}

/**
 * The merge of sources' JSONL bytes into a KB's: what each source shares with the KB's start (or holds
 * whole inside it) is skipped on bytes, only the rest is decoded and planned line by line.
 */
export function planBytes(have: Record<string, Buffer>, sources: readonly { label: string; raw: Record<string, Buffer> }[], opts: { renumber?: boolean } = {}): { plan: MergePlan; rest: RawSource } {
  const parts = sources.map((s) => Object.fromEntries(Object.entries(s.raw).map(([f, b]) => [f, sharedPrefix(have[f], b)])));
  const rest: RawSource = (i, file) => parts[i]?.[file]?.rest ?? null;
  // Every source already in the KB (a re-run of the merge job): nothing to read line by line.
  if (parts.every((p) => Object.values(p).every((x) => x.rest.length === 0))) return { plan: { append: {}, renumbered: [], skipped: [], whole: {} }, rest };
  const plan = planMerge(linesOf({ raw: have, others: new Map() }), sources.map((s, i) => ({
    label: s.label,
    files: Object.fromEntries(Object.entries(parts[i]!).map(([f, p]) => [f, splitLines(p.rest.toString("utf8"))])),
    skip: Object.fromEntries(Object.entries(parts[i]!).map(([f, p]) => [f, p.lines])),
  })), opts);
  return { plan, rest };
}

/** Merge KB directories into `into` (created when missing). Idempotent and order-independent. */
export function mergeKbDirs(into: string, sourceDirs: readonly string[], opts: { cwd: string; renumber?: boolean }): MergeReport {
  const dst = resolve(opts.cwd, into);
  if (existsSync(dst) && !statSync(dst).isDirectory()) throw new InputError(`kb merge: --into must be a directory: ${into}`);
  const sources = sourceDirs.map((s) => {
    const abs = resolve(opts.cwd, s);
    checkSourceDir(abs, s);
    return { label: s, abs };
  });
  const release = lockKb(dst);
  try {
    const have = readKbDir(dst);
    // The KB itself as a source adds nothing; skip reading it twice.
    const read = sources.filter((s) => s.abs !== dst).map((s) => ({ label: s.label, content: readKbDir(s.abs) }));
    const { plan, rest } = planBytes(have.raw, read.map((s) => ({ label: s.label, raw: s.content.raw })), { renumber: opts.renumber });
    const copies = plannedCopies(have, read);
    const added = applyMerge(dst, plan, copies, rest);
    return { into: dst, sources: sources.map((s) => s.label), added, copied: [...copies.keys()], renumbered: plan.renumbered, skipped: plan.skipped };
  } finally {
    release();
  }
}
