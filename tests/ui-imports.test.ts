// MAP's import edges: imports parsed with the floor's grammars and resolved to files the KB reviewed.
import { describe, expect, test } from "bun:test";
import { importsOf, type ResolveContext } from "../pipeline/ui/imports";

const ctx = (files: string[], goModule: string | null = null): ResolveContext => {
  const set = new Set(files);
  const dirs = new Set(files.flatMap((f) => f.split("/").slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join("/"))));
  return { has: (p) => set.has(p), hasDir: (p) => dirs.has(p), goModule };
};

describe("import edges", () => {
  test("TypeScript and JavaScript: import/export from, require, import(), index files and .js specifiers", () => {
    const files = ["src/a.ts", "src/b.ts", "src/lib/index.ts", "src/c.tsx", "src/d.js", "src/e.ts"];
    const text = `import { b } from "./b";\nexport * from './lib';\nconst c = require("./c");\nconst d = await import("./d.js");\nimport e from "./e.js";\nimport x from "react";\nimport "../outside";\n// import "./nope";`;
    expect(importsOf("src/a.ts", text, ctx(files)).sort()).toEqual(["src/b.ts", "src/c.tsx", "src/d.js", "src/e.ts", "src/lib/index.ts"]);
  });

  test("Python: relative and absolute modules, packages through __init__.py; the standard library is not an edge", () => {
    const files = ["app/api/views.py", "app/api/models.py", "app/core/__init__.py", "app/core/db.py", "app/util.py"];
    const text = "import os, json\nfrom .models import User\nfrom ..core import db\nfrom app.util import helper\nimport app.core.db as database\n";
    expect(importsOf("app/api/views.py", text, ctx(files)).sort()).toEqual(["app/api/models.py", "app/core/__init__.py", "app/core/db.py", "app/util.py"]);
  });

  test("Go: imports under go.mod's module path name package directories", () => {
    const files = ["cmd/main.go", "pkg/auth/auth.go", "pkg/db/db.go"];
    const text = 'package main\nimport (\n  "fmt"\n  "example.com/app/pkg/auth"\n  db "example.com/app/pkg/db"\n  "example.com/app/pkg/gone"\n)\n';
    expect(importsOf("cmd/main.go", text, ctx(files, "example.com/app")).sort()).toEqual(["pkg/auth", "pkg/db"]);
    expect(importsOf("cmd/main.go", text, ctx(files, null))).toEqual([]);
  });

  test("Rust: `mod name;` declarations, not inline modules", () => {
    const files = ["src/lib.rs", "src/auth.rs", "src/db/mod.rs", "src/auth/token.rs"];
    expect(importsOf("src/lib.rs", "mod auth;\npub mod db;\nmod inline { fn f() {} }\n", ctx(files)).sort()).toEqual(["src/auth.rs", "src/db/mod.rs"]);
    expect(importsOf("src/auth.rs", "mod token;\n", ctx(files))).toEqual(["src/auth/token.rs"]);
  });

  test("unparsable text and unknown languages give no edges, and a file never imports itself", () => {
    expect(importsOf("src/a.ts", "import {{{ from", ctx(["src/a.ts"]))).toEqual([]);
    expect(importsOf("README.md", "import x from './a'", ctx(["src/a.ts"]))).toEqual([]);
    expect(importsOf("src/a.ts", 'import "./a";', ctx(["src/a.ts"]))).toEqual([]);
  });
});
