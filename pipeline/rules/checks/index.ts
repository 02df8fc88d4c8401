// The check registry: the one place a new check is added (name → implementation), see docs/RULES.md.

import type { SgNode } from "@ast-grep/napi";
import { ancestor, goReceiverType, identifierWords } from "../syntax";
import type { Check } from "./check";
import { type Hit, param, regionOf } from "./hit";
import { acceptingVerifierCheck } from "./accepting-verifier";
import { droppedCallCheck } from "./dropped-call";
import { unreadCliOptionsCheck } from "./cli-options";
import { CONFORMANCE_LEAD, conformanceQuestion, goConformanceLead, goSoleStubMethod } from "./conformance-stub";
import { credentialCompare } from "./credential-compare";
import { discardedWriteCheck } from "./discarded-write";
import { flagVariable } from "./flag-vars";
import { isPublic } from "./public-api";
import { credentialCheck, credentialCheckClass, verificationPrimitive } from "./credential-check";
import { composedGuard, documentation, frameworkWired, isMiddlewareShaped, makesAccessDecision, refusesItself, requestGuardType, statesAccessRule, SUBJECT, withoutComments } from "./guard-shape";
import { noAssertionCheck } from "./no-assertion";
import { secretLiteral, vendorToken } from "./secret-literal";
import { secretlintHits } from "./secretlint";
import { sdlDirectivePeerHits } from "./sdl-directive-peer";
import { quietHandlerCheck } from "./quiet-handler";
import { swallowedOrCaught } from "./callee-catches";
import { unguardedBuilderCheck, unguardedServiceCheck } from "./unguarded-builder";
import { unguardedClassViewCheck } from "./unguarded-class-view";
import { OPEN_BY_DESIGN, unguardedRouteCheck } from "./unguarded-route";
import { unguardedCommandCheck, unguardedSubparserCheck } from "./unguarded-command";
import { declinedArmCheck, unguardedDispatchCheck } from "./unguarded-dispatch";
import { actsBeforeGateCheck } from "./acts-before-gate";
import { unguardedGroupCallCheck, unguardedGroupCheck } from "./unguarded-group";
import { unguardedMethodCheck } from "./unguarded-method";
import { unguardedExportCheck } from "./unguarded-export";
import { mountedTypesCheck } from "./mounted-types";
import { unguardedViewCheck } from "./unguarded-view";
import { peerCheckCheck } from "./peer-check";
import { siblingGuardCheck } from "./sibling-guard";
import { registrationGuardCheck } from "./registration-guard";
import { tsRegistrationGuardCheck } from "./registration-guard-ts";
import { keepNodes } from "./judged-once";
import { serviceImplGuardCheck } from "./service-impl-guard";
import { wrapperGuardCheck } from "./wrapper-guard";
import { mountedBeforeGuardCheck } from "./mounted-before-guard";
import { schemaMigration } from "./not-guard";
import { unauthenticatedEntries, unreadFieldSchema } from "./field-schema";
import { siblingObjectsCheck } from "./sibling-objects";
import { oddBuilderCheck } from "./odd-builder";
import { weakerChainCheck } from "./weaker-chain";
import { besideNestCheck } from "./beside-nest";
import { guardedRecordsCheck } from "./guarded-records";
import { tmpStoreCheck } from "./tmp-store";
import { unservedCheck } from "./unserved";
import { verbTableCheck } from "./verb-table";
import { loggedOnlyReturn } from "./log-only";
import { unguardedEntryCheck } from "./unguarded-entry";
import { selfSpans } from "./unreferenced";
import { hookOnlyOverride, methodName, overrideOf } from "./overrides-base";
import { placeholderReturn, namedForItsRefusal, namedForNothing } from "./stub-return";
import type { SoleCandidate } from "./passed-as-value";
import { routeRegistered } from "./route-mark";
import { unreadDeclaredArgs, unreadSchemaFields } from "./schema-fields";
import { unreadStructFields } from "./unread-fields";
import { type IdentifierIndex, indexParameterUses, unusedParameters } from "./unused-parameter";

/** The class a node's method belongs to (TS/JS or Python), if any. */
function enclosingClass(node: SgNode): string | null {
  for (let n = node.parent(); n; n = n.parent()) {
    if (/^(class_definition|class_declaration|class|abstract_class_declaration)$/.test(String(n.kind()))) return (n.field("name" as never) as SgNode | null)?.text() ?? null;
  }
  return null;
}

