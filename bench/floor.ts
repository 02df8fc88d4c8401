// Benchmark: the static floor over a generated 10,000-file tree (~1M lines), next to `ast-grep scan`
// running the same rules' ast-grep parts over the same tree, in the same run.
// Run: npx bun bench/floor.ts [--files N]   (prints the load average before and after: the box is shared)
import { mkdtempSync, rmSync } from "node:fs";
import { generate, read, writeSgProject } from "./floor-tree";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadFloor } from "../pipeline/rules/floor";

const N = Number(process.argv[process.argv.indexOf("--files") + 1]) || 10_000;
const ROOT = join(import.meta.dir, "..");

const work = mkdtempSync(join(tmpdir(), "scrum-bench-floor-"));
try {
  const tree = join(work, "tree");
  const size = generate(tree, N);
  const files = read(tree);
  const floor = loadFloor(join(ROOT, "prompts", "rules"));
  const sgDir = join(work, "sg");
  const sgRules = writeSgProject(sgDir, floor.rules);
  const sgBin = join(ROOT, "node_modules", ".bin", "ast-grep");
  const timeIt = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => { const t = performance.now(); const v = await fn(); return [v, (performance.now() - t) / 1000]; };
  // ast-grep's matches are counted as they stream (one JSON line each): their text passes a gigabyte on the full tree,
  // more than one buffer holds, and nothing here needs it kept.
  const sgScan = async (threads: number) => {
    const sg = Bun.spawn([sgBin, "scan", "-c", join(sgDir, "sgconfig.yml"), "-j", String(threads), "--json=stream", tree], { stdout: "pipe", stderr: "pipe" });
    let lines = 0;
    let last = 10;
    for await (const chunk of sg.stdout) {
      for (const byte of chunk) if (byte === 10) lines++;
      if (chunk.length) last = chunk[chunk.length - 1]!;
    }
    if (last !== 10) lines++;
    const status = await sg.exited;
    // ast-grep exits 1 when an error-severity rule matched: that is a result here, not a failure.
    if (status !== 0 && status !== 1) throw new Error(`ast-grep scan failed: ${(await new Response(sg.stderr).text()).split("\n")[0]}`);
    return lines;
  };
  const count = (m: Map<string, unknown[]>) => [...m.values()].reduce((a, l) => a + l.length, 0);
  const workers = availableParallelism();
  const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");
  const loadBefore = load();
  // Same work, same threads: one thread each (the engines' own cost), then every core each.
  const [one, floor1] = await timeIt(() => floor.scan(files));
  const [sgMatches, sg1] = await timeIt(() => sgScan(1));
  const [many, floorN] = await timeIt(() => floor.scanAsync(files, { workers }));
  const [, sgN] = await timeIt(() => sgScan(workers));
  if (count(one) !== count(many)) throw new Error(`scan and scanAsync disagree: ${count(one)} vs ${count(many)} findings`);

  const row = (name: string, s: number, extra: string) => `| ${name} | ${s.toFixed(1)} s | ${Math.round(size.files / s)} | ${Math.round(size.lines / s)} | ${extra} |`;
  process.stdout.write([
    `tree: ${size.files} files, ${size.lines} lines (TS 40%, Python/Rust/Go 20% each); ${cpus().length} cores`,
    "",
    "| engine | wall | files/s | lines/s | result |",
    "|---|---|---|---|---|",
    row("scrum floor, 1 thread (scan, all checks)", floor1, `${count(one)} findings, ${floor.rules.length} rules`),
    row("ast-grep scan -j 1 (ast-grep parts only)", sg1, `${sgMatches} matches, ${sgRules} rules`),
    row(`scrum floor, ${workers} worker threads (scanAsync, all checks)`, floorN, `${count(many)} findings`),
    row(`ast-grep scan -j ${workers}`, sgN, `${sgMatches} matches`),
    "",
    `ratio floor/ast-grep wall time: ${(floor1 / sg1).toFixed(2)}× on 1 thread each, ${(floorN / sgN).toFixed(2)}× on ${workers} threads each`,
    `parallel speed-up: floor ${(floor1 / floorN).toFixed(2)}×, ast-grep ${(sg1 / sgN).toFixed(2)}× (a shared box that gives this process one core shows ~1×)`,
    `load average (1/5/15 min) before: ${loadBefore}; after: ${load()}`,
    "",
  ].join("\n"));
} finally {
  rmSync(work, { recursive: true, force: true });
}
