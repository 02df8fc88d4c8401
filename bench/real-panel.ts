// The real-code panel: sweep repositories nobody here wrote with the static floor, offline, and print
// findings per 1,000 lines by class and by place (shipped / test / example+bench), per repository and
// in total, plus the precision of the hand-labelled sample in tests/panel-labels/<repo>.jsonl.
//
// Run: npx bun bench/real-panel.ts [--list FILE] [--engine ROOT] [--labels DIR] [--findings OUT.jsonl] [--smoke-notes note|omit] [--json] DIR...
//   DIR...        panel repositories (the directory name is the repo name used for labels)
//   --list FILE   one directory per line (# comments allowed), instead of or besides DIR...
//   --engine ROOT measure another checkout's engine and rules (e.g. main exported to a temp dir)
//   --findings    write every finding (repo, file, line, column, rule, class, place, first snippet line, message) as JSONL
//   --smoke-notes note|omit  what to do with smoke-test notes (default: the engine's `static.smokeNotes` default, as a
//                 sweep does; an engine older than that policy keeps them)
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { WalkConfig } from "../pipeline/core/config";
import type { StaticFinding } from "../pipeline/kb/schemas/static-finding";
import { languageOf, parseSource } from "../pipeline/rules/languages";
import { type LineRange, type Place, placeAt, placeOfFile, placeOfPath, testRegionsOfFile } from "../pipeline/rules/place";
import { rustTestModules } from "../pipeline/rules/test-modules";
import { walkRepo } from "../pipeline/walk/walk-repo";

export const PanelLabel = z.object({
  file: z.string().min(1),
  line: z.number().int().positive(),
  rule_id: z.string().min(1),
  class: z.string().min(1),
  label: z.enum(["defensible", "not-defensible"]),
  reason: z.string().min(3).max(240),
}).strict();
export type PanelLabel = z.infer<typeof PanelLabel>;

/** Table places: examples and benchmarks do not ship either; they are reported together. */
export type Column = "shipped" | "test" | "other";
const COLUMN: Record<Place, Column> = { shipped: "shipped", test: "test", example: "other", bench: "other" };
const COLUMNS: Column[] = ["shipped", "test", "other"];

export interface PanelFinding { repo: string; file: string; line: number; column?: number; rule_id: string; class: string; severity: string; place: Column; snippet: string; message?: string; lead?: boolean }
export interface RepoTally { repo: string; files: number; lines: Record<Column, number>; findings: PanelFinding[] }

export function readLabels(text: string, where: string): PanelLabel[] {
  return text.split("\n").filter((l) => l.trim()).map((l, i) => {
    let row: unknown;
    try { row = JSON.parse(l); } catch { throw new Error(`${where}:${i + 1}: not a JSON object`); }
    const r = PanelLabel.safeParse(row);
    if (!r.success) throw new Error(`${where}:${i + 1}: ${r.error.issues[0]!.path.join(".")}: ${r.error.issues[0]!.message}`);
    return r.data;
  });
}

const perK = (n: number, lines: number) => (lines ? (n * 1000) / lines : 0).toFixed(2);
const cell = (n: number, lines: number) => `${n} (${perK(n, lines)})`;