const regexps = new Map<string, RegExp>();
function cachedRegExp(source: string): RegExp {
  let re = regexps.get(source);
  if (!re) regexps.set(source, (re = new RegExp(source.replace(/^\(\?i\)/, ""), source.startsWith("(?i)") ? "i" : "")));
  return re;
}

/**
 * Names that say a function hands out a value rather than decides: an accessor (`GetLikeAuthorization`,
 * `get_auth_header`, `setSessionScope`) reads or stores the noun its name carries, and an error constructor
 * (`unauthorized_error`, `authError`, `PermissionDeniedResponse`) builds the refusal a guard returns. Neither is a
 * guard left unmounted; what they do (shape, checks) can still make them one.
 */
/** A name led by a checking verb (`verify_auth_response`, `requireAuthOrErr`) checks, whatever it ends with. */
const CHECKER_VERB = /^_*(verify|validate|check|require|ensure|assert|enforce|authenticate|authori[sz]e)/i;
/** 0-based lines of a Go file that declare a type or open one of its methods (`type Gate struct`, `func (g *Gate) ..`). */
function goTypeOwnLines(lines: readonly string[], type: string): [number, number][] {
  const re = new RegExp(`^\\s*(?:type\\s+${type}\\b|func\\s*\\(\\s*\\w*\\s*\\*?\\s*${type}(?:\\[[^\\]]*\\])?\\s*\\))`);
  return lines.flatMap((l, i) => (re.test(l) ? [[i, i] as [number, number]] : []));
}

/**
 * TypeScript values that describe data rather than decide access, whatever words their names carry: a type
 * predicate over one `unknown` input (`isUnsignedJwt = (data: unknown): data is UnsignedJwt => ..`, a runtime type check
 * of a value, not of who sends it; an `asserts x is T` function throws and may be a guard), and a value built by a
 * call and named for a description of data (`AuthenticationPropType = PropTypes.shape({..})`, `LoginSchema =
 * z.object({..})`): a schema is handed to a validator, never mounted.
 */
function describesData(node: SgNode, name: string, lang: string): boolean {
  if (lang !== "typescript") return false;
  const value = node.kind() === "variable_declarator" ? (node.field("value" as never) as SgNode | null) : null;
  // The function's own signature, not one nested in its body: its parameter list and return type.
  const fn = value && /^(arrow_function|function_expression|function)$/.test(String(value.kind())) ? value : node;
  const params = (fn.field("parameters" as never) as SgNode | null)?.text() ?? "";
  const returns = (fn.field("return_type" as never) as SgNode | null)?.text() ?? "";
  if (/^\(\s*[\w$]+\s*:\s*unknown\s*\)$/.test(params) && /^:\s*[\w$]+\s+is\s+[\w$]/.test(returns)) return true;
  return value?.kind() === "call_expression" && /^(types?|schema|shape|props|prop)$/i.test(identifierWords(name).at(-1) ?? "");
}

const ACCESSOR_OR_ERROR = /^([gs]et|[GS]et)(?=[A-Z_])|(?:_|[a-z])(?:[eE]rror|[eE]rr|[eE]xception|[rR]esponse)$/;

/** The name of the class a Python method is defined in, or null. */
function pyClassName(fn: SgNode): string | null {
  const cls = fn.parent()?.kind() === "block" ? fn.parent()?.parent() : fn.parent()?.kind() === "decorated_definition" ? fn.parent()?.parent()?.parent() : null;
  return cls?.kind() === "class_definition" ? (cls.field("name" as never) as SgNode | null)?.text() ?? null : null;
}

/** A middleware that sets CORS headers and reads no user, session, token or role (the headers' own names aside). */
function corsPolicy(text: string): boolean {
  return /Access-Control-Allow-/i.test(text) && !SUBJECT.test(withoutComments(text).replace(/Access-Control-[\w-]+|\w*Allow\w*Credentials\w*|\bcredentials\s*:/gi, ""));
}

/**
 * A function named like a guard that decides nothing (no condition, comparison, refusal or boolean answer) and only
 * asks the server (`canRemoveAuthorityBtnApi = (params) => service({ url: '/authorityBtn/canRemove..', method: 'post' })`,
 * a front end's API client) or only warns of its own deprecation (`warn_disabled_authorization`, "DEPRECATED, does
 * nothing"): the check, if any, is made elsewhere.
 */
