// The injection grammars in force: English (code) and every language file under prompts/injection/ (data),
// read once. A file that does not validate, or whose patterns do not compile, is a one-line ConfigError.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../../core/errors";
import { parseSpecText, type SpecKind } from "../../core/spec-files";
import { compileGrammar } from "./compile-grammar";
import { ENGLISH } from "./english-grammar";
import { type Grammar, GrammarSpec } from "./injection-grammar";
import { languageGate } from "./language-gate";
import { normalise } from "./normalise-text";

/** Where the language files live: policy as data beside the rule pack. */
export const GRAMMAR_DIR = fileURLToPath(new URL("../../../prompts/injection/", import.meta.url));

const GRAMMARS: SpecKind<GrammarSpec> = {
  schema: GrammarSpec as unknown as SpecKind<GrammarSpec>["schema"], noun: "grammar", dirNoun: "injection grammar directory",
  emptyNoun: "injection grammars", hint: "see docs/RULES.md#prompt-injection",
};

function compiled(spec: GrammarSpec, path: string, gate?: ReturnType<typeof languageGate>): Grammar {
  try {
    return compileGrammar(spec, gate);
  } catch (e) {
    throw new ConfigError(`${path}: a word class does not compile: ${(e as Error).message.split("\n")[0]}`, GRAMMARS.hint);
  }
}

/** Parse and compile one grammar file's text (used by tests). */
export function grammarFromText(text: string, path: string): { spec: GrammarSpec; grammar: Grammar } {
  const spec = parseSpecText(GRAMMARS, text, path);
  return { spec, grammar: compiled(spec, path) };
}

/** Every language file of a directory, sorted by name; their language gates share one scan of a text. */
export function loadGrammarSpecs(dir = GRAMMAR_DIR): { spec: GrammarSpec; grammar: Grammar }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n)).sort();
  } catch (e) {
    throw new ConfigError(`cannot read ${GRAMMARS.dirNoun} ${dir}: ${(e as Error).message.split("\n")[0]}`);
  }
  const specs = names.map((n) => ({ spec: parseSpecText(GRAMMARS, readFileSync(dir + n, "utf8"), `prompts/injection/${n}`), path: `prompts/injection/${n}` }));
  let gate: ReturnType<typeof languageGate>;
  try {
    gate = languageGate(specs.map((s) => s.spec));
  } catch (e) {
    throw new ConfigError(`prompts/injection: a signature does not compile: ${(e as Error).message.split("\n")[0]}`, GRAMMARS.hint);
  }
  return specs.map(({ spec, path }) => ({ spec, grammar: compiled(spec, path, gate) }));
}

let loaded: Grammar[] | null = null;

/** English first, then the data grammars; read on first use. */
export function grammars(): Grammar[] {
  loaded ??= [ENGLISH, ...loadGrammarSpecs().map((g) => g.grammar)];
  return loaded;
}

/** A necessary condition for any injection hit in any language: text without a match is skipped unread. */
export const mayInject = (text: string) => {
  const folded = normalise(text)?.text ?? text;
  return grammars().some((g) => g.mayInject(folded));
};