/** Markdown tables: per repository, per class in total, and the labelled sample's precision. */
export function renderPanel(repos: RepoTally[], labels: Map<string, PanelLabel[]>): string {
  const total: Record<Column, number> = { shipped: 0, test: 0, other: 0 };
  for (const r of repos) for (const c of COLUMNS) total[c] += r.lines[c];
  const all = repos.flatMap((r) => r.findings);
  const count = (fs: PanelFinding[], c: Column) => fs.filter((f) => f.place === c).length;
  const out: string[] = [];
  out.push("Findings (per 1,000 lines) by place", "", "| repo | files | kLOC shipped / test / other | shipped | test | other |", "|---|---|---|---|---|---|");
  for (const r of repos) {
    out.push(`| ${r.repo} | ${r.files} | ${COLUMNS.map((c) => (r.lines[c] / 1000).toFixed(1)).join(" / ")} | ${COLUMNS.map((c) => cell(count(r.findings, c), r.lines[c])).join(" | ")} |`);
  }
  out.push(`| **total** | ${repos.reduce((a, r) => a + r.files, 0)} | ${COLUMNS.map((c) => (total[c] / 1000).toFixed(1)).join(" / ")} | ${COLUMNS.map((c) => cell(count(all, c), total[c])).join(" | ")} |`);
  const notes = all.filter((f) => f.severity === "info");
  out.push(`| of which info-level notes | | | ${COLUMNS.map((c) => cell(count(notes, c), total[c])).join(" | ")} |`);
  // `scrum eval` does not score info notes (a note is not a defect claim); the claims alone, the same way.
  // Leads (claim-evidence.ts) are info notes too: the floor's own "this may not matter", apart from smoke-test notes.
  const leads = all.filter((f) => f.lead);
  out.push(`| of which leads (info notes the models verify) | | | ${COLUMNS.map((c) => cell(count(leads, c), total[c])).join(" | ")} |`);
  const claims = all.filter((f) => f.severity !== "info");
  out.push(`| defect claims (warning and above) | | | ${COLUMNS.map((c) => cell(count(claims, c), total[c])).join(" | ")} |`);
  const classes = [...new Set(all.map((f) => f.class))].sort();
  out.push("", "By class, all repositories (per 1,000 lines of that place)", "", "| class | shipped | test | other |", "|---|---|---|---|");
  for (const k of classes) {
    const fs = all.filter((f) => f.class === k);
    out.push(`| ${k} | ${COLUMNS.map((c) => cell(count(fs, c), total[c])).join(" | ")} |`);
  }
  out.push("", "By class and repository (shipped + test + other findings)", "", `| repo | ${classes.join(" | ")} |`, `|---|${classes.map(() => "---|").join("")}`);
  for (const r of repos) out.push(`| ${r.repo} | ${classes.map((k) => r.findings.filter((f) => f.class === k).length).join(" | ")} |`);

  // Labels join findings by (repo, file, rule, line); a labelled finding the floor no longer reports is "gone".
  const key = (repo: string, f: { file: string; rule_id: string; line: number }) => `${repo}\0${f.file}\0${f.rule_id}\0${f.line}`;
  const current = new Map(all.map((f) => [key(f.repo, f), f]));
  const rows = new Map<string, { n: number; ok: number }>();
  let gone = 0, goneNot = 0;
  for (const [repo, list] of labels) {
    for (const l of list) {
      const f = current.get(key(repo, l));
      if (!f) { gone++; if (l.label === "not-defensible") goneNot++; continue; }
      const keys = [`${f.class}\0${f.place}`, `all\0${f.place}`];
      if (f.severity !== "info") keys.push(`claims\0${f.place}`);
      if (f.lead) keys.push(`leads\0${f.place}`);
      for (const k of keys) {
        const row = rows.get(k) ?? { n: 0, ok: 0 };
        row.n++;
        if (l.label === "defensible") row.ok++;
        rows.set(k, row);
      }
    }
  }
  if (labels.size) {
    out.push("", "Labelled sample: defensible / labelled (precision) among current findings", "", "| class | shipped | test | other |", "|---|---|---|---|");
    for (const k of [...classes, "all", "claims", "leads"]) {
      const cells = COLUMNS.map((c) => { const r = rows.get(`${k}\0${c}`); return r ? `${r.ok}/${r.n} (${((100 * r.ok) / r.n).toFixed(0)}%)` : "-"; });
      out.push(`| ${k === "all" ? "**all**" : k === "claims" ? "**defect claims** (info notes left out)" : k === "leads" ? "leads (info notes; what a claim would have been)" : k} | ${cells.join(" | ")} |`);
    }
    out.push("", `labels whose finding is no longer reported: ${gone} (${goneNot} of them labelled not-defensible)`);
  }
  return out.join("\n") + "\n";
}

type Scan = (files: { path: string; content: string }[], texts: { path: string; content: string }[]) => Promise<Map<string, StaticFinding[]>> | Map<string, StaticFinding[]>;

