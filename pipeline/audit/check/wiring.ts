// Check a wiring claim with the floor's cross-file reference check (rules/checks/unreferenced.ts): at REV
// the symbol is referenced outside its own definition and outside tests, and REV's diff touches that
// reference or the definition. A suppression said to be removed must be gone from above the definition.
import { maskExportLists, unreferenced, type Candidate } from "../../rules/checks/unreferenced";
import { languageOf } from "../../rules/languages";
import { backed, notBacked, unverifiable, type Outcome, type WiringClaim } from "../claim";
import type { CodePolicy } from "../code-policy";
import type { SourceText } from "../count-tests";
import { short, type Change } from "../evidence";
import { suppressionPattern } from "../extract/wiring";
import { findDefinitions, type Definition } from "../find-definition";
import { touches, type FileDiff } from "../git/git-log";
import type { GitRepo, Tree } from "../git/git-repo";
import { listSome, resolvePath } from "../paths";

const word = (name: string) => new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`);

interface Mention extends SourceText { blob: string }

/** Every text file at REV that mentions the name as a word (file versions are read once per audit). */
async function mentioning(repo: GitRepo, tree: Tree, name: string): Promise<Mention[]> {
  const re = word(name);
  const entries = [...tree];
  const texts = await Promise.all(entries.map(([, blob]) => repo.text(blob)));
  const out: Mention[] = [];
  entries.forEach(([path, blob], i) => {
    const text = texts[i];
    if (text != null && text.includes(name) && re.test(text)) out.push({ path, content: text, blob });
  });
  return out;
}

const definitions = new WeakMap<GitRepo, Map<string, Definition[]>>();

/** findDefinitions, once per file version and name. */
function definitionsIn(repo: GitRepo, f: Mention, name: string): Definition[] {
  const memo = definitions.get(repo) ?? new Map<string, Definition[]>();
  definitions.set(repo, memo);
  const key = `${f.blob}\0${f.path}\0${name}`;
  let d = memo.get(key);
  if (!d) memo.set(key, (d = findDefinitions(f, name)));
  return d;
}

/** The files with every line REV did not add blanked (export lists masked first): a reference left here is one REV touched. */
function touchedOnly(files: SourceText[], diffs: Map<string, FileDiff>): SourceText[] {
  return files.flatMap((f) => {
    const d = diffs.get(f.path);
    if (!d || !d.added.size) return [];
    const lines = maskExportLists(f.content, languageOf(f.path)).split("\n");
    return [{ path: f.path, content: lines.map((l, i) => (d.added.has(i + 1) ? l : "")).join("\n") }];
  });
}

/** The definition's lines after its name line, blanked. */
function withoutBody(content: string, def: Definition): string {
  return content.split("\n").map((l, i) => (i > def.line && i < def.end ? "" : l)).join("\n");
}

function suppressionAbove(def: Definition, content: string, written: string): number | null {
  const lines = content.split("\n");
  const re = suppressionPattern(written);
  for (let i = Math.max(0, def.line - 3); i <= def.line; i++) if (re.test(lines[i] ?? "")) return i + 1;
  return null;
}

async function suppressionInFile(c: WiringClaim, repo: GitRepo, change: Change): Promise<Outcome> {
  const rev = change.label;
  const r = await repo.resolvePath(change.head, c.path!);
  if (r.kind !== "one") return unverifiable(r.kind === "many" ? `${c.path} matches ${r.paths.length} files at ${rev}: write more of the path` : `${c.path} does not exist at ${rev}`);
  const re = suppressionPattern(c.suppression!);
  const d = change.files.find((f) => f.path === r.path);
  const removedOne = d ? [...d.removed.values()].some((l) => re.test(l)) : false;
  const count = (t: string | null) => (t ?? "").split("\n").filter((l) => re.test(l)).length;
  const [before, after] = [count(change.base ? await repo.fileAt(change.base, r.path) : null), count(await repo.fileAt(change.head, r.path))];
  const text = `${c.suppression} in ${r.path}: ${before} at ${short(change.base)}, ${after} at ${short(change.head)}`;
  return removedOne && after < before ? backed(`${rev} removed it: ${text}`, { file: r.path }) : notBacked(`${rev} did not remove it: ${text}`, { file: r.path });
}

export async function checkWiring(c: WiringClaim, repo: GitRepo, change: Change, policy: CodePolicy): Promise<Outcome> {
  const rev = change.label;
  if (c.symbol === null) return c.path && c.suppression ? suppressionInFile(c, repo, change) : unverifiable("names neither a symbol nor a file");
  const sym = c.symbol;
  const files = await mentioning(repo, await repo.tree(change.head), sym);
  if (!files.length) return notBacked(`\`${sym}\` does not occur at ${rev} (${short(change.head)})`);
  let defs = files.flatMap((f) => definitionsIn(repo, f, sym)).filter((d) => !policy.isTest(d.file));
  if (c.path) {
    const named = defs.filter((d) => resolvePath(c.path!, [d.file]).kind === "one");
    if (named.length) defs = named;
  }
  if (!defs.length) return unverifiable(`no definition of \`${sym}\` at ${rev} in a language the floor parses (it occurs in ${listSome(files.map((f) => f.path))})`);
  if (defs.length > 1) return unverifiable(`\`${sym}\` is defined ${defs.length} times at ${rev} (${listSome(defs.map((d) => `${d.file}:${d.line + 1}`))}): name the file`);
  const def = defs[0]!;
  const where = `${def.file}:${def.line + 1}`;
  const at = { file: def.file, fileLine: def.line + 1 };
  if (c.suppression) {
    const still = suppressionAbove(def, files.find((f) => f.path === def.file)!.content, c.suppression);
    if (still !== null) return notBacked(`${c.suppression} is still above \`${sym}\` at ${rev} (${def.file}:${still})`, at);
    if (c.verb === "suppression removed") return backed(`no ${c.suppression} above \`${sym}\` (${where}) at ${rev}`, at);
  }
  const candidate: Candidate = { name: sym, file: def.file, line: def.line, referenceIgnores: [], language: def.language };
  // "Outside its own definition": a recursive call in the body wires nothing. The floor excludes only the
  // definition line, so the body is blanked (line numbers kept) before its check runs.
  const outside = files.map((f) => (f.path === def.file ? { ...f, content: withoutBody(f.content, def) } : f));
  if (unreferenced([candidate], outside).length) return notBacked(`\`${sym}\` (${where}) is referenced nowhere outside its definition and tests at ${rev}`, at);
  const diffs = new Map(change.files.map((d) => [d.path, d]));
  const defDiff = diffs.get(def.file);
  if (defDiff && touches(defDiff, def.start, def.end)) {
    return backed(`\`${sym}\` is referenced outside its definition and tests at ${rev}, and ${rev} changed its definition (${def.file}:${def.start}-${def.end})`, at);
  }
  for (const f of touchedOnly(outside, diffs)) {
    if (unreferenced([candidate], [f]).length) continue;
    const line = f.content.split("\n").findIndex((l, i) => word(sym).test(l) && !(f.path === def.file && i === def.line)) + 1;
    return backed(`${rev} added a reference to \`${sym}\` at ${f.path}:${line} (defined at ${where})`, { file: f.path, fileLine: line });
  }
  return notBacked(`\`${sym}\` (${where}) is referenced at ${rev}, but ${rev}'s diff touches neither a reference nor its definition`, at);
}
