// Two floor engines on the same generated tree, one thread each, next to `ast-grep scan -j 1` with each
// engine's own rules, in one run: is an engine change faster for the same work?
// Run: npx bun bench/floor-engines.ts [--files N] ROOT...   (ROOT: a checkout, e.g. `git archive <commit>` unpacked)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generate, read, writeSgProject } from "./floor-tree";

const args = process.argv.slice(2);
const at = args.indexOf("--files");
const N = at >= 0 ? Number(args[at + 1]) : 2000;
const roots = args.filter((a, i) => a !== "--files" && i !== at + 1).map((r) => resolve(r));
if (!roots.length || !Number.isInteger(N) || N < 1) {
  process.stderr.write("usage: bun bench/floor-engines.ts [--files N] ROOT...\n");
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "scrum-bench-engines-"));
try {
  const tree = join(work, "tree");
  const size = generate(tree, N);
  const files = read(tree);
  const sgBin = join(import.meta.dir, "..", "node_modules", ".bin", "ast-grep");
  const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
  const out = [`tree: ${size.files} files, ${size.lines} lines; load average before: ${load()}`, "", "| engine | floor, 1 thread | ast-grep -j 1, same rules | ratio | findings |", "|---|---|---|---|---|"];
  for (const root of roots) {
    const { loadFloor } = await import(join(root, "pipeline/rules/floor.ts"));
    const floor = loadFloor(join(root, "prompts/rules"));
    const sgDir = join(work, `sg-${out.length}`);
    writeSgProject(sgDir, floor.rules);
    let t = performance.now();
    const found = floor.scan(files) as Map<string, unknown[]>;
    const a = (performance.now() - t) / 1000;
    t = performance.now();
    const sg = spawnSync(sgBin, ["scan", "-c", join(sgDir, "sgconfig.yml"), "-j", "1", "--json=stream", tree], { maxBuffer: 1 << 30 });
    if (sg.status !== 0 && sg.status !== 1) throw new Error(`ast-grep scan failed: ${sg.stderr.toString().split("\n")[0]}`);
    const b = (performance.now() - t) / 1000;
    out.push(`| ${root} (${floor.rules.length} rules) | ${a.toFixed(1)} s | ${b.toFixed(1)} s | ${(a / b).toFixed(2)}× | ${[...found.values()].flat().length} |`);
  }
  out.push("", `load average after: ${load()}`, "");
  process.stdout.write(out.join("\n"));
} finally {
  rmSync(work, { recursive: true, force: true });
}
