// unwired-auth in a command dispatch: a `match`/`switch`/`if`-chain whose arms run commands, where some arm
// calls an access check before acting and a destructive arm acts without it.
import type { SgNode } from "@ast-grep/napi";
import type { RuleLanguage } from "../rule-spec";
import { calleeName } from "./bound-guard";
import type { CheckContext } from "./check";
import { failsOnCondition } from "./credential-check";
import { fileGuards, REFUSAL, SUBJECT } from "./guard-shape";
import { OPEN_BY_DESIGN } from "./unguarded-route";
import { type Hit, param, type Region, regionOf } from "./hit";
import { macroDispatchArms } from "../macro-arms";

/**
 * `guard`: a condition the arm itself carries (Rust's `"pause" if self.authorized(t) =>`), checked before its body
 * runs. An arm of a dispatch macro is text (a token tree): its callees and region are read from that text.
 */
interface Arm { label: string; body: SgNode; at: SgNode; guard?: SgNode | null; text?: string; calls?: string[]; region?: Region }

const field = (n: SgNode, name: string) => n.field(name as never) as SgNode | null;

/** The arms of a dispatch in each language's spelling: what each arm matches, and the code it runs. */
function armsOf(node: SgNode, lang: RuleLanguage): Arm[] {
  const kids = (n: SgNode | null, kind: RegExp) => (n?.children() ?? []).filter((c) => kind.test(String(c.kind())));
  if (lang === "rust" && node.kind() === "macro_invocation") return macroArms(node);
  if (lang === "rust") return kids(field(node, "body"), /^match_arm$/).map((a) => ({ label: field(a, "pattern")?.text() ?? "", body: field(a, "value") ?? a, at: a, guard: field(field(a, "pattern") ?? a, "condition") }));
  if (lang === "go") return kids(node, /^expression_case$/).map((a) => ({ label: field(a, "value")?.text() ?? "", body: a, at: a }));
  if (lang === "typescript") return kids(field(node, "body"), /^switch_case$/).map((a) => ({ label: field(a, "value")?.text() ?? "", body: a, at: a }));
  if (node.kind() === "match_statement") return kids(field(node, "body"), /^case_clause$/).map((a) => ({ label: a.children().filter((c) => c.kind() === "case_pattern").map((c) => c.text()).join(" "), body: field(a, "consequence") ?? a, at: a }));
  // Python `if cmd == "push": .. elif cmd == "purge": ..`: each branch's condition is its label.
  const branches = [node, ...kids(node, /^elif_clause$/)];
  return branches.map((b) => ({ label: field(b, "condition")?.text() ?? "", body: field(b, "consequence") ?? b, at: b, guard: field(b, "condition") }));
}

