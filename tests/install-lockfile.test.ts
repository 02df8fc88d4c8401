// `npm ci` refuses a lockfile that misses any platform's optional package ("Missing: ... from lock file"):
// check the committed lockfile the way it does, so a lockfile rewritten on one platform fails here, not on a clean machine.
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dir, "..");
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, { version?: string; optionalDependencies?: Record<string, string> }>;
};
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

describe("committed lockfile", () => {
  test("lists every optional dependency of every locked package (what npm ci checks)", () => {
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        // npm resolves a dependency next to its parent first, then at the top level.
        const nested = `${path}/node_modules/${name}`;
        if (!lock.packages[nested] && !lock.packages[`node_modules/${name}`]) missing.push(`${name} (for ${path || "root"})`);
      }
    }
    expect(missing).toEqual([]);
  });

  test("records the same direct dependencies as package.json", () => {
    const root = lock.packages[""]!;
    expect(root).toMatchObject({ dependencies: pkg.dependencies, devDependencies: pkg.devDependencies } as object);
  });
});
