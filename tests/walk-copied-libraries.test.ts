// Libraries copied into a repository outside vendor/: a directory with its own licence naming another holder and
// no package manifest is skipped as vendored; the repository's own packages and enterprise directories are not.
import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { WalkConfig } from "../pipeline/core/config";
import { copiedLibraryDirs, copyrightHolder } from "../pipeline/walk/copied-libraries";
import { walkRepo } from "../pipeline/walk/walk-repo";

const mit = (holder: string) => `The MIT License (MIT)\n\nCopyright (c) 2013-2020 ${holder}\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nThe above copyright notice and this permission notice shall be included in all copies.\n`;
const gpl = "GNU AFFERO GENERAL PUBLIC LICENSE\nVersion 3, 19 November 2007\n\n Copyright (C) 2007 Free Software Foundation, Inc. <https://fsf.org/>\nwith two steps: (1) assert copyright on the software, and (2) offer\n";

describe("copyrightHolder: the notice line, not the licence's prose", () => {
  test("the holder after the years; the GPL's own notice and prose that mentions copyright are not one", () => {
    expect(copyrightHolder(mit("Brian White. All rights reserved."))).toBe("Brian White. All rights reserved.");
    expect(copyrightHolder(gpl)).toBeNull();
    expect(copyrightHolder("Copyright 2018 Klaus Hartl, Fagner Brack\n")).toBe("Klaus Hartl, Fagner Brack");
  });
});

describe("copiedLibraryDirs", () => {
  const texts = (extra: Record<string, string>) => Object.entries({ "LICENSE": gpl, "README.md": "# audiobookshelf\n\nSelf-hosted audiobook server\n", ...extra }).map(([path, content]) => ({ path, content }));
  test("a licence naming another holder, with no manifest beside it, marks a copied library", () => {
    const t = texts({ "server/libs/busboy/LICENSE": mit("Brian White. All rights reserved.") });
    expect(copiedLibraryDirs(t, ["server/libs/busboy/index.js", ...t.map((x) => x.path)], "audiobookshelf")).toEqual(["server/libs/busboy"]);
  });
  test("...not a package of the repository's monorepo (a manifest beside it), nor a licence naming the repository's holder", () => {
    const t = texts({ "packages/tuple-map/LICENSE": mit("Someone Else"), "ee/LICENSE": mit("Audiobookshelf Inc.") });
    expect(copiedLibraryDirs(t, ["packages/tuple-map/package.json", "packages/tuple-map/index.ts", "ee/index.ts", ...t.map((x) => x.path)], "audiobookshelf")).toEqual([]);
  });
  test("...nor a directory whose licence names no holder (an AGPL text for a first-party service)", () => {
    const t = texts({ "management/LICENSE": gpl });
    expect(copiedLibraryDirs(t, ["management/main.go", ...t.map((x) => x.path)], "netbird")).toEqual([]);
  });
});

describe("walkRepo skips a copied library as vendored, unless walk.copiedLibraries is false", () => {
  const write = (root: string, files: Record<string, string>) => { for (const [p, c] of Object.entries(files)) { mkdirSync(dirname(join(root, p)), { recursive: true }); writeFileSync(join(root, p), c); } };
  test("the library's files are skipped with the reason; the project's own are walked", async () => {
    const root = mkdtempSync(join(tmpdir(), "copied-"));
    try {
      write(root, { "LICENSE": gpl, "server/index.js": "module.exports = 1;\n", "server/libs/busboy/LICENSE": mit("Brian White"), "server/libs/busboy/index.js": "module.exports = 2;\n" });
      const on = await walkRepo(root, root, { policy: WalkConfig.parse({}) });
      expect(on.files.map((f) => f.path)).toEqual(["server/index.js"]);
      expect(on.skipped.find((s) => s.path === "server/libs/busboy/index.js")?.reason).toBe("vendored");
      const off = await walkRepo(root, root, { policy: WalkConfig.parse({ copiedLibraries: false }) });
      expect(off.files.map((f) => f.path)).toEqual(["server/index.js", "server/libs/busboy/index.js"]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