/** The arms of a dispatch macro, their callees read from the block's text (calls inside nested macros too). */
function macroArms(node: SgNode): Arm[] {
  return macroDispatchArms(node).map((b) => {
    const lines = b.text.split("\n");
    const end = lines.length > 1 ? lines[lines.length - 1]!.length : b.column + b.text.length;
    return {
      label: b.head, body: node, at: node, text: b.text,
      calls: [...b.text.matchAll(/([A-Za-z_]\w*)\s*\(/g)].map((m) => m[1]!).filter((n) => !/^(if|match|while|for|Some|Ok|Err)$/.test(n)),
      region: { start: { line: b.line, column: b.column }, end: { line: b.line + lines.length - 1, column: end } },
    };
  });
}

const CALL: Partial<Record<RuleLanguage, string>> = { rust: "call_expression", go: "call_expression", typescript: "call_expression", python: "call" };

/**
 * An argument naming a credential the caller presents (`operator_key`, `args["--token"]`, `password`): who is
 * asking, by what they hold. A user id or a session handle names who, not what they prove.
 */
const CREDENTIAL = /(?<![a-z])(token|api_?key|key|password|passphrase|secret|otp|jwt|bearer|credentials?|signature)(?![a-z])/i;

/** A callee that opens with the requirement (`ensure_operator`, `assertOperator`, Go's `RequireAdmin`); a Rust type's constructor (`AssertUnwindSafe(..)`) is none. */
const opensWith = (name: string, verb: RegExp, lang: RuleLanguage) =>
  !(lang === "rust" && /^[A-Z]/.test(name)) && verb.test(name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").split("_")[0]!);

/** Names of the functions an arm calls (the last segment of each callee). */
function calleesOf(body: SgNode, lang: RuleLanguage): string[] {
  const kind = CALL[lang]!;
  const calls = body.kind() === kind ? [body, ...body.findAll({ rule: { kind } })] : body.findAll({ rule: { kind } });
  return calls.map(calleeName).filter(Boolean);
}

/** The body of the file's function of that name, comments aside, if it is defined here. */
const definitions = new WeakMap<object, Map<string, string>>();

export function definitionText(root: SgNode, name: string): string {
  // Asked once per name per file: a dispatch asks it of every call of every arm.
  const key = root.getRoot() as object;
  let known = definitions.get(key);
  if (!known) definitions.set(key, (known = new Map()));
  let text = known.get(name);
  if (text === undefined) known.set(name, (text = findDefinition(root, name)));
  return text;
}

function findDefinition(root: SgNode, name: string): string {
  for (const kind of ["function_item", "function_declaration", "method_declaration", "function_definition"]) {
    try {
      const d = root.find({ rule: { kind, has: { field: "name", regex: `^${name}$` } } } as never);
      if (d) return d.text().replace(/\/\/[^\n]*|(^|\s)#[^\n[]*/g, "");
    } catch { /* kind absent from this grammar */ }
  }
  // ... or a closure the function binds to the name (`let require_path = |path: &str| { if session.may_access(path) .. }`,
  // `const requireOwner = (id) => { .. }`): the dispatch's arms call it like a function.
  for (const [kind, field, value] of [["let_declaration", "pattern", "closure_expression"], ["variable_declarator", "name", "arrow_function"]] as const) {
    try {
      const d = root.find({ rule: { kind, has: { field, regex: `^${name}$` }, all: [{ has: { field: "value", kind: value } }] } } as never);
      if (d) return d.text().replace(/\/\/[^\n]*/g, "");
    } catch { /* kind absent from this grammar */ }
  }
  return "";
}

/**
 * Reported: an arm of a command dispatch that destroys state (its label or a function it calls says so:
 * delete, purge, drop, wipe, ...) and calls no access check, where a sibling arm of the same dispatch calls
 * one before acting. An access check is a guard of the file or of the vocabulary, or a function whose name
 * states a requirement (`ensure_`, `require`, `check`, `verify`) of who is asking, by its name or by what its
 * body reads (a token, a user, a role), that precedes an act of its arm (a sibling whose only call is the
 * check runs it as its command, and gates nothing). Not reported: a dispatch with no checked arm (nothing says this
 * program checks commands), a check made once before the dispatch (no arm carries it), read-only arms, and
 * an arm that checks for itself (a condition leading to a failure or a 401/403 of its own).
 */
export function unguardedDispatchCheck(ctx: CheckContext): Hit[] {
  const { node, params, rule } = ctx;
  const lang = rule.language;
  // An `elif` chain is judged once, from its head.
  if (lang === "python" && node.kind() === "if_statement" && node.parent()?.kind() === "elif_clause") return [];
  const arms = armsOf(node, lang);
  if (arms.length < 2) return [];
  const destructive = new RegExp(param(params, "destructive", "(?!)"), "i");
  const { names: [, verb = /(?!)/], isGuard } = fileGuards(ctx);
  const root = node.getRoot().root();
  const checks = (name: string) => isGuard(name) || (verb.test(name) && (SUBJECT.test(name) || SUBJECT.test(definitionText(root, name))));
  // A function gating the arm from its guard (`"drain" if self.is_operator(t) =>`) is a check when it names, or
  // its body reads, who is asking: its place makes it a condition of the arm, as a decorator's makes it a wrapper.
  const gates = (name: string) => checks(name) || SUBJECT.test(name) || SUBJECT.test(definitionText(root, name));
  const calls = (a: Arm) => a.calls ?? calleesOf(a.body, lang);
  // A requirement handed a credential (`ensure_operator(&config, operator_key)`, `assertOperator(args["--token"])`)
  // is a check by what it is given, whoever it names: the caller's key or token decides the arm.
  const handedCredential = (a: Arm) => (a.text ? [] : a.body.findAll({ rule: { kind: CALL[lang]! } }))
    .filter((c) => opensWith(calleeName(c), verb, lang) && CREDENTIAL.test(((c.field("arguments" as never) as SgNode | null)?.text() ?? "").replace(/([a-z0-9])([A-Z])/g, "$1_$2")))
    .map(calleeName);
  const guardOf = (a: Arm) => (a.guard ? calleesOf(a.guard, lang).find(gates) : undefined) ?? calls(a).find(checks) ?? handedCredential(a)[0];
  // The sibling's check is evidence only when it gates an act of its arm: an arm whose whole work is the
  // check (`Effect::CheckPermission { .. } => self.check_permission(..)`) runs the check as its command.
  const gatesAnAct = (a: Arm) => (a.guard && calleesOf(a.guard, lang).some(gates)) || calls(a).some((c) => !checks(c));
  // A named case whose whole answer is a refusal (`Auth::InvalidAPIKey { result } => HttpResponse::Unauthorized().json(result)`)
  // shows what the dispatch discriminates: the caller's standing, an access decision in itself. Its other cases
  // (`Auth::ValidAPIKey`, `Auth::ValidSession`) are the standings it admits, not arms missing a check.
  const scrutinee = ((node.field("value" as never) ?? node.field("condition" as never)) as SgNode | null)?.text() ?? "";
  if (arms.some((a) => !/^(_|default|else)?$/.test(a.label.trim()) && refusalOnly(a, calls(a)) && (SUBJECT.test(scrutinee) || SUBJECT.test(a.label)))) return [];
  const checkedArms = arms.filter((a) => guardOf(a) && gatesAnAct(a));
  const checked = checkedArms[0];
  if (!checked) return [];
  // Where most arms check (two or more, over half), checking is the dispatch's convention: an arm that acts (calls
  // something that is not a read) without a check breaks it whatever its label says (a Refund arm among checked
  // Charge and Remind arms). Otherwise only an arm that destroys state is held to one sibling's check.
  // A Rust call of a capitalised name builds a value (`Action::Reply(..)`, `Ok(..)`), and `todo!()` acts on nothing
  // (a stub arm is the stub class's business).
  // ... nor does a small helper of the file that only answers "not implemented" (`unsupported("snapshots")` building a 501).
  const declines = (c: string) => declinesOnly(definitionText(root, c));
  const actCall = (c: string) => !READ_CALL.test(c) && !(lang === "rust" && /^[A-Z]/.test(c)) && !/^(todo|unimplemented|unreachable|panic)$/.test(c) && !declines(c);
  // Over half of all the arms, a fallback and read-only arms included: a dispatch where reads go unchecked
  // (`"stats" => self.stats()` beside two checked arms) has no convention an unchecked arm breaks.
  const convention = checkedArms.length >= 2 && checkedArms.length * 2 > arms.length;
  // ... an arm open by design (a health probe, a login) aside, and one that refuses a caller itself (its failure
  // answers 401/403 or its condition reads who is asking; a validation error decides nothing about access).
  // So is an arm whose case names the unauthenticated audience (`Requirement::Anonymous => allow(..)`, `Access::Public`).
  const open = (a: Arm) => [a.label, ...calls(a)].some((t) => OPEN_BY_DESIGN.test(t.replace(/[()\s]+/g, "/").replace(/([a-z0-9])([A-Z])/g, "$1_$2")))
    || /(^|[:._"'])(anonymous|public|unauthenticated)["']?$/i.test(a.label.trim());
  const refusesCaller = (a: Arm) => { const t = a.text ?? a.body.text(); return failsOnCondition(t) && (REFUSAL.test(t) || SUBJECT.test(t)); };
  // An arm that hands who is asking to what it calls (`readable_repos(ctx.user, &all)`) decides with the caller in view.
  // A field of a record it writes (`postModLog(guild, { moderatorId: interaction.user.id })`) names who acted for the
  // log: it decides nothing, so object-literal fields are read past.
  const seesCaller = (a: Arm) => SUBJECT.test((a.text ?? a.body.text()).replace(/(?<=[{,]\s*)[\w$]+[ \t]*:(?!:)[ \t]*[^,}\n]+/g, "").replace(/([a-z0-9])([A-Z])/g, "$1_$2"));
  const acts = (a: Arm) => !open(a) && !refusesCaller(a) && !seesCaller(a) && calls(a).some((c) => !checks(c) && actCall(c));
  const destroys = (a: Arm) => !failsOnCondition(a.text ?? a.body.text()) && destructive.test(`${a.label} ${calls(a).join(" ")}`);
  const line = (checked.region?.start.line ?? checked.at.range().start.line) + 1;
  // An arm that checks before it acts (a condition and a failure of its own) decides for itself.
  return arms.filter((a) => a !== checked && !guardOf(a)).flatMap((a): Hit[] => {
    const region = a.region ?? regionOf(a.at);
    const label = a.label.trim().slice(0, 40);
    if (destroys(a)) return [{ region, message: `the ${label} arm destroys state without the ${guardOf(checked)} check its sibling arm makes (line ${line})` }];
    if (convention && acts(a)) return [{ region, message: `the ${label} arm acts without the access check ${checkedArms.length} of the dispatch's ${arms.length} arms make (${guardOf(checked)}, line ${line})` }];
    return [];
  });
}

/** An arm that only answers a refusal: a 401/403 built from response calls and nothing else. */
function refusalOnly(a: Arm, calls: string[]): boolean {
  const text = (a.text ?? a.body.text()).replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
  return REFUSAL.test(a.text ?? a.body.text()) && calls.every((c) => REFUSAL.test(c) || RESPONSE_CALL.test(c)) && (text.match(/;/g)?.length ?? 0) <= 1;
}
const RESPONSE_CALL = /^(json|body|send|status|sendStatus|finish|content_type|header|insert_header|set_header|render|respond\w*|reply|abort|Error|Errorf|error|http\.Error|WriteHeader|Write|write|Err|Ok|Some|into|into_response|new|build|to_string|to_owned|format|from|String|NewHTTPError|JSON|AbortWithStatus\w*|end)$/;

/** A call that only reads or answers (`load`, `get_invoice`, `list_jobs`, `format!`-like helpers): no act of its own. */
const READ_CALL = /^(get|load|list|fetch|find|read|show|count|describe|lookup|query|search|view|parse|format|render|print|println|log|debug|info|warn|trace|to_\w+|as_\w+|into\w*|clone|len|is_\w+|has_\w+|ok|map\w*|unwrap\w*|expect|Ok|Err|Some|from\w*|new|default)(_|$|[A-Z])/;

/** The body of a small helper that only builds a "not implemented" answer: a 501 or the words, and no statement besides. */
export function declinesOnly(definition: string): boolean {
  const body = definition.slice(definition.indexOf("{") + 1, definition.lastIndexOf("}")).trim();
  if (!body || body.length > 300 || /;\s*\S/.test(body.replace(/"(?:[^"\\]|\\.)*"/g, '""'))) return false;
  // HTTP's 501 (not SMTP's 502 "Command not implemented", the answer RFC 5321 prescribes for an unsupported command).
  return /\b501\b|NOT_IMPLEMENTED/.test(body) && /\b501\b|not\s+(yet\s+)?implemented|NOT_IMPLEMENTED|\bunimplemented\b/i.test(body) && !/\b(only|cannot|can't|not\s+allowed|forbidden|unsupported\s+by\s+design)\b/i.test(body);
}

/**
 * stub (`declined-arm`): a named case of a dispatch whose whole answer is a call of a same-file helper that only builds
 * a "not implemented" reply (`Request::Snapshot { .. } => unsupported("snapshots")`).
 */
export function declinedArmCheck({ node }: CheckContext): Hit[] {
  const value = node.field("value" as never) as SgNode | null;
  const callee = /^([a-z_]\w*)\(/.exec(value?.text() ?? "")?.[1];
  if (!value || !callee) return [];
  return declinesOnly(definitionText(node.getRoot().root(), callee)) ? [{ region: regionOf(value) }] : [];
}
