// The one place analytics commands write files: a path the user named that cannot be written is their
// input to fix (exit 2, one line), not an internal error.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { InputError } from "../core/errors";

const WHY: Record<string, string> = {
  EISDIR: "it is a directory", ENOTDIR: "a parent is not a directory", EEXIST: "a file is in the way",
  EACCES: "permission denied", EPERM: "permission denied", EROFS: "read-only file system", ENOSPC: "no space left",
};

function fail(path: string, e: unknown, what: string): never {
  const code = (e as NodeJS.ErrnoException).code ?? "";
  throw new InputError(`cannot ${what} ${path}: ${WHY[code] ?? ((e as Error).message.split("\n")[0])}${code ? ` (${code})` : ""}`);
}

/** Create a directory (and parents) or throw InputError. */
export function ensureDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    fail(dir, e, "create directory");
  }
}

/** Write a text file, creating its directory, or throw InputError. */
export function writeOutput(path: string, text: string): void {
  ensureDir(dirname(path));
  try {
    writeFileSync(path, text);
  } catch (e) {
    fail(path, e, "write");
  }
}