async function tallyRepo(dir: string, scan: Scan): Promise<RepoTally> {
  const repo = basename(resolve(dir));
  const walk = await walkRepo(dir, process.cwd(), { policy: WalkConfig.parse({}) });
  const lines: Record<Column, number> = { shipped: 0, test: 0, other: 0 };
  const regionsOf = new Map<string, LineRange[]>();
  const placeOf = new Map<string, Place>();
  const files = walk.files.filter((f) => languageOf(f.path));
  const testModules = rustTestModules(files);
  for (const f of files) {
    const n = f.content.split("\n").length - (f.content.endsWith("\n") ? 1 : 0);
    const place = testModules.has(f.path) ? "test" : placeOfFile(f.path, f.content);
    placeOf.set(f.path, place);
    const regions = place === "shipped" ? testRegionsOfFile(f.content, languageOf(f.path)!, () => parseSource(f.path, f.content)!.root()) : [];
    regionsOf.set(f.path, regions);
    const inTests = regions.reduce((a, r) => a + r.end - r.start + 1, 0);
    lines[COLUMN[place]] += n - inTests;
    lines.test += inTests;
  }
  // Package manifests are read as the sweep reads them (what a package publishes); other texts are not
  // scanned here, so the table counts code findings only.
  const manifests = walk.texts.filter((f) => /(^|\/)package\.json$/.test(f.path)).map((f) => ({ path: f.path, content: f.content }));
  const found = await scan(files.map((f) => ({ path: f.path, content: f.content })), manifests);
  const findings: PanelFinding[] = [];
  for (const [file, list] of found) {
    for (const x of list) {
      const place = COLUMN[placeAt(placeOf.get(file) ?? placeOfPath(file), regionsOf.get(file) ?? [], x.line - 1)];
      findings.push({ repo, file, line: x.line, column: x.column, rule_id: x.rule_id, class: x.class, severity: x.severity, place, snippet: x.snippet.split("\n")[0]!.slice(0, 160), message: x.message, ...(x.lead ? { lead: true } : {}) });
    }
  }
  return { repo, files: files.length, lines, findings };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2), allowPositionals: true,
    options: { list: { type: "string" }, engine: { type: "string" }, labels: { type: "string" }, findings: { type: "string" }, json: { type: "boolean" }, "smoke-notes": { type: "string" } },
  });
  const dirs = [...positionals];
  if (values.list) dirs.push(...readFileSync(values.list, "utf8").split("\n").map((l) => l.replace(/#.*/, "").trim()).filter(Boolean));
  if (!dirs.length) { process.stderr.write("usage: bun bench/real-panel.ts [--list FILE] [--engine ROOT] [--labels DIR] [--findings OUT] [--smoke-notes note|omit] DIR...\n"); process.exit(2); }
  const root = resolve(values.engine ?? join(import.meta.dir, ".."));
  const { loadFloor } = await import(join(root, "pipeline/rules/floor.ts"));
  const floor = loadFloor(join(root, "prompts/rules"));
  // What a sweep of that engine reports: its smoke-note policy at its default, unless told otherwise.
  const policy = await import(join(root, "pipeline/rules/lead-policy.ts")).catch(() => ({}));
  // An engine older than the policy (or than `StaticPolicy`'s export) keeps its notes.
  const { StaticPolicy } = (await import(join(root, "pipeline/core/config.ts"))) as { StaticPolicy?: { parse: (v: unknown) => { smokeNotes?: string } } };
  const smoke = values["smoke-notes"] ?? StaticPolicy?.parse({}).smokeNotes ?? "note";
  if (smoke !== "note" && smoke !== "omit") { process.stderr.write("real-panel: --smoke-notes is note or omit\n"); process.exit(2); }
  const applySmoke = (found: Map<string, StaticFinding[]>) => ("applySmokeNotePolicy" in policy ? (policy.applySmokeNotePolicy as (f: Map<string, StaticFinding[]>, p: string) => Map<string, StaticFinding[]>)(found, smoke) : found);
  const labelDir = values.labels ?? join(import.meta.dir, "..", "tests", "panel-labels");
  const repos: RepoTally[] = [];
  // Labels are read before the scan (a minute or more on a panel), so a bad label file fails at once, in one line.
  const labels = new Map<string, PanelLabel[]>();
  let labelFiles: string[] = [];
  try { labelFiles = readdirSync(labelDir).filter((f) => f.endsWith(".jsonl")); } catch { /* no label directory */ }
  for (const d of dirs) {
    const repo = basename(resolve(d));
    // A directory fetched as `Unleash` is the panel's `unleash`: match the label file whatever the case, and say so.
    const file = labelFiles.find((f) => f === `${repo}.jsonl`) ?? labelFiles.find((f) => f.toLowerCase() === `${repo}.jsonl`.toLowerCase());
    if (file && file !== `${repo}.jsonl`) process.stderr.write(`real-panel: ${repo}: labels read from ${file} (the case differs)\n`);
    let text = "";
    try { if (file) text = readFileSync(join(labelDir, file), "utf8"); } catch { /* unreadable: no labels */ }
    try { if (text) labels.set(repo, readLabels(text, join(labelDir, file!))); } catch (e) {
      process.stderr.write(`real-panel: ${(e as Error).message}\n`);
      process.exit(2);
    }
  }
  const t0 = performance.now();
  for (const d of dirs) {
    const onRuleFailure = (m: string) => process.stderr.write(`real-panel: ${d}: ${m}\n`);
    repos.push(await tallyRepo(d, async (files, texts) => applySmoke(await (floor.scanAsync ? floor.scanAsync(files, { texts, onRuleFailure }) : floor.scan(files, texts, onRuleFailure)))));
  }
  if (values.findings) writeFileSync(values.findings, repos.flatMap((r) => r.findings).map((f) => JSON.stringify(f)).join("\n") + "\n");
  if (values.json) process.stdout.write(JSON.stringify(repos.map((r) => ({ repo: r.repo, files: r.files, lines: r.lines, findings: r.findings.length })), null, 2) + "\n");
  else process.stdout.write(`engine: ${root}; ${Math.round(performance.now() - t0)} ms\n\n` + renderPanel(repos, labels));
}

if (import.meta.main) await main();
