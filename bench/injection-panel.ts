// Precision panel: the prompt-injection rules over real repositories (each walked with the shipped walk
// policy, source and text files), printing every finding so a reader can judge each one, and the cost of the
// text-level rules next to the whole floor in the same run.
// Run: npx bun bench/injection-panel.ts DIR [DIR...] [--quiet]
import { basename, resolve } from "node:path";
import { loadConfig } from "../pipeline/cli/load-config";
import { createFloor, loadFloor } from "../pipeline/rules/floor";
import { isTextRule } from "../pipeline/rules/text-level";
import { walkRepo } from "../pipeline/walk/walk-repo";

const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const dirs = args.filter((a) => !a.startsWith("--"));
if (!dirs.length) {
  process.stderr.write("usage: bun bench/injection-panel.ts DIR [DIR...] [--quiet]\n");
  process.exit(2);
}
const root = resolve(import.meta.dir, "..");
const { config } = loadConfig({ cwd: root });
const all = loadFloor(resolve(root, config.static.rulesDir));
const withoutText = createFloor(all.rules.filter((r) => !isTextRule(r)));
const textOnly = createFloor(all.rules.filter(isTextRule));

// Warm-up (not timed): the first scan pays for JIT and lazily compiled regexes, whichever floor runs first.
{
  const w = await walkRepo(dirs[0]!, process.cwd(), { policy: config.walk });
  const sample = w.files.slice(0, 200).map((f) => ({ path: f.path, content: f.content }));
  for (const floor of [all, withoutText, textOnly]) floor.scan(sample, w.texts.slice(0, 50).map((f) => ({ path: f.path, content: f.content })));
}

let totalFiles = 0, totalFindings = 0, msAll = 0, msBase = 0, msText = 0;
const byRule = new Map<string, number>();
const rows: string[] = [];
for (const dir of dirs) {
  const walk = await walkRepo(dir, process.cwd(), { policy: config.walk });
  const files = walk.files.map((f) => ({ path: f.path, content: f.content }));
  const texts = walk.texts.map((f) => ({ path: f.path, content: f.content }));
  let t = performance.now();
  const found = all.scan(files, texts);
  msAll += performance.now() - t;
  t = performance.now();
  withoutText.scan(files, texts);
  msBase += performance.now() - t;
  t = performance.now();
  textOnly.scan(files, texts);
  msText += performance.now() - t;
  const pi = [...found.values()].flat().filter((f) => f.class === "prompt-injection");
  totalFiles += files.length + texts.length;
  totalFindings += pi.length;
  rows.push(`${basename(dir).padEnd(36)} ${String(files.length).padStart(6)} source ${String(texts.length).padStart(6)} text ${String(pi.length).padStart(4)} prompt-injection`);
  for (const f of pi) {
    byRule.set(f.rule_id, (byRule.get(f.rule_id) ?? 0) + 1);
    if (!quiet) rows.push(`    ${f.file}:${f.line} ${f.rule_id}: ${f.message}\n        ${f.snippet.split("\n")[0]!.slice(0, 160)}`);
  }
}
const load = (await Bun.file("/proc/loadavg").text().catch(() => "n/a")).split(" ").slice(0, 3).join(" ");
process.stdout.write(rows.join("\n") + "\n\n");
process.stdout.write(`repositories: ${dirs.length}, files read: ${totalFiles}, prompt-injection findings: ${totalFindings} (${(totalFindings / Math.max(1, totalFiles) * 1000).toFixed(2)} per 1000 files)\n`);
process.stdout.write(`by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(", ") || "none"}\n`);
process.stdout.write(`floor wall time: all rules ${(msAll / 1000).toFixed(2)} s, without text-level rules ${(msBase / 1000).toFixed(2)} s, text-level rules alone ${(msText / 1000).toFixed(2)} s; load average ${load}\n`);
