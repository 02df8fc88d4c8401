// ignored-parameter: one of a family of free functions, a module each, that a caller runs the same way
// (opsdroid's parsers: `parse_regex(opsdroid, skills, message)`, `parse_format(opsdroid, skills, message)`,
// `parse_witai(opsdroid, skills, message, config)`, each in its own file of `parsers/`, called one after another by
// `core.parse`). The calling convention is the family's, so a member that has no use for one of its slots keeps it:
// the signature is imposed by the family, as a callback's is by whoever calls it.
import { basename, dirname } from "node:path";
import { isTestPath } from "../place";
import { languageOf } from "../languages";
import type { Candidate } from "./unreferenced";
import { POLICY_PARAM } from "./passed-as-value";

/** A parameter naming whose data is asked for (`user`, `owner_id`, `tenant`, `org`): a scope, like a policy, means something to the members that apply it. */
const SCOPE_PARAM = /^(user|owner|tenant|account|org|organi[sz]ation|customer|team|workspace|project|member|group|scope)(_?id)?s?$/i;

/**
 * `def NAME(`, `async def NAME(`, `function NAME(`, `export async function NAME(`, `func NAME(` at a line's start, and
 * a function bound to a constant (`export const loadBoardClass = (models: IModels, subdomain: string) => {`, erxes's
 * model loaders, one per module of `db/models/`).
 */
const DEFINITION = /^[ \t]*(?:export\s+)?(?:default\s+)?(?:(?:async\s+)?(?:def|function\*?|func)\s+([A-Za-z_$][\w$]*)\s*|(?:const|let)\s+([A-Za-z_$][\w$]*)\s*(?::[^=\n]+)?=\s*(?:async\s+)?(?:function\s*)?)\(([^)]*)\)/gm;

/** The family stem of a name: its first word (`parse_regex` → parse, `parseRegex` → parse); none for one word. */
function stemOf(name: string): string | null {
  const m = /^_?([a-z]+)(?:_[A-Za-z0-9]|[A-Z])/.exec(name);
  return m ? m[1]! : null;
}

/** The parameter names of a definition's list, in order (annotations, defaults and Go types dropped). */
function parameterNames(list: string, lang: string): string[] {
  return list.split(",").map((p) => p.trim()).filter(Boolean).map((p) => (lang === "go" ? p.split(/\s+/)[0]! : p.replace(/^\*{1,2}/, "").split(/[:=?\s]/)[0]!));
}

/**
 * The candidates (unread parameters of free functions) whose function is one of three or more of a family: functions
 * of the same stem defined at the top of different non-test files of one directory, each taking the same leading
 * parameters through the unread one, in the same order. One file defining several such functions is a module's
 * helpers, not a family: each sibling counts once per file.
 */
