// The floor benches' generated tree: N files (~100 lines each), TS 40%, Python/Rust/Go 20% each, with
// one planted defect per 50 files; deterministic, so every run and engine scans the same code.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { stringify } from "yaml";
import type { RuleSpec } from "../pipeline/rules/rule-spec";

function tsFile(i: number): string {
  const body = Array.from({ length: 9 }, (_, k) => `
export async function handler${i}_${k}(req: Request, opts: { limit: number }): Promise<Response> {
  const url = new URL(req.url);
  const items = await store.list(url.searchParams.get("q") ?? "", opts.limit);
  try {
    await audit.write({ at: Date.now(), n: items.length });
  } catch (err) {
    logger.warn({ err }, "audit failed");
  }
  return Response.json(items.filter((x) => x.visible));
}`).join("\n");
  return `// generated module ${i}\nimport { store, audit, logger } from "./deps";\n${body}\n${i % 50 === 0 ? "fetchAll().catch(() => {});\n" : ""}`;
}
function pyFile(i: number): string {
  const body = Array.from({ length: 9 }, (_, k) => `
def handler_${i}_${k}(request, limit=10):
    items = store.list(request.args.get("q", ""), limit)
    try:
        audit.write({"n": len(items)})
    except OSError as exc:
        log.warning("audit failed: %s", exc)
        raise
    return [x for x in items if x.visible]
`).join("\n");
  return `"""generated module ${i}"""\nfrom .deps import store, audit, log\n${body}${i % 50 === 0 ? "\ntry:\n    warm()\nexcept Exception:\n    pass\n" : ""}`;
}
function rsFile(i: number): string {
  const body = Array.from({ length: 9 }, (_, k) => `
pub fn handler_${i}_${k}(store: &Store, query: &str, limit: usize) -> Result<Vec<Item>, Error> {
    let items = store.list(query)?;
    if let Err(e) = audit::write(items.len()) {
        log::warn!("audit failed: {e}");
    }
    Ok(items.into_iter().filter(|x| x.visible).take(limit).collect())
}`).join("\n");
  return `//! generated module ${i}\nuse crate::deps::{audit, Error, Item, Store};\n${body}\n${i % 50 === 0 ? "pub fn warm() { let _ = std::fs::remove_file(\"x\"); }\n" : ""}`;
}
function goFile(i: number): string {
  const body = Array.from({ length: 9 }, (_, k) => `
func Handler${i}_${k}(ctx context.Context, s *Store, q string, limit int) ([]Item, error) {
	items, err := s.List(ctx, q, limit)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	out := items[:0]
	for _, it := range items {
		if it.Visible {
			out = append(out, it)
		}
	}
	return out, nil
}`).join("\n");
  return `package gen${i % 100}\n\nimport (\n\t"context"\n\t"fmt"\n)\n${body}\n${i % 50 === 0 ? "func warm(w io.Writer) { _, _ = w.Write(nil) }\n" : ""}`;
}

export function generate(dir: string, N: number): { files: number; lines: number } {
  let lines = 0;
  for (let i = 0; i < N; i++) {
    const kind = i % 5;
    const [ext, text] = kind <= 1 ? ["ts", tsFile(i)] : kind === 2 ? ["py", pyFile(i)] : kind === 3 ? ["rs", rsFile(i)] : ["go", goFile(i)];
    const sub = join(dir, `pkg${i % 100}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `m${i}.${ext}`), text);
    lines += text.split("\n").length;
  }
  return { files: N, lines };
}

export function read(dir: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else out.push({ path: relative(dir, p), content: readFileSync(p, "utf8") }); } };
  walk(dir);
  return out;
}


const SG_LANG = { typescript: "TypeScript", python: "Python", rust: "Rust", go: "Go" } as const;

/** The ast-grep part of every floor rule as an ast-grep CLI rule file (checks, examples and prefilters dropped). */
export function writeSgProject(dir: string, rules: readonly RuleSpec[]): number {
  mkdirSync(join(dir, "rules"), { recursive: true });
  let n = 0;
  for (const r of rules) {
    if (!r.rule || !(r.language in SG_LANG)) continue;
    const rule = { id: r.id, language: SG_LANG[r.language as keyof typeof SG_LANG], severity: r.severity, message: r.message, rule: r.rule, ...(r.constraints ? { constraints: r.constraints } : {}), ...(r.utils ? { utils: r.utils } : {}) };
    writeFileSync(join(dir, "rules", `${r.id}.yml`), stringify(rule));
    n++;
  }
  writeFileSync(join(dir, "sgconfig.yml"), stringify({ ruleDirs: ["rules"] }));
  return n;
}

