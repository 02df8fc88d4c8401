// Is a candidate repository new to every panel? Looks each name up, case-insensitively and in every spelling
// (owner/name, name, the manifest's short name), in bench/panels.json, tests/panel-labels, docs/RULES.md and the
// corpus READMEs, so that a panel meant to be unseen holds nothing an earlier session swept or labelled.
// Run: npx bun bench/panel-names.ts owner/name|name ...     (exit 1 when any name was used)
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dir, "..");
const names = process.argv.slice(2);
if (!names.length) {
  process.stderr.write("usage: bun bench/panel-names.ts owner/name|name ...\n");
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(ROOT, "bench", "panels.json"), "utf8")) as { panels: Record<string, { name: string; repo: string }[]> };
const labels = readdirSync(join(ROOT, "tests", "panel-labels")).map((f) => f.replace(/\.jsonl$/, "").toLowerCase());
const texts = [join(ROOT, "docs", "RULES.md"), ...readdirSync(join(ROOT, "tests")).filter((d) => d.startsWith("corpus")).map((d) => join(ROOT, "tests", d, "README.md"))]
  .filter(existsSync).map((p) => ({ path: p.slice(ROOT.length + 1), text: readFileSync(p, "utf8").toLowerCase() }));
let used = false;
for (const raw of names) {
  const spellings = new Set([raw.toLowerCase(), raw.toLowerCase().split("/").pop()!]);
  const where: string[] = [];
  for (const [panel, repos] of Object.entries(manifest.panels)) {
    for (const r of repos) if ([r.name, r.repo, r.repo.split("/")[1]!].some((n) => spellings.has(n.toLowerCase()))) where.push(`panel ${panel} (${r.repo})`);
  }
  for (const l of labels) if (spellings.has(l)) where.push(`tests/panel-labels/${l}.jsonl`);
  for (const t of texts) for (const s of spellings) if (new RegExp(`(?<![\\w-])${s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?![\\w-])`).test(t.text)) { where.push(t.path); break; }
  used ||= where.length > 0;
  process.stdout.write(`${raw}: ${where.length ? `used (${[...new Set(where)].join(", ")})` : "new"}\n`);
}
process.exit(used ? 1 : 0);
