// What every check may ask about the file under scan, computed once and lazily: lines, place, helpers.
import type { SgNode } from "@ast-grep/napi";
import { assertingHelpers, fileFunctions } from "./assertions";
import { type LineRange, type Place, placeAt, placeOfFile, testRegionsOfFile } from "./place";
import type { GrammarLanguage } from "./rule-spec";

export interface FileContext {
  path: string;
  content: string;
  lang: GrammarLanguage;
  lines: string[];
  root: SgNode;
  /** Place of the path (shipped/test/example/bench). */
  pathPlace: Place;
  /** Place of a 0-based line: the path's place, or test inside a Rust `#[cfg(test)]` module. */
  placeAt(line: number): Place;
  /** Same-file helpers that assert (for tests that delegate). */
  helpers(): Set<string>;
  /** Names of every function defined in the file (a helper defined here that does not assert delegates nothing). */
  functions(): Set<string>;
  /** Every function defined in the file, name → body text (parsed once per file, not once per test). */
  functionBodies(): Map<string, string>;
}

/** `pathPlace`: the place the scan already read for the file (a Rust macro arm's source is not the file's head). */
export function fileContext(path: string, content: string, lang: GrammarLanguage, root: SgNode, lines: string[], pathPlace: Place = placeOfFile(path, content)): FileContext {
  let regions: LineRange[] | null = null;
  let helpers: Set<string> | null = null;
  let functions: Set<string> | null = null;
  let bodies: Map<string, string> | null = null;
  const functionBodies = () => (bodies ??= fileFunctions(root, lang));
  return {
    path, content, lang, lines, root, pathPlace,
    placeAt(line) {
      if (pathPlace !== "shipped") return pathPlace;
      regions ??= testRegionsOfFile(content, lang, () => root);
      return placeAt(pathPlace, regions, line);
    },
    helpers() {
      helpers ??= assertingHelpers(root, lang);
      return helpers;
    },
    functions() {
      functions ??= new Set(functionBodies().keys());
      return functions;
    },
    functionBodies,
  };
}
