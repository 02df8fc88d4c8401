// Planting mutants in a 10,000-file repository: site finding over every file, the stratified sample and
// the rewrite (the bar: under 30 s), then the floor's cross-file overlap check, timed apart.
// Usage: npx bun bench/mutate.ts [FILES] [--per-class N] [--floor]   (--floor also times the overlap check)
import { loadavg } from "node:os";
import { join } from "node:path";
import { loadMutations } from "../pipeline/eval/load-mutations";
import { applySite, findSites } from "../pipeline/eval/find-sites";
import { planMutants } from "../pipeline/eval/plan-mutants";
import { sampleSites } from "../pipeline/eval/sample-sites";
import { FindingClass } from "../pipeline/kb/schemas/static-finding";
import { loadFloor } from "../pipeline/rules/floor";

const ROOT = join(import.meta.dir, "..");
const n = Number(process.argv[2] ?? 10_000);
const flag = process.argv.indexOf("--per-class");
const perClass = flag === -1 ? 3 : Number(process.argv[flag + 1]);
const withFloor = process.argv.includes("--floor");

// Four languages, realistic shapes, a few sites each (catch blocks, bodies, env reads, TLS configs, tests).
const TEMPLATES: [string, (i: number) => string][] = [
  ["src/svc{d}/handler{i}.ts", (i) => `import https from "node:https";\nexport async function handle${i}(req: Req, timeout: number) {\n  try {\n    const r = await fetch(req.url, { timeout });\n    return r.json();\n  } catch (err) {\n    logger.error({ err }, "handle failed");\n    throw err;\n  }\n}\nconst apiKey = process.env.API_KEY_${i};\nconst agent = new https.Agent({ keepAlive: true });\n`],
  ["app/mod{d}/views{i}.py", (i) => `import os, requests\n\nAPI_TOKEN = os.environ["TOKEN_${i}"]\n\ndef fetch_${i}(url, timeout=10):\n    resp = requests.get(url, timeout=timeout)\n    resp.raise_for_status()\n    try:\n        return resp.json()\n    except ValueError as exc:\n        log.warning("bad json %s", exc)\n        raise\n`],
  ["pkg/p{d}/store{i}.go", (i) => `package p\n\nimport (\n\t"context"\n\t"crypto/tls"\n)\n\nfunc Get${i}(ctx context.Context, id string) error {\n\tif err := db.QueryRowContext(ctx, "select 1", id).Scan(); err != nil {\n\t\treturn err\n\t}\n\tcfg := &tls.Config{MinVersion: tls.VersionTLS12}\n\t_ = cfg\n\treturn nil\n}\n`],
  ["crates/c{d}/src/lib{i}.rs", (i) => `pub fn save${i}(tx: Tx, timeout: Duration) -> Result<()> {\n    let c = Client::builder().timeout(timeout).build()?;\n    tx.commit()?;\n    Ok(())\n}\n\n#[test]\nfn saves_${i}() {\n    let tx = Tx::new();\n    assert!(save${i}(tx, Duration::ZERO).is_ok());\n}\n`],
  ["src/svc{d}/handler{i}.test.ts", (i) => `test("handles ${i}", async () => {\n  const r = await handle(req);\n  expect(r.ok).toBe(true);\n});\n`],
];
const files = Array.from({ length: n }, (_, i) => {
  const [path, body] = TEMPLATES[i % TEMPLATES.length]!;
  return { path: path.replace("{d}", String(i % 97)).replace("{i}", String(i)), content: body(i) };
});
const floor = loadFloor(join(ROOT, "prompts/rules"));
const ops = loadMutations(join(ROOT, "prompts/mutations"));
const t0 = performance.now();
const sites = findSites(files, ops, "bench");
const sample = sampleSites(sites, [...FindingClass.options], perClass, "bench");
const text = new Map(files.map((f) => [f.path, f.content]));
const mutated = sample.chosen.map((s) => applySite(text.get(s.file)!, s));
const plantMs = performance.now() - t0;
console.log(`files ${n}, sites ${sites.length}, mutants ${mutated.length} (${perClass} per class)`);
console.log(`planting (sites + sample + rewrite): ${(plantMs / 1000).toFixed(1)} s`);
if (withFloor) {
  const t1 = performance.now();
  const plan = planMutants({ files, operators: ops, classes: [...FindingClass.options], perClass, seed: "bench", floor, cost: () => 0, budget: null });
  console.log(`whole plan with the floor's overlap check (two floor scans): ${((performance.now() - t1) / 1000).toFixed(1)} s, ${plan.mutants.length} mutants`);
}
console.log(`load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
