// ignored-parameter for command-line records: a struct the CLI framework fills from the command line (kong,
// go-flags and go-arg struct tags in Go; clap's derive in Rust), one of whose options nothing reads. The
// user passes `--compression zstd`, the parser accepts it, and the command does what it always did.
import type { SgNode } from "@ast-grep/napi";
import type { GrammarLanguage } from "../rule-spec";
import { type Hit, regionOf } from "./hit";

export interface CliField { name: string; node: SgNode; decl: SgNode }

/** Go struct tag keys that bind a field to the command line (kong, go-flags, go-arg). */
const GO_CLI_TAG = /`[^`]*\b(help|short|long|arg|flag|placeholder|enum|negatable)\s*:\s*"/;
/** Go tags that make a field a subcommand or an embedded group, not a value the command reads. */
const GO_NOT_VALUE = /`[^`]*\b(cmd|embed|subcommand|command|group)\s*:\s*"|`[^`]*\bkong\s*:\s*"-"/;
/** Rust field attributes that make a field a subcommand or a flattened group, or skip the parser. */
const RS_NOT_VALUE = /#\[(command|clap|arg)\s*\([^\]]*\b(subcommand|flatten|skip)\b/;

function attributesBefore(node: SgNode): string {
  const out: string[] = [];
  for (let p = node.prev(); p && /attribute_item|comment/.test(String(p.kind())); p = p.prev()) out.push(p.text());
  return out.join("\n");
}

/**
 * The options of a command-line record, or null when the type is not one. Go: fields carrying a CLI tag
 * (`help:"..."`, `short:"v"`, `arg:""`), a type from another package (`kong.VersionFlag`: the framework
 * acts on it) left out. Rust: every field of a `#[derive(Parser)]`/`#[derive(Args)]` struct, `pub` or not
 * (a binary's own type), subcommands and flattened groups left out.
 */
export function cliFields(node: SgNode, lang: GrammarLanguage): CliField[] | null {
  const list = lang === "go" ? (node.field("type" as never) as SgNode | null)?.find({ rule: { kind: "field_declaration_list" } })
    : lang === "rust" ? node.field("body" as never) as SgNode | null : null;
  if (!list || list.kind() !== "field_declaration_list") return null;
  const decls = list.namedChildren().filter((d) => d.kind() === "field_declaration");
  if (lang === "rust" && !/#\[derive\([^)]*\b(Parser|Args)\b/.test(attributesBefore(node))) return null;
  if (lang === "go" && !decls.some((d) => GO_CLI_TAG.test(d.text()))) return null;
  const out: CliField[] = [];
  for (const decl of decls) {
    const type = (decl.field("type" as never) as SgNode | null)?.text() ?? "";
    if (lang === "go" && (!GO_CLI_TAG.test(decl.text()) || GO_NOT_VALUE.test(decl.text()) || /^\*?[a-z]\w*\./.test(type))) continue;
    if (lang === "rust" && RS_NOT_VALUE.test(attributesBefore(decl) + decl.text())) continue;
    for (const f of decl.namedChildren().filter((c) => c.kind() === "field_identifier")) out.push({ name: f.text(), node: f, decl });
  }
  return out;
}

/**
 * Options of a command-line record that this file never reads as `.field` (the scan then asks the other
 * files). A record destructured (`let Cli { dry_run, .. } = cli`) or handed on whole to something that
 * reads it by reflection (`json.Marshal(c)`, `serde`) is judged elsewhere, so it is left alone here.
 */
export function unreadCliFields(node: SgNode, lang: GrammarLanguage, content: string, readsField: (before: string, after: string) => boolean): (Hit & { field: string })[] {
  const fields = cliFields(node, lang);
  if (!fields?.length) return [];
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  if (lang === "rust" && (new RegExp(`\\b${name}\\s*\\{[^{}]*\\}\\s*=[^=]`).test(content) || /\bSerialize\b/.test(attributesBefore(node)))) return [];
  const code = content.replace(/\/\/[^\n]*/g, "");
  const out: (Hit & { field: string })[] = [];
  for (const f of fields) {
    const read = [...code.matchAll(new RegExp(`\\.\\s*${f.name}\\b`, "g"))].some((m) => readsField(code.slice(0, m.index! + 1), code.slice(m.index! + m[0].length)));
    if (read || /\b(deprecated|unused|hidden|no-op|has no effect)\b/i.test(f.decl.text() + attributesBefore(f.decl))) continue;
    out.push({ region: regionOf(f.node), field: f.name, message: `command-line option '${f.name}' of '${name}' is parsed but never read: the flag is accepted and has no effect` });
  }
  return out;
}
