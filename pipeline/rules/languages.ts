// File extension → rule language and ast-grep parser; registers the Python, Rust and Go grammars once.
import { Lang, parse, registerDynamicLanguage, type SgRoot } from "@ast-grep/napi";
import go from "@ast-grep/lang-go";
import python from "@ast-grep/lang-python";
import rust from "@ast-grep/lang-rust";
import type { GrammarLanguage, RuleLanguage } from "./rule-spec";

const EXT: Record<string, { lang: GrammarLanguage; parser: string }> = {
  ".ts": { lang: "typescript", parser: Lang.TypeScript },
  ".mts": { lang: "typescript", parser: Lang.TypeScript },
  ".cts": { lang: "typescript", parser: Lang.TypeScript },
  // JavaScript may carry JSX; the TSX grammar reads plain JS and JSX alike.
  ".tsx": { lang: "typescript", parser: Lang.Tsx },
  ".js": { lang: "typescript", parser: Lang.Tsx },
  ".jsx": { lang: "typescript", parser: Lang.Tsx },
  ".mjs": { lang: "typescript", parser: Lang.Tsx },
  ".cjs": { lang: "typescript", parser: Lang.Tsx },
  ".py": { lang: "python", parser: "python" },
  ".rs": { lang: "rust", parser: "rust" },
  ".go": { lang: "go", parser: "go" },
};

let registered = false;
function ensureRegistered(): void {
  if (registered) return;
  registerDynamicLanguage({ python, rust, go } as Parameters<typeof registerDynamicLanguage>[0]);
  registered = true;
}

function extOf(path: string): string {
  const slash = path.lastIndexOf("/");
  const dot = path.lastIndexOf(".");
  return dot > slash ? path.slice(dot).toLowerCase() : "";
}

/** The rule language of a path, or null when the floor has no rules for it. */
export function languageOf(path: string): GrammarLanguage | null {
  return EXT[extOf(path)]?.lang ?? null;
}

// The last parse, so two readers of one file in a row (text-level and syntax-tree rules) parse it once.
let last: { path: string; content: string; root: SgRoot } | null = null;

/** Parse a source text with the grammar its extension calls for; null for unsupported files. */
export function parseSource(path: string, content: string): SgRoot | null {
  const e = EXT[extOf(path)];
  if (!e) return null;
  if (last && last.path === path && last.content === content) return last.root;
  ensureRegistered();
  const root = parse(e.parser as Lang, content);
  last = { path, content, root };
  return root;
}

/** A representative file name per language, for rule examples that are a bare source text. */
export const EXAMPLE_FILE: Record<RuleLanguage, string> = {
  typescript: "src/example.ts",
  python: "app/example.py",
  rust: "src/example.rs",
  go: "pkg/example.go",
  markdown: "docs/example.md",
  text: "config/example.yaml",
};