export function familySignature(candidates: readonly Candidate[], files: readonly { path: string; content: string }[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const wanted = candidates.filter((c) => c.param && !c.member && !c.owner);
  if (!wanted.length) return out;
  const dirs = new Set(wanted.map((c) => dirname(c.file)));
  const defs = new Map<string, { file: string; name: string; params: string[]; body: string }[]>();
  for (const f of files) {
    const dir = dirname(f.path);
    if (!dirs.has(dir) || isTestPath(f.path)) continue;
    const lang = languageOf(f.path) ?? "";
    for (const m of f.content.matchAll(DEFINITION)) {
      // A constant's value is a function only when an arrow or a body follows its list (`= (a + b) * c` is none).
      if (m[2] && !/^\s*(?::[^=\n{]+)?(?:=>|\{)/.test(f.content.slice(m.index! + m[0].length, m.index! + m[0].length + 200))) continue;
      const list = defs.get(dir) ?? [];
      list.push({ file: f.path, name: (m[1] ?? m[2])!, params: parameterNames(m[3]!, lang), body: bodyAfter(f.content, m.index! + m[0].length, lang) });
      defs.set(dir, list);
    }
  }
  for (const c of wanted) {
    const own = (defs.get(dirname(c.file)) ?? []).find((d) => d.file === c.file && d.name === c.name);
    const stem = stemOf(c.name);
    const here = stem ? (defs.get(dirname(c.file)) ?? []).filter((d) => stemOf(d.name) === stem) : [];
    const at = own ? own.params.indexOf(c.param!) : -1;
    if (!own || at < 0) continue;
    // A member that reads none of its parameters ignores its whole input (motioneye's `test_rtmp_url(data)` answering a
    // fixed camera list beside `test_rtsp_url(data)` probing the URL): not a convention's unused slot.
    // A module its loader finds by file name is handed what the loader hands every module, read or not.
    if (!POLICY_PARAM.test(c.param!) && !SCOPE_PARAM.test(c.param!) && loadedByFileName(c.file, own.params, files)) { out.add(c); continue; }
    const others = own.params.filter((p) => p !== c.param && !/^(self|cls|_\w*)$/.test(p));
    if (!stem || !others.some((p) => new RegExp(`(?<![\\w$.])${p.replace(/\$/g, "\\$")}(?![\\w$])`).test(own.body))) continue;
    const prefix = own.params.slice(0, at + 1).join(",");
    const kinDefs = here.filter((d) => d.file !== c.file && d.params.slice(0, at + 1).join(",") === prefix);
    // A policy or a scope the family's other members honour (`limit`, `timeout`, `user`) means something: one member
    // dropping it is a deviation, not a convention's unused slot (the mediacms strategy family, docs/DECISIONS.md; an
    // exporter that drops the owner filter its siblings apply).
    const named = new RegExp(`(?<![\\w$.])${c.param!.replace(/\$/g, "\\$")}(?![\\w$])`);
    if ((POLICY_PARAM.test(c.param!) || SCOPE_PARAM.test(c.param!)) && kinDefs.some((d) => named.test(d.body))) continue;
    const kin = new Set(kinDefs.map((d) => d.file));
    if (kin.size >= 2) out.add(c);
    else if (!POLICY_PARAM.test(c.param!) && !SCOPE_PARAM.test(c.param!) && calledAsFamily(c.name, files)) out.add(c);
  }
  return out;
}

/**
 * A module's default export loaded by its file name (baserow's Nuxt modules: `modules/dashboard/module.js`,
 * `modules/database/module.js`, .. each `export default function XModule(options)`): three or more files of one name
 * in sibling directories, each default-exporting a function of the same parameters, are one loader's protocol.
 */
function loadedByFileName(file: string, params: readonly string[], files: readonly { path: string; content: string }[]): boolean {
  const name = basename(file);
  const parent = dirname(dirname(file));
  const lang = languageOf(file) ?? "";
  const head = /^export\s+default\s+(?:async\s+)?function\s*[A-Za-z_$]*[\w$]*\s*\(([^)]*)\)/m;
  const list = params.join(",");
  let kin = 0;
  for (const f of files) {
    if (f.path === file || basename(f.path) !== name || dirname(dirname(f.path)) !== parent || isTestPath(f.path)) continue;
    const m = head.exec(f.content);
    if (m && parameterNames(m[1]!, lang).join(",") === list) kin++;
  }
  return kin >= 2;
}

/**
 * A caller that runs the function and two or more of its same-stem siblings with the very same arguments (erxes's
 * connection resolver: `db.model('boards', loadBoardClass(models, subdomain))`, `loadStageClass(models, subdomain)`,
 * .. for loaders each in its own module's `db/models/`): the calling convention is the caller's, whatever directory
 * each member lives in.
 */
function calledAsFamily(name: string, files: readonly { path: string; content: string }[]): boolean {
  const stem = stemOf(name);
  const call = new RegExp(`(?<![\\w$.])${name.replace(/\$/g, "\\$")}\\s*\\(([^()\\n]+)\\)`, "g");
  for (const f of files) {
    if (!f.content.includes(name) || isTestPath(f.path)) continue;
    // The file's same-stem calls, by their arguments, read once for every call of the function it holds.
    let siblings: { name: string; args: string }[] | null = null;
    for (const m of f.content.matchAll(call)) {
      const args = m[1]!.replace(/\s+/g, "");
      siblings ??= [...f.content.matchAll(/(?<![\w$.])([A-Za-z_$][\w$]*)\s*\(([^()\n]+)\)/g)]
        .filter((o) => o[1] !== name && stemOf(o[1]!) === stem).map((o) => ({ name: o[1]!, args: o[2]!.replace(/\s+/g, "") }));
      if (new Set(siblings.filter((o) => o.args === args).map((o) => o.name)).size >= 2) return true;
    }
  }
  return false;
}

/** The text of a definition's body: to the next line at the definition's indentation or less (Python), or the closing brace at a line's start. */
function bodyAfter(content: string, from: number, lang: string): string {
  const rest = content.slice(from, from + 6000);
  if (lang === "python") {
    const indent = /\n([ \t]*)\S/.exec(rest);
    const inner = indent ? indent[1]!.length : 4;
    const lines = rest.split("\n");
    const out = [lines[0]!];
    for (const l of lines.slice(1)) {
      if (l.trim() && l.length - l.trimStart().length < inner) break;
      out.push(l);
    }
    return out.join("\n");
  }
  const end = rest.search(/\n\}/);
  return end < 0 ? rest : rest.slice(0, end);
}
