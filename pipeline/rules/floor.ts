// The deterministic forensic floor: rule files (data) run with ast-grep over TS/JS, Python, Rust and Go.
// Each file is scanned on its own (scan-file.ts, in worker threads for large sweeps); the cross-file
// questions are answered once every file is in (finish-scan.ts).
import { availableParallelism } from "node:os";
import { ConfigError } from "../core/errors";
import type { StaticFinding } from "../kb/schemas/static-finding";
import { compileRule } from "./compile-rule";
import { finishScan } from "./finish-scan";
import { EXAMPLE_FILE, parseSource } from "./languages";
import { loadRules } from "./load-rules";
import { reportFailures } from "./rule-failures";
import type { RuleSpec } from "./rule-spec";
import { type FileScan, scanFile, type SourceFile } from "./scan-file";
import { withDeclaredPlaces } from "./test-modules";
import { textLevel } from "./text-level";

export type { SourceFile } from "./scan-file";

export interface ScanOptions {
  /** Worker threads; default: one per core when there are at least `minFilesForWorkers` files, else none. */
  workers?: number;
  /** Files no grammar reads (Markdown, YAML, ...): the text-level rules read them, never as references. */
  texts?: SourceFile[];
  /** Told once per rule that threw on some files and was skipped there (rule-failures.ts); default: silent. */
  onRuleFailure?: (message: string) => void;
}

export interface Floor {
  rules: RuleSpec[];
  /**
   * All walked files at once (repo-relative posix paths), so cross-file rules see every reference. `texts`
   * (Markdown, YAML, ...) are read by the text-level rules only, never as references.
   */
  scan(files: SourceFile[], texts?: SourceFile[], onRuleFailure?: (message: string) => void): Map<string, StaticFinding[]>;
  /** The same findings as `scan`, with files spread over worker threads (both cores of the CI box). */
  scanAsync(files: SourceFile[], opts?: ScanOptions): Promise<Map<string, StaticFinding[]>>;
}

/** Below this many files a worker's start-up (grammars, rule compile) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 400;

interface WorkerReply { scans?: FileScan[]; error?: string; known?: boolean; hint?: string }

/** Files per message: small enough that a worker slowed by a busy core takes fewer, large enough to amortise messaging. */
const CHUNK = 64;

/**
 * Files go to worker threads in chunks, each chunk to whichever worker is free (a busy shared core
 * slows one worker, not the sweep); results are put back in file order.
 */
async function scanInWorkers(rules: RuleSpec[], files: SourceFile[], n: number): Promise<FileScan[]> {
  const results: FileScan[] = new Array(files.length);
  let next = 0;
  const runWorker = () => new Promise<void>((resolve, reject) => {
    const worker = new Worker(new URL("./scan-worker.ts", import.meta.url).href);
    let from = 0;
    const send = () => {
      if (next >= files.length) { worker.terminate(); resolve(); return; }
      from = next;
      next = Math.min(files.length, next + CHUNK);
      worker.postMessage({ files: files.slice(from, next) });
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      // A rule failing on a file is the user's rule file (ConfigError); anything else is a bug.
      if (e.data.error) {
        worker.terminate();
        return reject(e.data.known ? new ConfigError(e.data.error, e.data.hint) : new Error(`floor worker: ${e.data.error}`));
      }
      e.data.scans!.forEach((scan, k) => { results[from + k] = scan; });
      send();
    };
    worker.onerror = (e) => { worker.terminate(); reject(new Error(`floor worker failed: ${e.message}`)); };
    worker.postMessage({ rules });
    send();
  });
  await Promise.all(Array.from({ length: Math.min(n, Math.ceil(files.length / CHUNK)) }, runWorker));
  return results;
}

export function createFloor(rules: RuleSpec[]): Floor {
  // Text-level rules (prompt injection, hidden Unicode) read words and characters across every file, code or
  // not, on the main thread; the syntax-tree rules run per file, in workers for large sweeps.
  const text = textLevel(rules);
  const compiled = text.others.map(compileRule);
  const textFindings = (files: SourceFile[], texts: SourceFile[]) => {
    const scanText = text.begin([...files, ...texts]);
    return [...texts, ...files].flatMap(scanText);
  };
  return {
    rules,
    scan(given, texts = [], onRuleFailure) {
      const files = withDeclaredPlaces(given);
      const scans = files.map((f) => scanFile(compiled, f));
      reportFailures(scans, onRuleFailure);
      return finishScan(rules, files, scans, textFindings(files, texts), texts);
    },
    async scanAsync(given, opts = {}) {
      const n = opts.workers ?? (given.length >= MIN_FILES_FOR_WORKERS ? Math.min(availableParallelism(), 8) : 0);
      if (n < 1) return this.scan(given, opts.texts, opts.onRuleFailure);
      const files = withDeclaredPlaces(given);
      const scans = scanInWorkers(text.others, files, n);
      // The workers parse and match while this thread reads the text-level rules.
      const fromText = textFindings(files, opts.texts ?? []);
      const done = await scans;
      reportFailures(done, opts.onRuleFailure);
      return finishScan(rules, files, done, fromText, opts.texts);
    },
  };
}

/** Load and compile every rule under rulesDir (absolute); a bad rule file is a ConfigError naming it. */
export function loadFloor(rulesDir: string): Floor {
  const rules = loadRules(rulesDir);
  for (const rule of rules) {
    if (!rule.rule) continue;
    try {
      if (rule.prefilter) new RegExp(rule.prefilter, "i");
      parseSource(EXAMPLE_FILE[rule.language], "")!.root().findAll(compileRule(rule).matcher!);
    } catch (e) {
      throw new ConfigError(`rule ${rule.id}: ast-grep cannot compile it: ${(e as Error).message.split("\n")[0]}`, "see docs/RULES.md");
    }
  }
  return createFloor(rules);
}