function clientOrDeprecation(text: string): boolean {
  const code = withoutComments(text).replace(/(["'`])(?:\\.|(?!\1)[^\\])*\1/g, '""');
  if (/\b(if|unless|match|switch|throw|raise|panic|abort)\b|[=!<>]=|[^=<>-]>(?!=)|[^<]<[^<=]|&&|\|\||\?|\b(and|or|not)\b|\breturn\s+(true|false|True|False|None|null)\b/.test(code)) return false;
  return /\burl\s*:|\bfetch\s*\(|\baxios\s*[.(]|\bwarnings\.warn\s*\(|DeprecationWarning/.test(withoutComments(text));
}

const DEFINED = {
  "unreferenced": {
    crossFile: true,
    node: ({ rule, params, node, file, capture, defer }) => {
      const nameNode = capture(param(params, "capture", "$NAME"));
      if (!nameNode) return [];
      // A candidate by its name (every `names` regex matches), or by its shape (a middleware that
      // makes an access decision) when `shape: true`.
      const names = param<string[]>(params, "names", []);
      // Go: an exported method is in its type's method set, and a library outside the repository may call it
      // through an interface (`GetAuthorizeEndpointHandlers` of an OAuth provider's config): its name alone
      // is no evidence of a guard nobody mounts; its shape or what it does still is.
      const exportedGoMethod = rule.language === "go" && node.kind() === "method_declaration" && /^[A-Z]/.test(nameNode.text());
      const byName = !exportedGoMethod && !(ACCESSOR_OR_ERROR.test(nameNode.text()) && !CHECKER_VERB.test(nameNode.text())) && names.every((re) => cachedRegExp(re).test(nameNode.text())) && !(param(params, "shape", false) && verificationPrimitive(node, rule.language)) && !describesData(node, nameNode.text(), rule.language) && !clientOrDeprecation(node.text());
      // A middleware that refuses (401/403) on a condition of its own is a gate whoever it asks about: a same-origin
      // or allow-list check nothing mounts leaves every route it was written for open.
      // A CORS policy (it answers with `Access-Control-Allow-*` headers and reads nobody's identity) decides which
      // origins a browser may read from, not who is asking: an opt-in one left unmounted opens nothing.
      const byShape = !byName && param(params, "shape", false) && !corsPolicy(node.text()) && (((makesAccessDecision(node.text()) || refusesItself(node.text())) && isMiddlewareShaped(node, rule.language)) || requestGuardType(node, rule.language));
      // ... or a value composed from a same-file guard (`base.use(isAdmin)`): the guarded variant.
      const composed = !byName && !byShape && param(params, "shape", false) && composedGuard(node, rule.language, file);
      // ... or by its documentation: a function whose doc comment states an access rule (`documented: true`).
      const byDoc = !byName && !byShape && !composed && param(params, "documented", false) && !isPublic(node, rule.language)
        && /\bif\b|[=!]=/.test(node.text()) && statesAccessRule(documentation(node, file.lines));
      // ... or by what it does: it compares a presented credential with a stored one and fails (`checks: true`).
      const byCheck = !byName && !byShape && !composed && !byDoc && param(params, "checks", false) && (credentialCheck(node) || credentialCheckClass(node));
      if ((!byName && !byShape && !composed && !byDoc && !byCheck) || schemaMigration(node, rule.language)) return [];
      if (param(params, "shape", false) && frameworkWired(node, rule.language)) return [];
      const line = nameNode.range().start.line;
      const goMethodType = rule.language === "go" && node.kind() === "method_declaration" && byShape ? goReceiverType(node) || null : null;
      // Python: a dunder method runs through its class's instances (`Depends(GetCurrentUserWithPermissions(admin=True))`
      // calls `__call__`): the class's name mounts it.
      const pyOwner = rule.language === "python" && /^__\w+__$/.test(nameNode.text()) ? pyClassName(node) : null;
      const above = file.lines.slice(Math.max(0, line - 3), line).join("\n");
      const suppressed = new RegExp(param(params, "suppressions", "(?!)")).test(above);
      const what = byShape ? "access-checking middleware (by its shape) is defined but never mounted or referenced"
        : composed ? "a value built from an access guard is defined but never used: what is mounted is the unguarded variant"
        : byDoc ? "a check documented as an access rule is defined but never called or mounted"
        : byCheck ? "a credential check (compares a presented credential with a stored one and fails) is defined but never called" : rule.message;
      defer({
        // A Go method is mounted through its name or its type: a middleware method (`func (g *Gate) ServeHTTP(w, r,
        // next)`) whose type the repository hands on as a value (`caddy.RegisterModule(Gate{})`) is reached through an interface.
        // The type's own declaration and its methods' receivers in this file name it without handing it on.
        candidate: { name: nameNode.text(), ...(goMethodType ? { aliases: [goMethodType] } : pyOwner ? { aliases: [pyOwner] } : {}), file: file.path, line, referenceIgnores: param<string[]>(params, "referenceIgnores", []), language: rule.language, selfSpans: [...selfSpans(node, nameNode.text(), rule.language), ...(goMethodType ? goTypeOwnLines(file.lines, goMethodType) : [])] },
        hit: { region: regionOf(nameNode), message: `${what}${suppressed ? " (hidden behind a dead-code suppression)" : ""}` },
        keep: "if-unreferenced",
      });
      return [];
    },
  },
  "unused-parameter": {
    crossFile: true,
    prepare: (nodes, file, rule) => indexParameterUses(nodes, rule.language, file.root),
    node: ({ node, rule, params, file, defer, state }) => {
      const { hits, name, owner, member } = unusedParameters(node, rule.language, params, state as IdentifierIndex, file.content, file.lines, file.path);
      if (!name) return hits;
      const line = node.range().start.line;
      const direct: Hit[] = [];
      for (const { param: unread, sole, option, criterion, optional, inlineField, ...hit } of hits) {
        const candidate: SoleCandidate = { name, file: file.path, line, referenceIgnores: [], language: rule.language, param: unread, member: !!member, ...(owner ? { owner } : {}), ...(sole ? { sole } : {}), ...(optional ? { optional } : {}) };
        // A field of an options object typed in place: a claim only where a call of the repository sets it (never-passed.ts).
        if (inlineField) {
          defer({ candidate: { ...candidate, param: inlineField }, hit, keep: "if-option-passed" });
          continue;
        }
        // A function's own option (unused-parameter.ts `siblingOptions`) is dropped whether or not the function is
        // passed as a value; only where the repository's callers pass it (never-passed.ts) is that a claim.
        if (option) {
          if (optional) defer({ candidate, hit, keep: "if-passed", otherwise: "lead" });
          else direct.push(hit);
          continue;
        }
        defer({ candidate, hit, keep: criterion ? "unless-defined-again" : "unless-passed-as-value" });
      }
      return direct;
    },
  },
  "unread-field": {
    crossFile: true,
    node: ({ node, rule, file, defer }) => {
      for (const { field, record, ...hit } of unreadStructFields(node, rule.language, file.content)) {
        defer({ candidate: { name: field, file: file.path, line: hit.region.start.line, referenceIgnores: [], language: rule.language, ...(record ? { record } : {}) }, hit, keep: "if-field-unread" });
      }
      return [];
    },
  },
  "unread-flag-var": {
    crossFile: true,
    node: ({ node, rule, file, defer }) => {
      const found = flagVariable(node);
      if (found) defer({ candidate: { name: found.name, file: file.path, line: found.region.start.line, referenceIgnores: [], language: rule.language }, hit: found, keep: "if-unreferenced" });
      return [];
    },
  },
  "unread-schema-field": { node: ({ node }) => unreadSchemaFields(node) },
  "unread-declared-arg": { node: ({ node }) => unreadDeclaredArgs(node) },
  "unread-field-schema": { node: ({ node }) => unreadFieldSchema(node) },
  "unauthenticated-write-path": {
    crossFile: true,
    node: ({ node, file, rule, defer }) => {
      for (const e of unauthenticatedEntries(node)) {
        if (OPEN_BY_DESIGN.test(e.name)) continue;
        defer({ candidate: { name: e.name, file: file.path, line: e.at.range().start.line, referenceIgnores: [], language: rule.language }, hit: { region: regionOf(e.at), message: `path '${e.name}' is listed as unauthenticated and its declaration answers writes: anyone can change it` }, keep: "if-open-path-writes" });
      }
      return [];
    },
  },
  "unread-cli-option": {
    crossFile: true,
    // A declared option carrying its key (declared-options.ts) may be read from options handed on whole: kept only if no other file reads `.key`.
    node: (ctx) => unreadCliOptionsCheck(ctx).filter((hit) => {
      if (!("field" in hit) || typeof hit.field !== "string") return true;
      const { field, ...rest } = hit as Hit & { field: string };
      ctx.defer({ candidate: { name: field, file: ctx.file.path, line: hit.region.start.line, referenceIgnores: [], language: ctx.rule.language }, hit: rest, keep: "if-field-unread" });
      return false;
    }),
  },
  "no-assertion": { node: noAssertionCheck },
  "secret-literal": { node: ({ params, capture }) => secretLiteral(capture(param(params, "capture", "$VAL")), params) },
  "swallowed": { node: swallowedOrCaught },
  "vendor-token": { node: ({ params, node, capture }) => vendorToken(capture(param(params, "capture", "$VAL")) ?? node, params) },
  "credential-compare": { node: credentialCompare },
  "discarded-write": { node: discardedWriteCheck },
  "unguarded-route": { crossFile: true, node: unguardedRouteCheck },
  "unguarded-command": { node: unguardedCommandCheck },
  "unguarded-subparser": { node: unguardedSubparserCheck },
  "unguarded-dispatch": { node: unguardedDispatchCheck },
  "declined-arm": { node: declinedArmCheck },
  "acts-before-gate": { node: actsBeforeGateCheck },
  "mounted-types": { crossFile: true, node: mountedTypesCheck },
  "quiet-handler": { node: quietHandlerCheck },
  "accepting-verifier": { node: acceptingVerifierCheck },
  "dropped-call": { node: droppedCallCheck },
  "unguarded-view": { crossFile: true, node: unguardedViewCheck },
  "unguarded-builder": { node: unguardedBuilderCheck },
  "unguarded-service": { node: unguardedServiceCheck },
  "unguarded-class-view": { crossFile: true, node: unguardedClassViewCheck },
  "unguarded-group": { node: unguardedGroupCheck },
  "unguarded-group-call": { node: unguardedGroupCallCheck },
  "guarded-records": { node: guardedRecordsCheck },
  "tmp-store": { node: tmpStoreCheck },
  "unguarded-method": { node: unguardedMethodCheck },
  "sibling-guard": { crossFile: true, node: siblingGuardCheck },
  "registration-guard": { crossFile: true, node: registrationGuardCheck },
  "registration-guard-ts": { node: tsRegistrationGuardCheck },
  "service-impl-guard": { prepare: keepNodes, node: serviceImplGuardCheck },
  "wrapper-guard": { prepare: keepNodes, node: wrapperGuardCheck },
  "peer-check": { node: peerCheckCheck, crossFile: true },
  "mounted-before-guard": { node: mountedBeforeGuardCheck },
  "sibling-objects": { node: siblingObjectsCheck },
  "odd-builder": { node: oddBuilderCheck, crossFile: true },
  "weaker-chain": { node: weakerChainCheck },
  "beside-nest": { node: besideNestCheck },
  "unserved-handler": { node: unservedCheck },
  "verb-table": { node: verbTableCheck },
  // Go: a stub in a method whose type declares the interface it satisfies, every input blank (conformance-stub.ts).
  // A method whose only statement declines, where another type of the repository implements it: a backend of a
  // plural interface saying no to one operation (implementedElsewhere), a lead.
  "go-conformance": {
    crossFile: true,
    node: ({ node, file, defer }) => {
      if (goConformanceLead(node, file.content)) return [{ region: regionOf(node), lead: CONFORMANCE_LEAD }];
      const sole = goSoleStubMethod(node);
      if (!sole) {
        // A method of a type the package embeds elsewhere is one of the embedders' defaults (embeddedDefaults).
        const fn = ancestor(node, /^method_declaration$/);
        const receiver = fn ? goReceiverType(fn) : "";
        if (!receiver) return [{ region: regionOf(node) }];
        defer({ candidate: { name: receiver, file: file.path, line: fn!.range().start.line, referenceIgnores: [], language: "go" }, hit: { region: regionOf(node) }, keep: "unless-embedded" });
        return [];
      }
      defer({
        candidate: { name: sole.name, file: file.path, line: sole.line, referenceIgnores: [], language: "go", member: true, owner: sole.receiver },
        hit: { region: regionOf(node), lead: `another type of the repository implements ${sole.name}: this one declines it, and whether a caller reaches it for that operation is a runtime question` },
        keep: "unless-implemented-elsewhere",
        otherwise: "lead",
      });
      return [];
    },
  },
  "unguarded-entry": { node: unguardedEntryCheck },
  "unguarded-export": { crossFile: true, node: unguardedExportCheck },
  "not-base-hook": {
    crossFile: true,
    node: ({ node, rule, file, defer, params }) => {
      if (namedForItsRefusal(node) || namedForNothing(node)) return [];
      const hit = { region: regionOf(node) };
      // A method its class owes an interface, every input marked unread: asked about the interface instead (conformance-stub.ts).
      const question = conformanceQuestion(rule, node, hit, file.path);
      if (question) { defer(question); return []; }
      const owner = enclosingClass(node);
      if (!owner) {
        // A top-level stub: kept unless modules share its name as a loader's protocol (module-protocol.ts). A verifier
        // answering a constant is judged on what it answers, whoever calls it.
        const name = (node.field("name" as never) as SgNode | null)?.text();
        if (!name || rule.class !== "stub" || !/^(module|program|export_statement)$/.test(String(node.parent()?.kind()))) return [hit];
        defer({ candidate: { name, file: file.path, line: node.range().start.line, referenceIgnores: [], language: rule.language }, hit, keep: "unless-module-protocol" });
        return [];
      }
      // `overrides: true`: a method that overrides one its base class declares in the repository is the family's answer (overrides-base.ts).
      // `overridesWhen`: only when the node's text says so (a refusal such as "does not support", not a promise such as "TODO").
      const when = param<string | null>(params, "overridesWhen", null);
      const overrides = param(params, "overrides", false) && (!when || cachedRegExp(when).test(node.text())) ? overrideOf(node) : null;
      // `overrides: lead`: an override is kept as a lead, not dropped (a subclass relaxing its base's check may mean it).
      const asLead = param<boolean | string>(params, "overrides", false) === "lead";
      // `foreignOverride: lead`: a method of a class extending only a dependency's classes is a lead (overrides-base.ts `foreignOverrides`).
      const foreign = param<boolean | string>(params, "foreignOverride", false) === "lead" && hookOnlyOverride(node);
      // `callerCatches`: the method's name, so a caller of the repository that catches the refusal around it answers it (caught-refusal.ts).
      const method = param(params, "callerCatches", false) ? methodName(node) : null;
      defer({ candidate: { name: owner, owner, file: file.path, line: node.range().start.line, referenceIgnores: [], language: rule.language, ...(overrides ? { overrides: { ...overrides, ...(asLead ? { lead: true } : {}), ...(foreign ? { foreignLead: true } : {}) } } : {}), ...(method ? { method } : {}) }, hit, keep: "unless-owner-extended" });
      return [];
    },
  },
  "placeholder-return": {
    crossFile: true,
    node: ({ node, rule, file, defer, params }) => {
      const found = placeholderReturn(node, new RegExp(param(params, "marker", "(?!)"), "i"), file.lines);
      if (!found) return [];
      // A route handler is reached through its own mount; anything else only if something refers to it.
      if (routeRegistered(found.fn)) return [found.hit];
      const name = found.name.text();
      defer({ candidate: { name, file: file.path, line: found.name.range().start.line, referenceIgnores: [], language: rule.language, selfSpans: selfSpans(found.fn, name, rule.language) }, hit: found.hit, keep: "if-referenced" });
      return [];
    },
  },
  "logged-only-return": {
    crossFile: true,
    node: ({ node, rule, file, defer }) => {
      const found = loggedOnlyReturn(node);
      if (!found) return [];
      // A registered function (a decorator, a route) is reached through its registration; anything else only if referenced.
      if (found.fn.parent()?.kind() === "decorated_definition" || routeRegistered(found.fn)) return [found.hit];
      const name = found.name.text();
      defer({ candidate: { name, file: file.path, line: found.name.range().start.line, referenceIgnores: [], language: rule.language, selfSpans: selfSpans(found.fn, name, rule.language) }, hit: found.hit, keep: "if-referenced" });
      return [];
    },
  },
  "secretlint": { text: (path, content) => secretlintHits(path, content) },
  "sdl-directive-peer": { text: (_path, content) => sdlDirectivePeerHits(content) },
} satisfies Record<string, Check>;

export type CheckName = keyof typeof DEFINED;
export const CHECKS: Record<CheckName, Check> = DEFINED;
export const CHECK_NAMES = Object.keys(DEFINED) as [CheckName, ...CheckName[]];

