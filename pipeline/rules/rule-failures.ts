// Rules that threw on some files during a scan (scan-file.ts skips them there): one line per rule, for the
// person running the sweep, naming how many files lost that rule's findings and the first of them.
import type { FileScan, RuleFailure } from "./scan-file";

export function summariseFailures(scans: readonly Pick<FileScan, "failures">[]): string[] {
  const byRule = new Map<string, RuleFailure[]>();
  for (const s of scans) for (const f of s.failures) (byRule.get(f.ruleId) ?? byRule.set(f.ruleId, []).get(f.ruleId)!).push(f);
  return [...byRule].map(([rule, fs]) => {
    const first = fs[0]!;
    const n = fs.length === 1 ? "1 file" : `${fs.length} files`;
    return `rule ${rule} failed on ${n} and was skipped there (first: ${first.path}: ${first.message}); its findings in them are missing`;
  });
}

/** Tell the caller, if it asked, once per rule that failed on some of these files. */
export function reportFailures(scans: readonly Pick<FileScan, "failures">[], onRuleFailure?: (message: string) => void): void {
  if (onRuleFailure) for (const m of summariseFailures(scans)) onRuleFailure(m);
}
