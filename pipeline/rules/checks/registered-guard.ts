// A view guarded where it is registered: Django's URL confs wrap a view at its route (`path("me",
// login_required(views.user_profile))`, `decorated_patterns([login_required, team_members_only], path(..,
// views.TeamUpdate.as_view()))`, or a list of routes handed whole to such a wrapper: `decorated_patterns([can_edit_map],
// *map_urls)`). A view class that carries no guard of its own is then guarded all the same; asked after the scan,
// against every walked Python file that registers the view.
import type { SgNode } from "@ast-grep/napi";
import { parseSource } from "../languages";
import type { SourceFile } from "../scan-file";
import { escapeRegExp } from "../syntax";
import { namesSubject } from "./guard-shape";
import type { Candidate } from "./unreferenced";

/** A name that states a requirement on whoever asks: `login_required`, `team_members_only`, `can_edit_map`, `is_owner`. */
const REQUIREMENT = /_(required|only)$|^(can|may)_/;
const isGuardName = (name: string) => namesSubject(name) || REQUIREMENT.test(name);

/** The identifiers of an argument list, string literals left out (a route's path and name are not guards). */
function identifiersOf(node: SgNode, skip: SgNode | null): string[] {
  const out: string[] = [];
  for (const arg of node.namedChildren()) {
    if (skip && arg.range().start.index <= skip.range().start.index && arg.range().end.index >= skip.range().end.index) continue;
    const code = arg.text().replace(/([rbuf]*)("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')/gi, "");
    out.push(...(code.match(/[A-Za-z_]\w*/g) ?? []));
  }
  return out;
}

/** Is the node wrapped, on its way up to the module, by a call whose callee or other arguments name a guard? */
function wrappedByGuard(node: SgNode): { guarded: boolean; top: SgNode } {
  let child = node;
  for (let n = node.parent(); n; child = n, n = n.parent()) {
    if (n.kind() === "module") return { guarded: false, top: child };
    if (n.kind() !== "call") continue;
    const callee = ((n.field("function" as never) as SgNode | null)?.text() ?? "").replace(/^[\s\S]*\./, "");
    const args = n.field("arguments" as never) as SgNode | null;
    if (isGuardName(callee) || (args && identifiersOf(args, child).some(isGuardName))) return { guarded: true, top: child };
  }
  return { guarded: false, top: child };
}

/** Is a list of routes bound to `name` handed whole (`*name`, `name`) to a call that names a guard in this module? */
function listHandedToGuard(root: SgNode, name: string): boolean {
  const handed = new RegExp(`(^|[(,\\s*])\\*?${escapeRegExp(name)}\\s*($|[,)])`);
  return root.findAll({ rule: { kind: "call" } }).some((call) => {
    const args = call.field("arguments" as never) as SgNode | null;
    if (!args || !args.namedChildren().some((a) => handed.test(a.text()))) return false;
    const callee = ((call.field("function" as never) as SgNode | null)?.text() ?? "").replace(/^[\s\S]*\./, "");
    return isGuardName(callee) || identifiersOf(args, null).some(isGuardName);
  });
}

/** Is a view bound to `alias` handed to a guard by name in some walked file (`login_required(views.user_profile)`)? */
function aliasWrapped(files: readonly SourceFile[], alias: string): boolean {
  const wrapped = new RegExp(`\\b(\\w+)\\s*\\(\\s*(?:\\w+\\.)*${escapeRegExp(alias)}\\s*[,)]`, "g");
  return files.some((f) => f.content.includes(alias) && [...f.content.matchAll(wrapped)].some((m) => isGuardName(m[1]!)));
}

/**
 * The candidates (view classes, by name) that every registration found wraps in a guard: `Name.as_view(..)` in a
 * walked Python file, inside a call naming a guard, or in a route list (`name = [..]`, `name += [..]`) that the
 * module hands to one. A view registered nowhere, or registered once without a guard, is not answered.
 */
export function registeredGuarded(candidates: readonly Candidate[], files: readonly SourceFile[]): Set<Candidate> {
  const out = new Set<Candidate>();
  const python = files.filter((f) => f.path.endsWith(".py"));
  for (const c of candidates) {
    const mention = new RegExp(`(?<![\\w])${escapeRegExp(c.name)}\\s*\\.\\s*as_view\\s*\\(`);
    let registrations = 0;
    let open = false;
    for (const f of python) {
      if (!mention.test(f.content)) continue;
      const root = parseSource(f.path, f.content)?.root();
      if (!root) continue;
      for (const call of root.findAll({ rule: { kind: "call" } })) {
        if (!mention.test(call.text()) || !/as_view$/.test((call.field("function" as never) as SgNode | null)?.text() ?? "")) continue;
        registrations++;
        const { guarded, top } = wrappedByGuard(call);
        if (guarded) continue;
        // `map_urls = [path(..)]` / `urls += [..]`, handed whole to a guarding wrapper further down.
        const bound = /^(\w+)\s*\+?=/.exec(top.text())?.[1];
        // ... or the view bound to a name (`user_profile = UserProfile.as_view()`) that a URL conf wraps: `login_required(views.user_profile)`.
        if (!bound || !(listHandedToGuard(root, bound) || aliasWrapped(python, bound))) open = true;
      }
    }
    if (registrations > 0 && !open) out.add(c);
  }
  return out;
}
