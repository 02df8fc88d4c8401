// Prepare a rule for fast repeated matching: ASCII-mode regexes and a text prefilter.
import type { NapiConfig } from "@ast-grep/napi";
import { EXAMPLE_FILE, parseSource } from "./languages";
import type { RuleLanguage, RuleSpec } from "./rule-spec";

export interface CompiledRule {
  spec: RuleSpec;
  matcher: NapiConfig | null;
  prefilter: RegExp | null;
}

const asciiOk = new Map<string, boolean>();

/**
 * ast-grep compiles a rule on every call, and Unicode-aware `\w` and `(?i)` make that costly. Source
 * identifiers are ASCII, so each regex runs in ASCII mode (`(?-u)`) when it can; a regex that ASCII mode
 * rejects (it could match invalid UTF-8, e.g. `.`) keeps its Unicode form.
 */
function asciiRegex(re: string, lang: RuleLanguage): string {
  const candidate = `(?-u)${re}`;
  let ok = asciiOk.get(`${lang}\0${re}`);
  if (ok === undefined) {
    try {
      parseSource(EXAMPLE_FILE[lang], "")!.root().findAll({ rule: { regex: candidate } });
      ok = true;
    } catch {
      ok = false;
    }
    asciiOk.set(`${lang}\0${re}`, ok);
  }
  return ok ? candidate : re;
}

function mapRegexes(value: unknown, lang: RuleLanguage): unknown {
  if (Array.isArray(value)) return value.map((v) => mapRegexes(v, lang));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "regex" && typeof v === "string" ? asciiRegex(v, lang) : mapRegexes(v, lang)]));
  }
  return value;
}

export function compileRule(spec: RuleSpec): CompiledRule {
  const matcher = spec.rule
    ? ({
        rule: mapRegexes(spec.rule, spec.language),
        constraints: spec.constraints && mapRegexes(spec.constraints, spec.language),
        utils: spec.utils && mapRegexes(spec.utils, spec.language),
      } as NapiConfig)
    : null;
  return { spec, matcher, prefilter: spec.prefilter ? new RegExp(spec.prefilter, "i") : null };
}
