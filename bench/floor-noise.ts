// Floor noise on real code: `npx bun bench/floor-noise.ts <engineRoot> <dir>... ` counts findings by rule (LIST=1 lists them).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
const [root, ...dirs] = process.argv.slice(2);
const { loadFloor } = await import(resolve(root!, "pipeline/rules/floor.ts"));
const floor = loadFloor(join(root!, "prompts/rules"));
const EXT = /\.(ts|tsx|js|jsx|mjs|cjs|py|rs|go)$/;
const files: { path: string; content: string }[] = [];
function walk(d: string, base: string) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    const s = statSync(p);
    if (s.isDirectory()) { if (n !== "node_modules" && n !== "__pycache__") walk(p, base); }
    else if (EXT.test(n) && s.size < 400_000 && !n.endsWith(".d.ts") && !n.endsWith(".min.js")) files.push({ path: basename(resolve(base)) + "/" + relative(base, p), content: readFileSync(p, "utf8") });
  }
}
for (const d of dirs) walk(d, d);
const t0 = performance.now();
const out = floor.scan(files);
const byRule: Record<string, number> = {};
const lines: string[] = [];
for (const [f, list] of out) for (const x of list) { byRule[x.rule_id] = (byRule[x.rule_id] ?? 0) + 1; lines.push(`${x.rule_id}\t${f}:${x.line}\t${x.snippet.split("\n")[0].slice(0, 120)}`); }
console.log(`${files.length} files, ${lines.length} findings, ${Math.round(performance.now() - t0)} ms`);
console.log(Object.entries(byRule).sort().map(([k, v]) => `  ${k}: ${v}`).join("\n"));
if (process.env.LIST) console.log(lines.sort().join("\n"));
