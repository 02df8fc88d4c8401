// Read every mutation operator under a directory (prompts/mutations/<lang>/<id>.yml) and compile it for
// ast-grep; a bad file stops with a one-line ConfigError naming it.
import { loadSpecFiles, parseSpecText, type SpecKind } from "../core/spec-files";
import { compileOperator, type MutationOperator } from "./compile-operator";
import { MutationSpec } from "./mutation-spec";

export { compileOperator, type MutationOperator } from "./compile-operator";

const OPERATORS: SpecKind<MutationSpec> = { schema: MutationSpec, noun: "operator", dirNoun: "mutations directory", emptyNoun: "mutation operators", hint: "see docs/EVAL.md" };

/** Parse and validate one operator file's text; the id must equal the file name. */
export function parseMutationText(text: string, path: string): MutationSpec {
  return parseSpecText(OPERATORS, text, path);
}

export function loadMutations(dir: string): MutationOperator[] {
  return loadSpecFiles(OPERATORS, dir).map(({ spec, where }) => compileOperator(spec, where));
}
