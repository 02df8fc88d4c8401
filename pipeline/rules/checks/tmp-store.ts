// hardcoded-path: a fixed location under /tmp that a module binds by name (`const revokeQueuePath =
// "/tmp/vault-meridian-revoke-queue.json"`, `SIGNATURE_DIR = "/tmp/fieldservice-signatures"`, `const CHECKPOINT_FILE:
// &str = "/tmp/backupctl/checkpoints.json"`). Scratch space is made fresh (`os.MkdirTemp`, `tempfile.mkdtemp()`,
// `os.tmpdir()` joined with a random name); a constant the program finds again by name is a place it keeps something,
// and /tmp is emptied at reboot, cleaned by age and private to one machine or pod. Known by where the path is bound
// and what it names: a module-level constant naming a data file (a structured format) or a directory or file the
// constant's own name calls a location, unless the path or the name says scratch (tmp, cache, a socket, a pid or
// lock file, a log).
import type { SgNode } from "@ast-grep/napi";
import { ancestor, escapeRegExp, identifierWords } from "../syntax";
import type { CheckContext } from "./check";
import { type Hit, regionOf } from "./hit";

/** What scratch space, a runtime file or a conventional default says it is: not kept. */
const SCRATCH = /^(tmp|temp|tempdir|cache|caches|scratch|sock|socket|pid|pids|lock|locks|log|logs|fifo|pipe|test|tests|testing|fixture|fixtures|example|sample|debug|dump|core|run|e2e|download|downloads|build|builds|work|workdir|staging|spool|kubeconfig)$/;
/** A file of a structured format: data the program reads back. */
const DATA_FILE = /\.(json|jsonl|ndjson|csv|gob|ya?ml|toml|bin|dat|state|db|sqlite3?|bolt|parquet|pickle|pkl)$/i;
/** A binding's name calling its value a location (`*_DIR`, `checkpointFile`, `queuePath`, `STORE_ROOT`). */
const LOCATION = /^(dir|directory|path|file|folder|root|store|location)$/;

const field = (n: SgNode | null | undefined, f: string): SgNode | null => (n ? (n.field(f as never) as SgNode | null) : null);

/** The name of the module-level binding a literal is the whole value of, or null. */
function moduleBinding(lit: SgNode, lang: string): string | null {
  const p = lit.parent();
  if (!p) return null;
  const k = String(p.kind());
  let decl: SgNode | null = null;
  let name = "";
  if (lang === "go" && k === "expression_list") {
    const spec = p.parent();
    if (spec && /^(const_spec|var_spec)$/.test(String(spec.kind())) && field(spec, "value")?.text() === lit.text()) {
      name = field(spec, "name")?.text() ?? "";
      // `const x = ..` or a spec of a `var ( .. )` block (a var_spec_list between): its declaration.
      decl = ancestor(spec, /^(const_declaration|var_declaration)$/);
    }
  } else if (lang === "python" && k === "assignment" && field(p, "right")?.text() === lit.text()) {
    name = field(p, "left")?.text() ?? "";
    decl = p.parent();
  } else if (lang === "rust" && /^(const_item|static_item)$/.test(k)) {
    name = field(p, "name")?.text() ?? "";
    decl = p;
  } else if (lang === "typescript" && k === "variable_declarator" && field(p, "value")?.text() === lit.text()) {
    name = field(p, "name")?.text() ?? "";
    decl = p.parent();
    if (decl?.parent()?.kind() === "export_statement") decl = decl.parent();
  }
  if (!name || !decl || !/^[A-Za-z_$][\w$]*$/.test(name)) return null;
  // Top level: the declaration's holder is the file itself (Go's `const (..)` block sits in the source file too).
  const holder = decl.parent();
  if (!holder || !/^(source_file|module|program)$/.test(String(holder.kind()))) return null;
  return name;
}

/**
 * The environment variable a literal is the fallback of (`var("DATABASE_URL").unwrap_or_else(|| "sqlite:/tmp/x.db".into())`,
 * `os.getenv("STATE_FILE", "/tmp/x.json")`, `process.env.STATE_FILE ?? "/tmp/x.json"`, `envOr("STATE_FILE", "/tmp/x.json")`):
 * the value the program keeps its data at whenever the variable is unset, named by it. Read from the text of the
 * literal's line and the one before (a chained fallback on its own line).
 */
