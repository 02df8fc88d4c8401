// unwired-auth in a router of procedures built from named builders (tRPC's `router({ a: adminProcedure.input(..)
// .mutation(..), .. })`): every member but one starts from the same builder, and the odd one starts from another.
// Which builder guards more is read after the scan from how the repository derives them (`adminProcedure =
// protectedProcedure.use(isAdmin)`), so the decision is finish-scan's (weakerBuilders).
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import type { SourceFile } from "../scan-file";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";
import { refusesItself } from "./guard-shape";
import { identifierWords } from "./param-words";

/** The calls that end a procedure: what it answers. */
const TERMINAL = /^(query|mutation|subscription|handler|action)$/;

/**
 * The builder a member's value starts from: the chain `b.input(..).query(..)` down to its first receiver (an
 * identifier, or a dotted name such as `t.procedure`). Null when the value is not such a chain ending in a
 * terminal call.
 */
function builderOf(value: SgNode): string | null {
  if (value.kind() !== "call_expression") return null;
  const fn = value.field("function" as never) as SgNode | null;
  if (fn?.kind() !== "member_expression" || !TERMINAL.test((fn.field("property" as never) as SgNode | null)?.text() ?? "")) return null;
  let n: SgNode | null = fn.field("object" as never) as SgNode | null;
  while (n?.kind() === "call_expression") {
    const f = n.field("function" as never) as SgNode | null;
    if (f?.kind() !== "member_expression") return null;
    n = f.field("object" as never) as SgNode | null;
  }
  if (!n || !/^(identifier|member_expression)$/.test(String(n.kind()))) return null;
  const text = n.text();
  return /^[\w$]+(\.[\w$]+)*$/.test(text) ? text : null;
}

/**
 * Deferred: a router handed one object literal of three or more procedures, all but one built from the same
 * builder (used at least twice), the odd one from another and not named for an open purpose (login, health,
 * webhook) and not refusing callers itself. The candidate carries both builders for finish-scan.
 */
export function oddBuilderCheck(ctx: CheckContext): Hit[] {
  const args = ((ctx.node.field("arguments" as never) as SgNode | null)?.namedChildren() ?? []).filter((a) => !/comment/.test(String(a.kind())));
  if (args.length !== 1 || args[0]!.kind() !== "object") return [];
  const members: { key: SgNode; value: SgNode; builder: string }[] = [];
  for (const p of args[0]!.namedChildren()) {
    if (p.kind() !== "pair") continue;
    const value = p.field("value" as never) as SgNode | null;
    const builder = value ? builderOf(value) : null;
    if (!builder) continue;
    members.push({ key: p.field("key" as never) as SgNode, value: value!, builder });
  }
  if (members.length < 3) return [];
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.builder, (counts.get(m.builder) ?? 0) + 1);
  if (counts.size !== 2) return [];
  const [strong, weak] = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([b]) => b) as [string, string];
  if (counts.get(weak) !== 1) return [];
  const odd = members.find((m) => m.builder === weak)!;
  const key = odd.key.text().replace(/^["'`]|["'`]$/g, "");
  // Open by name (login, webhook), or deciding access itself (a webhook refusing a bad signature with a 401).
  if (OPEN_BY_DESIGN.test(identifierWords(key).join("-")) || refusesItself(odd.value.text())) return [];
  const hit: Hit = { region: regionOf(odd.key), message: `${ctx.rule.message}: \`${key}\` is built from ${weak} while its siblings use ${strong}` };
  ctx.defer({
    candidate: { name: key, file: ctx.file.path, line: odd.key.range().start.line, referenceIgnores: [], builders: { weak, strong } },
    hit,
    keep: "if-weaker-builder",
  });
  return [];
}

/** `const NAME = ROOT.use(..)` / `const NAME = ROOT` / `const NAME: T = ROOT.x(..)`: the builder NAME derives from. */
const DERIVED = /(?:const|let|var)\s+([\w$]+)\s*(?::[^=\n]+)?=\s*([\w$]+(?:\s*\.\s*[\w$]+)*)\s*(\()?/g;

/** What each builder of the walked TypeScript files derives from, by name. */
function derivations(files: readonly SourceFile[]): Map<string, string> {
  const parent = new Map<string, string>();
  for (const f of files) {
    if (!/\.(m|c)?[jt]sx?$/.test(f.path) || !/\.use\s*\(|procedure/i.test(f.content)) continue;
    for (const m of f.content.matchAll(DERIVED)) {
      const path = m[2]!.replace(/\s+/g, "").split(".");
      // `t.procedure.use(x)` derives from `t.procedure`; a plain `t.procedure` aliases it.
      if (m[3]) path.pop();
      if (path.length && !parent.has(m[1]!)) parent.set(m[1]!, path.join("."));
    }
  }
  return parent;
}

/** Is `from` an ancestor of `name` (or the same builder, through aliases)? */
function derivesFrom(name: string, from: string, parent: Map<string, string>): boolean {
  const seen = new Set<string>();
  for (let n: string | undefined = name; n && !seen.has(n); n = parent.get(n)) {
    if (n === from) return true;
    seen.add(n);
  }
  return false;
}

/**
 * The candidates whose odd member is weaker than its siblings: the siblings' builder derives from its builder
 * (`protectedProcedure = publicProcedure.use(isAuthed)`), so it lacks a middleware every sibling runs. Two
 * unrelated builders are left alone: each may be a complete guard of its own (a project-access builder beside a
 * share-link one), and which guards more is the middleware's to say, not the names'.
 */
export function weakerBuilders<C extends { builders?: { weak: string; strong: string } }>(candidates: readonly C[], files: readonly SourceFile[]): Set<C> {
  const out = new Set<C>();
  if (!candidates.length) return out;
  const parent = derivations(files);
  for (const c of candidates) if (derivesFrom(c.builders!.strong, c.builders!.weak, parent) && !derivesFrom(c.builders!.weak, c.builders!.strong, parent)) out.add(c);
  return out;
}
