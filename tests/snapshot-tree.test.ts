// bench/snapshot-tree.ts: a partial repository snapshot (some blobs absent, as the search tool's fetch leaves large
// files out) still yields its source tree, with what is absent counted instead of aborting like `git archive`.
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractSnapshot, SnapshotError } from "../bench/snapshot-tree";

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync("git", ["-c", "user.email=t@example.com", "-c", "user.name=t", ...args], { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout.trim();
};

function repoWithAbsentBlob(): { gitDir: string; first: string } {
  const dir = mkdtempSync(join(tmpdir(), "snapshot-"));
  git(dir, "init", "-q");
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src", "app.ts"), "export const a = 1;\n");
  writeFileSync(join(dir, "README.md"), "# r\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "one");
  const first = git(dir, "rev-parse", "HEAD");
  writeFileSync(join(dir, "big.bin"), "x".repeat(4096));
  symlinkSync("src/app.ts", join(dir, "link.ts"));
  writeFileSync(join(dir, "src", "app.ts"), "export const a = 2;\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "two");
  const big = git(dir, "rev-parse", "HEAD:big.bin");
  rmSync(join(dir, ".git", "objects", big.slice(0, 2), big.slice(2)));
  return { gitDir: join(dir, ".git"), first };
}

describe("extractSnapshot", () => {
  test("writes the blobs that are there, counts the absent one and skips links", () => {
    const { gitDir } = repoWithAbsentBlob();
    const out = mkdtempSync(join(tmpdir(), "snapshot-out-"));
    const r = extractSnapshot(gitDir, out);
    expect(r).toMatchObject({ files: 2, missing: 1, skipped: 1 });
    expect(readFileSync(join(out, "src", "app.ts"), "utf8")).toBe("export const a = 2;\n");
    expect(existsSync(join(out, "big.bin"))).toBe(false);
    expect(existsSync(join(out, "link.ts"))).toBe(false);
  });

  test("an earlier commit is written as it was", () => {
    const { gitDir, first } = repoWithAbsentBlob();
    const out = mkdtempSync(join(tmpdir(), "snapshot-out-"));
    expect(extractSnapshot(gitDir, out, first)).toMatchObject({ files: 2, missing: 0, commit: first });
    expect(readFileSync(join(out, "src", "app.ts"), "utf8")).toBe("export const a = 1;\n");
  });

  test("a commit the snapshot does not hold is a one-line error", () => {
    const { gitDir } = repoWithAbsentBlob();
    expect(() => extractSnapshot(gitDir, tmpdir(), "0123456789abcdef0123456789abcdef01234567")).toThrow(SnapshotError);
  });

  test("the command refuses an unknown panel with exit 2 and names the panels it knows", () => {
    const r = spawnSync(process.execPath, [join(import.meta.dir, "..", "bench", "snapshot-tree.ts"), "--panel", "99", "--out", tmpdir()], { encoding: "utf8" });
    expect(r.status).toBe(2);
    const known = Object.keys(JSON.parse(readFileSync(join(import.meta.dir, "..", "bench", "panels.json"), "utf8")).panels).join(", ");
    expect(r.stderr.trim()).toBe(`snapshot-tree: no panel 99 in bench/panels.json (panels: ${known})`);
  });
});
