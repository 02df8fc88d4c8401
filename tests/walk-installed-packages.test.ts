// Packages pip installed into a directory of the repository (bazarr's `libs/`, each package beside its
// `NAME-VERSION.dist-info` record) are skipped as vendored, only what the records installed; a project's own
// `src/` with the one `.egg-info` of its editable install is not, nor its own code beside the installed packages.
import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { WalkConfig } from "../pipeline/core/config";
import { installedPackageDirs } from "../pipeline/walk/installed-packages";
import { walkRepo } from "../pipeline/walk/walk-repo";

const LIBS = [
  "libs/sqlalchemy/orm/session.py", "libs/SQLAlchemy-2.0.37.dist-info/RECORD",
  "libs/alembic/command.py", "libs/alembic-1.14.0.dist-info/METADATA",
  "libs/six.py", "libs/six-1.16.0-py3.11.egg-info/PKG-INFO",
];

describe("installedPackageDirs", () => {
  test("a directory holding three install records is an install target, with the distributions they name", () => {
    expect(installedPackageDirs([...LIBS, "bazarr/main.py"])).toEqual([{ dir: "libs", held: ["SQLAlchemy", "alembic", "six"], skip: ["libs/SQLAlchemy-2.0.37.dist-info", "libs/alembic", "libs/alembic-1.14.0.dist-info", "libs/six-1.16.0-py3.11.egg-info", "libs/six.py", "libs/sqlalchemy"] }]);
  });
  test("...not with two, nor a project's src/ with its editable install's record", () => {
    expect(installedPackageDirs(LIBS.slice(0, 4))).toEqual([]);
    expect(installedPackageDirs(["src/myapp/__init__.py", "src/myapp.egg-info/PKG-INFO", "src/myapp-0.1.0.egg-info/PKG-INFO"])).toEqual([]);
  });
  test("a directory named like a record without a version is not one; the repository root is never a target", () => {
    expect(installedPackageDirs(["docs/a.dist-info/x", "docs/b.dist-info/x", "docs/c.dist-info/x"])).toEqual([]);
    expect(installedPackageDirs(["a-1.0.dist-info/RECORD", "b-2.0.dist-info/RECORD", "c-3.0.dist-info/RECORD", "main.py"])).toEqual([]);
  });
  test("what a record names, by its RECORD or top_level.txt: the project's own handler beside the packages stays", () => {
    const lambda = ["fn/handler.py", "fn/bs4/__init__.py", "fn/beautifulsoup4-4.12.3.dist-info/RECORD", "fn/yaml/__init__.py", "fn/PyYAML-6.0.2.dist-info/top_level.txt", "fn/certifi/core.py", "fn/certifi-2024.12.14.dist-info/METADATA"];
    const texts = [{ path: "fn/beautifulsoup4-4.12.3.dist-info/RECORD", content: "bs4/__init__.py,sha256=x,1\nbs4/element.py,sha256=y,2\n" }, { path: "fn/PyYAML-6.0.2.dist-info/top_level.txt", content: "_yaml\nyaml\n" }];
    const [target] = installedPackageDirs(lambda, texts);
    expect(target!.skip.filter((s) => !s.endsWith("-info"))).toEqual(["fn/bs4", "fn/certifi", "fn/yaml"]);
    expect(target!.skip).not.toContain("fn/handler.py");
  });
  test("a target inside another is part of it", () => {
    const nested = [...LIBS, ...["x-1.0", "y-1.0", "z-1.0"].map((n) => `libs/vendored/${n}.dist-info/RECORD`)];
    expect(installedPackageDirs(nested).map((d) => d.dir)).toEqual(["libs"]);
  });
});

describe("walkRepo skips installed packages as vendored, unless walk.vendoredDependencies is false", () => {
  const write = (root: string, files: string[]) => { for (const p of files) { mkdirSync(dirname(join(root, p)), { recursive: true }); writeFileSync(join(root, p), "x = 1\n"); } };
  test("the installed packages are skipped with the reason; the project's own files are walked", async () => {
    const root = mkdtempSync(join(tmpdir(), "installed-pkgs-"));
    try {
      write(root, [...LIBS, "bazarr/main.py", "bazarr/app/libs.py", "libs/bazarr_patch.py"]);
      const on = await walkRepo(root, root, { policy: WalkConfig.parse({}) });
      expect(on.files.map((f) => f.path).sort()).toEqual(["bazarr/app/libs.py", "bazarr/main.py", "libs/bazarr_patch.py"]);
      const skip = on.skipped.find((s) => s.path === "libs/alembic/command.py");
      expect(skip?.reason).toBe("vendored");
      expect(skip?.detail).toContain("libs holds the install records of 3 packages");
      expect(on.skipped.find((s) => s.path === "libs/six.py")?.reason).toBe("vendored");
      const off = await walkRepo(root, root, { policy: WalkConfig.parse({ vendoredDependencies: false }) });
      expect(off.files.map((f) => f.path)).toContain("libs/alembic/command.py");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