function envFallback(lit: SgNode, lines: readonly string[]): string | null {
  const start = lit.range().start;
  const before = [lines[start.line - 1] ?? "", (lines[start.line] ?? "").slice(0, start.column)].join("\n");
  // The read of a variable, then at once the operator or argument slot that makes the literal its fallback:
  // `?? "`, `|| "`, `getenv("X", "`, `var("X").unwrap_or_else(|| "` (rustfmt may break before `.unwrap_or_else`).
  const m = /(?:\b(?:var|getenv|Getenv|LookupEnv|envOr\w*|env_or\w*|get_env\w*)\s*\(\s*|environ\.get\s*\(\s*|environ\[\s*|process\.env\.|process\.env\[\s*)["'`]?([A-Z][A-Z0-9_]{2,})["'`]?\s*(?:\]\s*)?(?:,\s*|\)\s*(?:\?\?|\|\|)\s*|\s*(?:\?\?|\|\|)\s*|\)\s*\.\s*unwrap_or(?:_else)?\s*\(\s*(?:\|\|\s*)?)$/.exec(before);
  return m ? m[1]! : null;
}

/**
 * A function whose whole body answers the literal (`fn default_data_dir() -> PathBuf { PathBuf::from("/tmp/x") }`,
 * `def default_store_path(): return "/tmp/x"`): a default location named by the function, as a constant is.
 */
function defaultFunction(lit: SgNode): string | null {
  const fn = ancestor(lit, /^(function_item|function_definition|function_declaration|method_declaration|method_definition)$/);
  const body = field(fn, "body");
  if (!fn || !body) return null;
  // The body is the literal, maybe returned and wrapped in one conversion (`PathBuf::from(..)`, `.into()`, `Path(..)`).
  const inner = body.text().replace(/^\{|\}$/g, "").replace(/^\s*return\s+/, "").replace(/;?\s*$/, "").trim();
  const value = escapeRegExp(lit.text());
  const wrapped = new RegExp(`^${value}(\\.into\\(\\)|\\.to_string\\(\\))?$|^[\\w:.]*\\(\\s*${value}\\s*\\)(\\.into\\(\\)|\\.to_string\\(\\)|\\.to_owned\\(\\))?$`).test(inner);
  return wrapped ? field(fn, "name")?.text() ?? null : null;
}

/**
 * The key a literal is the value of in the options handed to a store's constructor (`new FileInstallationStore({
 * baseDir: "/tmp/access-desk/installations" })`, Go's `&FileStore{Dir: "/tmp/acme/outbox"}`, a type named for a
 * store): where that store keeps what it holds.
 */
function storeOption(lit: SgNode, lang: string): string | null {
  // tree-sitter-go wraps a keyed element's value in a `literal_element`.
  const pair = lit.parent()?.kind() === "literal_element" ? lit.parent()?.parent() : lit.parent();
  if (!pair || !/^(pair|keyed_element)$/.test(String(pair.kind()))) return null;
  const key = (lang === "go" ? (field(pair, "key") ?? pair.children()[0])?.text() : field(pair, "key")?.text())?.replace(/["'`]/g, "") ?? "";
  const made = ancestor(pair, /^(new_expression|composite_literal)$/);
  const type = (field(made, "constructor") ?? field(made, "type"))?.text().replace(/^.*\./, "") ?? "";
  return /(Store|Storage|Repository|Repo|Database|DB|Queue|Spool|Vault|Keyring)$/.test(type) && /^[A-Za-z_$][\w$]*$/.test(key) ? key : null;
}

export function tmpStoreCheck(ctx: CheckContext): Hit[] {
  const lang = ctx.rule.language;
  // A store's URL spells the path after its scheme (`sqlite:/tmp/licensing.db?mode=rwc`, `sqlite:///tmp/x.db`).
  const text = ctx.node.text().replace(/^[rbufRBUF]*["'`]+|["'`]+$/g, "").replace(/^(sqlite3?|file|bolt|leveldb|badger):(\/\/)?(?=\/tmp\/)/, "").replace(/\?[\w=&]*$/, "");
  if (!/^\/tmp\/[^\s${}]+$/.test(text) || /[*?]/.test(text)) return [];
  const bound = moduleBinding(ctx.node, lang) ?? defaultFunction(ctx.node) ?? storeOption(ctx.node, lang);
  const name = bound ?? envFallback(ctx.node, ctx.file.lines);
  if (!name) return [];
  // An overridable default directory (`EXPORT_DIR ?? "/tmp/inventory-exports"`) is scratch until configured; a data
  // file the program reads back (`sqlite:/tmp/licensing.db`) is a store whatever overrides it.
  if (!bound && !DATA_FILE.test(text)) return [];
  const pathWords = text.slice("/tmp/".length).split(/[/._-]+/).filter(Boolean).flatMap((s) => identifierWords(s));
  const nameWords = identifierWords(name);
  if ([...pathWords, ...nameWords].some((w) => SCRATCH.test(w.toLowerCase()))) return [];
  const dataFile = DATA_FILE.test(text);
  const location = LOCATION.test((nameWords.at(-1) ?? "").toLowerCase());
  if (!dataFile && !location) return [];
  return [{ region: regionOf(ctx.node), message: `${name} keeps ${dataFile ? "a data file" : "a location"} at a fixed path under /tmp (${text}): /tmp is emptied at reboot, cleaned by age and private to one machine; a store the program finds again by name belongs in configuration or a data directory` }];
}
