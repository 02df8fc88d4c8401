// Where a symbol is defined in a source file: the declaration kinds each language names things with.
import type { GrammarLanguage } from "../rules/rule-spec";
import { languageOf, parseSource } from "../rules/languages";
import type { SourceText } from "./count-tests";

const DEFINITION_KINDS: Record<GrammarLanguage, string[]> = {
  typescript: ["function_declaration", "generator_function_declaration", "class_declaration", "method_definition", "variable_declarator", "interface_declaration", "type_alias_declaration"],
  python: ["function_definition", "class_definition"],
  rust: ["function_item", "struct_item", "enum_item", "trait_item", "const_item", "static_item", "type_item", "macro_definition"],
  go: ["function_declaration", "method_declaration", "type_spec"],
};

export interface Definition {
  file: string;
  language: GrammarLanguage;
  /** 0-based line of the defined name (the floor's convention: an occurrence there is the definition itself). */
  line: number;
  /** 1-based first and last line of the whole definition, for "does the diff touch it". */
  start: number;
  end: number;
}

/** Definitions of `name` in one file (none for languages the floor does not parse). */
export function findDefinitions(file: SourceText, name: string): Definition[] {
  const language = languageOf(file.path);
  if (!language || !file.content.includes(name)) return [];
  const root = parseSource(file.path, file.content)?.root();
  if (!root) return [];
  const re = `^${name.replace(/\$/g, "\\$")}$`;
  // One traversal for every declaration kind of the language.
  const rule = { any: DEFINITION_KINDS[language].map((kind) => ({ kind })), has: { field: "name", regex: re } };
  return root.findAll({ rule } as never).map((node) => {
    const nameNode = node.field("name" as never) as { range(): { start: { line: number } } } | null;
    const r = node.range();
    return { file: file.path, language, line: nameNode?.range().start.line ?? r.start.line, start: r.start.line + 1, end: r.end.line + 1 };
  });
}
