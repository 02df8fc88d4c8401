// Benchmark: the static floor over a generated 10,000-file tree (~1M lines), next to `ast-grep scan`
// running the same rules' ast-grep parts over the same tree, in the same run.
// Run: cd /work/main && npx bun bench/floor.ts [--files N]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { stringify } from "yaml";
import { loadFloor } from "../pipeline/rules/floor";
import { isTextRule } from "../pipeline/rules/text-level";

const N = Number(process.argv[process.argv.indexOf("--files") + 1]) || 10_000;
const ROOT = join(import.meta.dir, "..");

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

function generate(dir: string): { files: number; lines: number } {
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

function read(dir: string): { path: string; content: string }[] {
  const out: { path: string; content: string }[] = [];
  const walk = (d: string) => { for (const n of readdirSync(d)) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else out.push({ path: relative(dir, p), content: readFileSync(p, "utf8") }); } };
  walk(dir);
  return out;
}

const SG_LANG = { typescript: "TypeScript", python: "Python", rust: "Rust", go: "Go" } as const;

/** The ast-grep part of every floor rule as an ast-grep CLI rule file (checks, examples and prefilters dropped). */
function writeSgProject(dir: string, floor: ReturnType<typeof loadFloor>): number {
  mkdirSync(join(dir, "rules"), { recursive: true });
  let n = 0;
  for (const r of floor.rules) {
    if (!r.rule || isTextRule(r)) continue;
    const rule = { id: r.id, language: SG_LANG[r.language as keyof typeof SG_LANG], severity: r.severity, message: r.message, rule: r.rule, ...(r.constraints ? { constraints: r.constraints } : {}), ...(r.utils ? { utils: r.utils } : {}) };
    writeFileSync(join(dir, "rules", `${r.id}.yml`), stringify(rule));
    n++;
  }
  writeFileSync(join(dir, "sgconfig.yml"), stringify({ ruleDirs: ["rules"] }));
  return n;
}

const work = mkdtempSync(join(tmpdir(), "scrum-bench-floor-"));
try {
  const tree = join(work, "tree");
  const size = generate(tree);
  const files = read(tree);
  const floor = loadFloor(join(ROOT, "prompts", "rules"));
  const t0 = performance.now();
  const found = floor.scan(files);
  const floorS = (performance.now() - t0) / 1000;
  const findings = [...found.values()].reduce((a, l) => a + l.length, 0);

  const sgDir = join(work, "sg");
  const sgRules = writeSgProject(sgDir, floor);
  const sgBin = join(ROOT, "node_modules", ".bin", "ast-grep");
  const t1 = performance.now();
  const out = execFileSync(sgBin, ["scan", "-c", join(sgDir, "sgconfig.yml"), "-j", "2", "--json=stream", tree], { maxBuffer: 1 << 30 }).toString();
  const sgS = (performance.now() - t1) / 1000;
  const sgMatches = out.split("\n").filter(Boolean).length;

  const row = (name: string, s: number, extra: string) => `| ${name} | ${s.toFixed(1)} s | ${Math.round(size.files / s)} | ${Math.round(size.lines / s)} | ${extra} |`;
  process.stdout.write([
    `tree: ${size.files} files, ${size.lines} lines (TS 40%, Python/Rust/Go 20% each); ${cpus().length} cores`,
    "",
    "| engine | wall | files/s | lines/s | result |",
    "|---|---|---|---|---|",
    row("scrum floor (in-process, 1 thread, all checks)", floorS, `${findings} findings, ${floor.rules.length} rules`),
    row("ast-grep scan -j 2 (ast-grep parts only)", sgS, `${sgMatches} matches, ${sgRules} rules`),
    "",
    `ratio floor/ast-grep wall time: ${(floorS / sgS).toFixed(2)}×`,
    "",
  ].join("\n"));
} finally {
  rmSync(work, { recursive: true, force: true });
}
