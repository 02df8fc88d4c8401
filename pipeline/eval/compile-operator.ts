// Prepare an operator for planting in every file: the napi binding compiles a rule on each findAll, and
// regex compilation is nearly all of that cost, so every regex is compiled as few times as possible.
import type { NapiConfig } from "@ast-grep/napi";
import { ConfigError } from "../core/errors";
import { compileRule } from "../rules/compile-rule";
import { EXAMPLE_FILE, parseSource } from "../rules/languages";
import type { RuleSpec } from "../rules/rule-spec";
import type { MutationSpec } from "./mutation-spec";

export interface MutationOperator {
  /** The operator as written (plain data: it can be sent to a worker and compiled there). */
  spec: MutationSpec;
  matcher: NapiConfig;
  /** Each rewriter's rule, with the operator's utils, by rewriter id. */
  rewriters: Map<string, NapiConfig>;
  prefilter: RegExp | null;
}

type Json = Record<string, unknown>;
const HOISTED = "_scrum_re_";

function eachRegex(value: unknown, visit: (holder: Json, re: string) => void): void {
  if (Array.isArray(value)) value.forEach((v) => eachRegex(v, visit));
  else if (value && typeof value === "object") {
    const holder = value as Json;
    if (typeof holder.regex === "string") visit(holder, holder.regex);
    for (const [k, v] of Object.entries(holder)) if (k !== "regex" && k !== "pattern") eachRegex(v, visit);
  }
}

/**
 * A regex written several times (the same secret-name list in three branches) becomes one util that each
 * place `matches`: ast-grep compiles a util once per rule, each inline regex once per occurrence. A regex
 * atom binds no meta-variable, so where it is checked within the rule object changes nothing it matches.
 */
export function hoistRepeatedRegexes(rule: Json, utils: Json | undefined): { rule: Json; utils: Json | undefined } {
  const copy = structuredClone({ rule, utils: utils ?? {} });
  const counts = new Map<string, number>();
  eachRegex(copy, (_, re) => counts.set(re, (counts.get(re) ?? 0) + 1));
  const names = new Map([...counts].filter(([, n]) => n > 1).map(([re], i) => [re, `${HOISTED}${i}`]));
  if (!names.size) return { rule, utils };
  eachRegex(copy, (holder, re) => {
    const name = names.get(re);
    if (!name) return;
    delete holder.regex;
    if (holder.matches === undefined) holder.matches = name;
    else holder.all = [...((holder.all as unknown[]) ?? []), { matches: name }];
  });
  for (const [re, name] of names) copy.utils[name] = { regex: re };
  return copy;
}

/** ASCII-mode regexes (the floor's compiler, compile-rule.ts) over the hoisted rule. */
function matcherOf(language: MutationSpec["language"], rule: Json, constraints?: Json, utils?: Json): NapiConfig {
  const hoisted = hoistRepeatedRegexes(rule, utils);
  return compileRule({ id: "mutation", language, rule: hoisted.rule, constraints, utils: hoisted.utils } as unknown as RuleSpec).matcher!;
}

/** Compile one operator; an ast-grep rule that does not compile, or a bad prefilter, is a ConfigError. */
export function compileOperator(spec: MutationSpec, where = spec.id): MutationOperator {
  let matcher: NapiConfig;
  const rewriters = new Map<string, NapiConfig>();
  try {
    matcher = matcherOf(spec.language, spec.rule, spec.constraints, spec.utils);
    for (const rw of spec.rewriters ?? []) rewriters.set(rw.id, matcherOf(spec.language, rw.rule, undefined, spec.utils));
    const empty = parseSource(EXAMPLE_FILE[spec.language], "")!.root();
    empty.findAll(matcher);
    for (const m of rewriters.values()) empty.findAll(m);
  } catch (e) {
    throw new ConfigError(`mutation ${where}: ast-grep cannot compile it: ${(e as Error).message.split("\n")[0]}`, "see docs/EVAL.md");
  }
  let prefilter: RegExp | null = null;
  try {
    prefilter = spec.prefilter ? new RegExp(spec.prefilter, "i") : null;
  } catch (e) {
    throw new ConfigError(`mutation ${where}: prefilter is not a valid regex: ${(e as Error).message}`);
  }
  return { spec, matcher, rewriters, prefilter };
}
