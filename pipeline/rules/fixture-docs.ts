// Test fixtures documented as such: a file under a tests directory whose own header, or a README beside it
// or above it (inside the tests tree), says it is a fixture, sample or corpus. Such a file holds specimens of
// hostile text on purpose; the text-level rules leave it silent. An undocumented file in tests/ is still read.
import type { SourceFile } from "./floor";
import { isTestDir } from "./place";

/** Words that document a file as a deliberate specimen (not a word list of injections: what fixtures call themselves). */
const DOCUMENTED = /\b(?:fixtures?|test[ -]?data|samples?|specimens?|corpus|corpora|seeded|planted|deliberately|intentionally|on purpose|synthetic|example (?:inputs?|files?|payloads?))\b/i;
const HEADER_LINES = 15;

/** The directory prefix of the tests tree a path lies in ("pkg/tests/"), or null. */
export function testsRoot(path: string): string | null {
  const parts = path.split("/");
  for (let i = 0; i < parts.length - 1; i++) if (isTestDir(parts[i]!)) return parts.slice(0, i + 1).join("/") + "/";
  return null;
}

const header = (content: string) => content.split("\n", HEADER_LINES).join("\n");
const dirOf = (path: string) => path.slice(0, path.lastIndexOf("/") + 1);

/** Paths of documented fixtures among the walked files. */
export function documentedFixtures(files: readonly SourceFile[]): Set<string> {
  const readmes = new Map<string, boolean>();
  for (const f of files) {
    if (/(?:^|\/)readme(?:\.[a-z]+)?$/i.test(f.path) && testsRoot(f.path)) readmes.set(dirOf(f.path), DOCUMENTED.test(f.content));
  }
  const out = new Set<string>();
  for (const f of files) {
    const root = testsRoot(f.path);
    if (!root) continue;
    if (DOCUMENTED.test(header(f.content))) { out.add(f.path); continue; }
    for (let dir = dirOf(f.path); dir.length >= root.length; dir = dirOf(dir.slice(0, -1))) {
      if (readmes.get(dir)) { out.add(f.path); break; }
      if (!dir) break;
    }
  }
  return out;
}
