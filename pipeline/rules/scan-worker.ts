// A floor worker thread: compile the rules once, then scan each chunk of files it is sent, answering
// with plain data (see floor.ts scanInWorkers).
import { ScrumError } from "../core/errors";
import { compileRule, type CompiledRule } from "./compile-rule";
import type { RuleSpec } from "./rule-spec";
import { scanFile, type SourceFile } from "./scan-file";

declare const self: Worker;

let compiled: CompiledRule[] = [];

self.onmessage = (e: MessageEvent<{ rules?: RuleSpec[]; files?: SourceFile[] }>) => {
  try {
    if (e.data.rules) compiled = e.data.rules.map(compileRule);
    if (e.data.files) postMessage({ scans: e.data.files.map((f) => scanFile(compiled, f)) });
  } catch (err) {
    const known = err instanceof ScrumError;
    postMessage({ error: (err as Error).message.split("\n")[0], known, hint: known ? (err as ScrumError).hint : undefined });
  }
};
