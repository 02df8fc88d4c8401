// What the floor says about code the audit reads: how tests are counted and which files are test code
// (references there do not wire anything). Both come from the floor's own models, so the audit and the
// sweep agree on what a test is.
import { isTestPath } from "../rules/place";
import { countTests, type SourceText } from "./count-tests";

export interface CodePolicy {
  countTests: (file: SourceText) => number;
  /** Test code by its path (pipeline/rules/place.ts): a definition or reference there does not wire a symbol. */
  isTest: (path: string) => boolean;
}

export const CODE_POLICY: CodePolicy = { countTests, isTest: isTestPath };
