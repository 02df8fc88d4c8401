// unwired-auth on class-based views (Django, DRF, Flask MethodView, Tornado, Falcon...): a view class that
// changes state without the permission mixin, decorator or permission table its sibling views carry.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import { fileGuards, makesAccessDecision, SUBJECT } from "./guard-shape";
import { type Hit, regionOf } from "./hit";
import { OPEN_BY_DESIGN } from "./unguarded-route";
import { DRF, knownFrameworkBase } from "./framework-views";
import { pyBaseNames } from "../syntax";

/** A view by its bases: the framework's view, viewset, handler, resource or endpoint classes. */
const VIEW_BASE = /(View|ViewSet|APIView|Handler|Resource|Endpoint)$/;
/** State-changing by the framework's generic bases (`CreateAPIView`, `DestroyModelMixin`, `ModelViewSet`, `UpdateView`). */
const CHANGING_BASE = /^(Create|Update|Destroy|Delete|Form)\w*(View|Mixin)$|^(Model)?ViewSet$|^(ListCreate|RetrieveUpdate|RetrieveDestroy|RetrieveUpdateDestroy)\w*View$/;
/** Handler methods that change state, in every framework's spelling (`post`, `on_delete`, `perform_create`). */
const CHANGING_METHOD = /\bdef\s+(post|put|patch|delete|on_(post|put|patch|delete)|create|update|destroy|perform_(create|update|destroy))\s*\(/;
/** An explicit decision to open the view: `permission_classes = [AllowAny]`, `= ()`, `authentication_classes = []`. */
const OPENED = /\b(permission_classes|authentication_classes)\s*=\s*(\[\s*\]|\(\s*\)|[[(]\s*(permissions\.)?AllowAny\b)/;

/** Decorators on the class (`@method_decorator(login_required, name="dispatch")`). */
function decoratorsOf(cls: SgNode): string[] {
  const parent = cls.parent();
  return parent?.kind() === "decorated_definition" ? parent.children().filter((c) => c.kind() === "decorator").map((d) => d.text()) : [];
}

/** Requirements on the request's transport, not on who sends it (`require_POST`, `require_http_methods`, `csrf_protect`). */
export const TRANSPORT = /csrf|_(GET|HEAD|POST|PUT|PATCH|DELETE|safe|http_methods)$/i;

/**
 * The functions a class decorator applies to the view: Django's `method_decorator(f, name="dispatch")`
 * (or a list of them) hands function decorators to every handler; any other decorator is its own callee.
 */
function appliedDecorators(decorator: string): string[] {
  const m = /^@\s*(?:[\w.]+\.)?method_decorator\s*\(\s*(\[[^\]]*\]|[\w.]+)/.exec(decorator);
  const names = m ? m[1]!.replace(/^\[|\]$/g, "").split(",") : [/^@\s*([\w.]+)/.exec(decorator)?.[1] ?? ""];
  return names.map((n) => n.trim().replace(/\(.*$/s, "").replace(/^.*\./, "")).filter(Boolean);
}

/**
 * The class carries a guard: a base named for who is asking (`LoginRequiredMixin`), a permission table, or a
 * decorator on the class that guards: one naming who is asking, or, in that slot (it wraps every handler), a
 * guard of the file or the vocabulary, or a name stating a requirement (`staff_required`) that is not about
 * the request's transport.
 */
function carriesGuard(cls: SgNode, slot: (name: string) => boolean): boolean {
  if (pyBaseNames(cls).some((b) => !VIEW_BASE.test(b) && SUBJECT.test(b))) return true;
  const body = (cls.field("body" as never) as SgNode | null)?.text() ?? "";
  if (/^\s*(permission_classes|permission_required|authentication_classes)\s*=/m.test(body) && !OPENED.test(body)) return true;
  return decoratorsOf(cls).some((d) => SUBJECT.test(d) || appliedDecorators(d).some((n) => !TRANSPORT.test(n) && slot(n)));
}

const isView = (cls: SgNode) => pyBaseNames(cls).some((b) => VIEW_BASE.test(b) || CHANGING_BASE.test(b));

/**
 * Reported: a view class (by its bases) that changes state (a post/put/patch/delete handler, or a generic
 * create/update/destroy base) and carries no guard, in a module where a sibling view class carries one.
 * Not reported: a class opened on purpose (`permission_classes = [AllowAny]`), authentication's own entry
 * points (a class named for login, sign-up, tokens or webhooks), a class that decides access in its own code,
 * and a class with a base that is not one of the frameworks' own (framework-views.ts): a project base or
 * mixin defined elsewhere (`BaseObjectView`, `ObjectPermissionRequiredMixin`) may carry the check. A DRF
 * view is kept only if no walked settings set `DEFAULT_PERMISSION_CLASSES` (deferred to the scan's end).
 */
export function unguardedClassViewCheck(ctx: CheckContext): Hit[] {
  const { node, file, defer } = ctx;
  const { names: [, verb = /(?!)/], isGuard } = fileGuards(ctx);
  const slot = (name: string) => isGuard(name) || verb.test(name);
  if (!isView(node) || carriesGuard(node, slot)) return [];
  const name = (node.field("name" as never) as SgNode | null)?.text() ?? "";
  const snake = name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  if (OPEN_BY_DESIGN.test(snake) || OPENED.test(node.text()) || makesAccessDecision(node.text())) return [];
  if (!CHANGING_METHOD.test(node.text()) && !pyBaseNames(node).some((b) => CHANGING_BASE.test(b))) return [];
  const module = node.getRoot().root();
  const views = module.findAll({ rule: { kind: "class_definition" } }).filter((c) => c.id() !== node.id() && isView(c));
  const sibling = views.find((c) => carriesGuard(c, slot));
  const bases = pyBaseNames(node);
  if (!bases.every(knownFrameworkBase)) return [];
  const nameNode = (node.field("name" as never) as SgNode | null) ?? node;
  if (!sibling) {
    // Siblings built on a project base instead (`class RefundView(OpsView)`): whether that base checks who is asking
    // is asked of every walked file at the scan's end (base-guarded.ts), since it usually lives in another module.
    const own = new Set(bases);
    const projectBases = [...new Set(views.flatMap((c) => pyBaseNames(c)).filter((b) => !own.has(b) && !knownFrameworkBase(b)))];
    // DRF views are guarded by permission classes and the settings' default (the named-guard path below asks it).
    if (!projectBases.length || bases.some((b) => DRF.test(b))) return [];
    const by = views.find((c) => pyBaseNames(c).some((b) => projectBases.includes(b)))!;
    const message = `view ${name} changes state on the framework's own base, without the guarded base its sibling view ${(by.field("name" as never) as SgNode | null)?.text()} is built on (line ${by.range().start.line + 1})`;
    defer({ candidate: { name, file: file.path, line: nameNode.range().start.line, referenceIgnores: [], language: "python", guards: projectBases }, hit: { region: regionOf(nameNode), message }, keep: "if-base-guarded" });
    return [];
  }
  const hit = { region: regionOf(nameNode), message: `view ${name} changes state without the guard its sibling view ${(sibling.field("name" as never) as SgNode | null)?.text()} carries (line ${sibling.range().start.line + 1})` };
  // A view wrapped in a guard where it is routed (`login_required(View.as_view())` in a URL conf) is guarded there.
  if (!bases.some((b) => DRF.test(b))) {
    defer({ candidate: { name, file: file.path, line: nameNode.range().start.line, referenceIgnores: [], language: "python" }, hit, keep: "unless-registered-guarded" });
    return [];
  }
  defer({ candidate: { name, file: file.path, line: nameNode.range().start.line, referenceIgnores: [] }, hit, keep: "unless-drf-default-permission" });
  return [];
}
