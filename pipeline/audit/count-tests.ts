// How many test functions a file has. The ONE place `scrum audit` counts tests: the floor's test-context
// model (pipeline/rules/test-context.ts) decides what a test is in each language, so "Tests 14 → 24" is
// counted the way the floor recognises tests (fixtures and handlers defined inside a test do not count,
// skipped tests do not run).
import { countTestFunctions } from "../rules/test-context";

export interface SourceText { path: string; content: string }

export function countTests(file: SourceText): number {
  return countTestFunctions(file.path, file.content);
}
