// A floor worker thread: compile the rules once, scan the files it is given, answer with plain data.
import { ScrumError } from "../core/errors";
import { compileRule } from "./compile-rule";
import type { RuleSpec } from "./rule-spec";
import { scanFile, type SourceFile } from "./scan-file";

declare const self: Worker;

self.onmessage = (e: MessageEvent<{ rules: RuleSpec[]; files: SourceFile[] }>) => {
  try {
    const compiled = e.data.rules.map(compileRule);
    postMessage({ scans: e.data.files.map((f) => scanFile(compiled, f)) });
  } catch (err) {
    const known = err instanceof ScrumError;
    postMessage({ error: (err as Error).message.split("\n")[0], known, hint: known ? (err as ScrumError).hint : undefined });
  }
};
