// A generated multi-language repository for planting mutants: the bench's 10,000-file tree and the
// pinned-mutants test's small one come from the same templates (TS, Python, Go, Rust, TS tests).
import { EXAMPLE_FILE } from "../../pipeline/rules/languages";
import type { MutationOperator } from "../../pipeline/eval/load-mutations";

export interface GeneratedFile { path: string; content: string }

// Realistic shapes with a few sites each: catch blocks, bodies, env reads, TLS configs, tests.
const TEMPLATES: [string, (i: number) => string][] = [
  ["src/svc{d}/handler{i}.ts", (i) => `import https from "node:https";\nexport async function handle${i}(req: Req, timeout: number) {\n  try {\n    const r = await fetch(req.url, { timeout });\n    return r.json();\n  } catch (err) {\n    logger.error({ err }, "handle failed");\n    throw err;\n  }\n}\nconst apiKey = process.env.API_KEY_${i};\nconst agent = new https.Agent({ keepAlive: true });\n`],
  ["app/mod{d}/views{i}.py", (i) => `import os, requests\n\nAPI_TOKEN = os.environ["TOKEN_${i}"]\n\ndef fetch_${i}(url, timeout=10):\n    resp = requests.get(url, timeout=timeout)\n    resp.raise_for_status()\n    try:\n        return resp.json()\n    except ValueError as exc:\n        log.warning("bad json %s", exc)\n        raise\n`],
  ["pkg/p{d}/store{i}.go", (i) => `package p\n\nimport (\n\t"context"\n\t"crypto/tls"\n)\n\nfunc Get${i}(ctx context.Context, id string) error {\n\tif err := db.QueryRowContext(ctx, "select 1", id).Scan(); err != nil {\n\t\treturn err\n\t}\n\tcfg := &tls.Config{MinVersion: tls.VersionTLS12}\n\t_ = cfg\n\treturn nil\n}\n`],
  ["crates/c{d}/src/lib{i}.rs", (i) => `pub fn save${i}(tx: Tx, timeout: Duration) -> Result<()> {\n    let c = Client::builder().timeout(timeout).build()?;\n    tx.commit()?;\n    Ok(())\n}\n\n#[test]\nfn saves_${i}() {\n    let tx = Tx::new();\n    assert!(save${i}(tx, Duration::ZERO).is_ok());\n}\n`],
  ["src/svc{d}/handler{i}.test.ts", (i) => `test("handles ${i}", async () => {\n  const r = await handle(req);\n  expect(r.ok).toBe(true);\n});\n`],
];

/** n files cycling through the templates, spread over 97 directories per language. */
export function generatedRepo(n: number): GeneratedFile[] {
  return Array.from({ length: n }, (_, i) => {
    const [path, body] = TEMPLATES[i % TEMPLATES.length]!;
    return { path: path.replace("{d}", String(i % 97)).replace("{i}", String(i)), content: body(i) };
  });
}

/**
 * Every operator's example `before` texts as files, each under its own directory (so every operator
 * has sites, including the shapes the templates lack: guards, compares, home paths, rewriters).
 */
export function exampleRepo(ops: readonly MutationOperator[]): GeneratedFile[] {
  return ops.flatMap((op) => op.spec.examples.map((ex, i) => {
    const path = ex.path ?? op.spec.example_path ?? EXAMPLE_FILE[op.spec.language];
    return { path: `x/${op.spec.id}/${i}/${path}`, content: ex.before };
  }));
}
