// Dependencies copied under an import root (Tautulli's `lib/` on sys.path, holding the packages requirements.txt
// declares) are skipped as vendored; a project's own modules named after libraries, and a path a test adds, are not.
import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { WalkConfig } from "../pipeline/core/config";
import { declaredDependencies, importNames, importRoots, vendoredDependencyDirs } from "../pipeline/walk/vendored-dependencies";
import { walkRepo } from "../pipeline/walk/walk-repo";

const START = "import os, sys\nsys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib'))\n";
const REQUIREMENTS = "arrow==1.4.0\nbeautifulsoup4==4.14.3\ncherrypy==18.10.0\nPyJWT==2.13.0\nurllib3==2.7.0\n# gntp==1.0.3  # patched\n";

describe("declaredDependencies and importNames", () => {
  test("requirements lists, pyproject arrays and tables, package.json, Cargo.toml and go.mod", () => {
    expect(declaredDependencies("requirements.txt", REQUIREMENTS)).toEqual(["arrow", "beautifulsoup4", "cherrypy", "PyJWT", "urllib3"]);
    expect(declaredDependencies("pyproject.toml", '[project]\nname = "x"\ndependencies = [\n  "requests>=2",\n  "paho-mqtt",\n]\n[tool.poetry.dependencies]\npython = "^3.11"\nclick = "^8"\n')).toEqual(["requests", "paho-mqtt", "click"]);
    expect(declaredDependencies("package.json", JSON.stringify({ dependencies: { express: "4" }, devDependencies: { "@acme/ui": "1" } }))).toEqual(["express", "@acme/ui"]);
    expect(declaredDependencies("Cargo.toml", '[package]\nname = "x"\n[dependencies]\nserde = "1"\ntokio = { version = "1" }\n')).toEqual(["serde", "tokio"]);
    expect(declaredDependencies("go.mod", "module x\n\nrequire (\n\tgithub.com/miekg/dns v1.1.0\n\tgithub.com/jackc/pgx/v5 v5.5.0\n)\n")).toEqual(["dns", "pgx"]);
  });
  test("the names a distribution is imported under; a scoped npm name stays whole", () => {
    expect(importNames("PyJWT")).toContain("jwt");
    expect(importNames("websocket-client")).toContain("websocket");
    expect(importNames("paho-mqtt")).toContain("paho");
    expect(importNames("@acme/ui")).toEqual(["@acme/ui"]);
  });
});

describe("importRoots", () => {
  test("beside the file when the call starts from __file__, from the root otherwise; absolute and outside paths are not", () => {
    const roots = importRoots([
      { path: "Tautulli.py", content: START },
      { path: "tools/run.py", content: START },
      { path: "manage.py", content: "import sys\nsys.path.append('vendor')\nsys.path.insert(0, '/opt/x')\nsys.path.insert(0, os.path.join(os.path.dirname(__file__), '..'))\n" },
    ]);
    expect([...roots].sort()).toEqual(["lib", "tools/lib", "vendor"]);
  });
});

describe("vendoredDependencyDirs", () => {
  const paths = ["lib/arrow/__init__.py", "lib/cherrypy/__init__.py", "lib/jwt/api.py", "lib/urllib3/poolmanager.py", "lib/bs4/__init__.py", "lib/helpers/x.py", "app/main.py", "requirements.txt"];
  const texts = (start: string) => [{ path: "requirements.txt", content: REQUIREMENTS }, { path: "Tautulli.py", content: start }];
  test("an import root holding packages the manifest declares is a directory of copied dependencies", () => {
    expect(vendoredDependencyDirs(texts(START), paths, (p) => p.endsWith(".py"))).toEqual([{ dir: "lib", held: ["arrow", "cherrypy", "jwt", "urllib3"] }]);
  });
  test("...not without the import root (a project's modules named after the libraries they wrap)", () => {
    expect(vendoredDependencyDirs(texts("import lib.arrow\n"), paths, (p) => p.endsWith(".py"))).toEqual([]);
  });
  test("...nor an import root whose packages are the project's own (a test putting src/ on the path)", () => {
    const own = ["src/billing/__init__.py", "src/ledger/__init__.py", "src/cherrypy_app/__init__.py", "tests/conftest.py"];
    const start = [{ path: "requirements.txt", content: REQUIREMENTS }, { path: "tests/conftest.py", content: "import sys\nsys.path.insert(0, 'src')\n" }];
    expect(vendoredDependencyDirs(start, own, (p) => p.endsWith(".py"))).toEqual([]);
  });
  test("...and a child with a manifest of its own is a package of the repository, neither counted nor matched", () => {
    const withManifests = [...paths, "lib/arrow/setup.py", "lib/cherrypy/setup.py"];
    expect(vendoredDependencyDirs(texts(START), withManifests, (p) => p.endsWith(".py") && !p.endsWith("setup.py"))).toEqual([]);
  });
});

describe("walkRepo skips copied dependencies as vendored, unless walk.vendoredDependencies is false", () => {
  const write = (root: string, files: Record<string, string>) => { for (const [p, c] of Object.entries(files)) { mkdirSync(dirname(join(root, p)), { recursive: true }); writeFileSync(join(root, p), c); } };
  test("the copied packages are skipped with the reason; the project's own files are walked", async () => {
    const root = mkdtempSync(join(tmpdir(), "vendored-deps-"));
    try {
      write(root, {
        "requirements.txt": REQUIREMENTS, "Tautulli.py": START, "plexpy/core.py": "x = 1\n",
        "lib/arrow/__init__.py": "a = 1\n", "lib/cherrypy/__init__.py": "c = 1\n", "lib/urllib3/__init__.py": "u = 1\n",
      });
      const on = await walkRepo(root, root, { policy: WalkConfig.parse({}) });
      expect(on.files.map((f) => f.path)).toEqual(["Tautulli.py", "plexpy/core.py"]);
      const skip = on.skipped.find((s) => s.path === "lib/cherrypy/__init__.py");
      expect(skip?.reason).toBe("vendored");
      expect(skip?.detail).toContain("lib holds 3 packages the manifests declare");
      const off = await walkRepo(root, root, { policy: WalkConfig.parse({ vendoredDependencies: false }) });
      expect(off.files.map((f) => f.path)).toContain("lib/cherrypy/__init__.py");
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
