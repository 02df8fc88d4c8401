// Finish a scan: drop suppressed findings, keep one finding per class and line, answer the cross-file
// questions (unwired, passed as a value, base class extended) against every walked file, sort.
import type { StaticFinding } from "../kb/schemas/static-finding";
import { NOTES } from "./checks/no-assertion";
import { definedAgain, ownerExtended, passedAsValue } from "./checks/passed-as-value";
import type { Deferred } from "./checks/check";
import { type Candidate, unreferenced } from "./checks/unreferenced";
import { foreignOverrides, overridingBase } from "./checks/overrides-base";
import { mountedUnguarded } from "./checks/mounted-types";
import { fieldsReadElsewhere } from "./checks/unread-fields";
import { drfDefaultPermission } from "./checks/framework-views";
import { declaredConstants } from "./checks/declared-constants";
import { delegatedElsewhere } from "./test-helpers";
import { weakerChecks } from "./checks/weaker-check";
import { openPathsWriting } from "./checks/field-schema";
import { registeredGuarded } from "./checks/registered-guard";
import { baseGuarded } from "./checks/base-guarded";
import { handlersDeciding } from "./checks/handler-decides";
import { bareConventionalDrops, deviantDrops } from "./checks/deviance";
import { moduleProtocol } from "./checks/module-protocol";
import { LEAD_CONVENTIONAL } from "./checks/claim-evidence";
import { declaredInterfaces, embeddedDefaults, implementedElsewhere } from "./checks/conformance-stub";
import { routerHooked } from "./checks/router-hooks";
import { NEVER_PASSED, neverPassed, optionPassed } from "./checks/never-passed";
import { REFUSAL_PROTOCOL, refusalsCaught } from "./checks/caught-refusal";
import { propsNeverPassed } from "./checks/jsx-props";

/** Why a constant answer in an override is a lead (the models read whether the subclass means it). */
const FOREIGN_OVERRIDE_LEAD = "overrides a method of a class the repository does not declare (a dependency's): an empty override of a library's hook does nothing on purpose as often as it is a placeholder, and only the library's contract says which";
const OVERRIDE_LEAD = "overrides a check its base class implements in the repository: a subclass relaxing its family's check is as often intended (public reference data) as a hole";
import { goDropVerdicts } from "./checks/errorless-callee";
import { asLead, asUnprovenLead } from "./checks/unproven-drop";

const LEAD_LOGGED = "the called function logs its own failure before answering it, so the failure is on record";
import type { RuleSpec } from "./rule-spec";
import type { FileScan, SourceFile } from "./scan-file";
import { toFinding } from "./to-finding";
import { validatingCalls } from "./validating-calls";
import { calleesCatching } from "./checks/callee-catches";
import { rsErrorlessDrops } from "./checks/rs-errorless-callee";
import { weakerBuilders } from "./checks/odd-builder";

/** A finding on this line or the line above carrying `scrum-ignore` is dropped (same idea as eslint-disable-next-line). */
const SUPPRESS = /scrum-ignore\b/;

/**
 * `scans` in the order of `files` (the order decides which of two same-class findings on a line is kept).
 * `textFindings` come from the text-level rules: no `scrum-ignore` for them, since the text under review
 * may not vouch for itself. `texts` (files no grammar reads) are never references; only package manifests
 * among them are read, for what a package publishes (checks/published.ts).
 */
export function finishScan(rules: readonly RuleSpec[], files: readonly SourceFile[], scans: readonly FileScan[], textFindings: readonly StaticFinding[] = [], texts: readonly SourceFile[] = []): Map<string, StaticFinding[]> {
  const out = new Map<string, StaticFinding[]>();
  const linesOf = new Map<string, string[]>();
  const contentOf = new Map(files.map((f) => [f.path, f.content]));
  const lines = (path: string) => {
    let l = linesOf.get(path);
    if (!l) linesOf.set(path, (l = (contentOf.get(path) ?? "").split("\n")));
    return l;
  };
  const add = (f: StaticFinding, suppressible = true) => {
    const ls = suppressible ? lines(f.file) : [];
    if (SUPPRESS.test(ls[f.line - 1] ?? "") || SUPPRESS.test(ls[f.line - 2] ?? "")) return;
    const list = out.get(f.file) ?? [];
    const same = list.findIndex((g) => g.class === f.class && g.line === f.line);
    // One finding per class and line; a claim outranks a lead another rule made there.
    if (same >= 0) {
      if (list[same]!.lead && !f.lead) list[same] = f;
      return;
    }
    list.push(f);
    out.set(f.file, list);
  };
  for (const f of textFindings) add(f, false);
  for (const s of scans) for (const f of s.findings) add(f);
  const deferred = scans.flatMap((s) => s.deferred);
  const byKeep = (k: string) => deferred.filter((p) => p.d.keep === k).map((p) => p.d.candidate);
  const manifests = [...files, ...texts].filter((f) => /(^|\/)package\.json$/.test(f.path));
  const unwired = new Set(unreferenced(byKeep("if-unreferenced"), files as SourceFile[], manifests));
  const passed = passedAsValue(byKeep("unless-passed-as-value"), files as SourceFile[]);
  const extended = ownerExtended(byKeep("unless-owner-extended"), files as SourceFile[]);
  const overriding = overridingBase(byKeep("unless-owner-extended"), files);
  const foreign = foreignOverrides(byKeep("unless-owner-extended"), files);
  const fieldRead = fieldsReadElsewhere(byKeep("if-field-unread"), files as SourceFile[]);
  const unreached = new Set(unreferenced(byKeep("if-referenced"), files as SourceFile[], manifests));
  const unguardedMounts = mountedUnguarded(byKeep("if-siblings-guarded"), files);
  const drfDefault = byKeep("unless-drf-default-permission").length > 0 && drfDefaultPermission(files);
  const constants = declaredConstants(byKeep("unless-declared-constant"), files);
  const { delegated, smoke } = delegatedElsewhere(byKeep("unless-helper-asserts"), files);
  const validating = validatingCalls(byKeep("unless-helper-asserts").filter((c) => !delegated.has(c)), files);
  const { deviant, conventional: droppedByConvention } = deviantDrops(byKeep("if-deviant"), files, lines);
  const ownInterfaces = declaredInterfaces(byKeep("if-foreign-interface"), files);
  const hooked = routerHooked(byKeep("unless-router-hooked"), files);
  const again = definedAgain(byKeep("unless-defined-again"), files);
  const caught = calleesCatching(byKeep("unless-callee-catches"), files);
  const weaker = weakerBuilders(byKeep("if-weaker-builder"), files);
  const weakerCheck = weakerChecks(byKeep("if-weaker-check"), files);
  // A view whose siblings inherit a guarded base is still guarded where a route wraps it (`staff_member_required(V.as_view())`).
  const registered = registeredGuarded([...byKeep("unless-registered-guarded"), ...byKeep("if-base-guarded")], files);
  const baseGuard = baseGuarded(byKeep("if-base-guarded"), files as SourceFile[]);
  const protocol = moduleProtocol(byKeep("unless-module-protocol"), files);
  const implemented = implementedElsewhere(byKeep("unless-implemented-elsewhere"), files);
  const defaults = embeddedDefaults(byKeep("unless-embedded"), files);
  const deciding = handlersDeciding(byKeep("unless-handler-decides"), files);
  const optionSet = optionPassed(byKeep("if-option-passed"), files as SourceFile[]);
  const openWrites = openPathsWriting(byKeep("if-open-path-writes"), files);
  const refusalCaught = refusalsCaught(byKeep("unless-owner-extended"), files as SourceFile[]);
  // An optional parameter no call of the repository passes, of a function not handed over as a value (a job
  // registry, a router: its callers' arguments are not in sight): every ignored-parameter claim about one is asked.
  const optional = deferred.map((p) => p.d.candidate).filter((c) => c.optional);
  const handed = passedAsValue(optional, files as SourceFile[]);
  const unpassed = new Set([...neverPassed(optional, files as SourceFile[])].filter((c) => !handed.has(c)));
  // A component's unread prop that no JSX element of the repository passes (jsx-props.ts): nothing dropped, no finding.
  const propless = propsNeverPassed([...byKeep("unless-passed-as-value"), ...byKeep("if-option-passed"), ...byKeep("if-passed")], files as SourceFile[]);
  const ruleById = new Map(rules.map((r) => [r.id, r]));
  // One answer per kind of deferred question (the Record makes a new kind without an answer a type error).
  const answer: Record<Deferred["keep"], (c: Candidate) => boolean> = {
    "if-unreferenced": (c) => unwired.has(c),
    "if-referenced": (c) => !unreached.has(c),
    "if-field-unread": (c) => !fieldRead.has(c),
    "unless-passed-as-value": (c) => !passed.has(c),
    "unless-owner-extended": (c) => !extended.has(c) && (!overriding.has(c) || !!c.overrides?.lead) && !refusalCaught.caught.has(c),
    "if-siblings-guarded": (c) => unguardedMounts.has(c),
    "unless-drf-default-permission": () => !drfDefault,
    "unless-declared-constant": (c) => !constants.has(c),
    "unless-helper-asserts": (c) => !delegated.has(c),
    "if-deviant": (c) => deviant.has(c),
    "unless-router-hooked": (c) => !hooked.has(c),
    "unless-defined-again": (c) => !again.has(c),
    "if-passed": (c) => !unpassed.has(c),
    "if-foreign-interface": (c) => !ownInterfaces.has(c),
    "unless-callee-catches": (c) => !caught.has(c),
    "if-weaker-builder": (c) => weaker.has(c),
    "if-weaker-check": (c) => weakerCheck.has(c),
    "unless-registered-guarded": (c) => !registered.has(c),
    "if-base-guarded": (c) => baseGuard.has(c) && !registered.has(c),
    "unless-handler-decides": (c) => !deciding.has(c),
    "if-option-passed": (c) => optionSet.has(c),
    "if-open-path-writes": (c) => openWrites.has(c),
    "unless-module-protocol": (c) => !protocol.has(c),
    "unless-implemented-elsewhere": (c) => !implemented.has(c),
    "unless-embedded": (c) => !defaults.has(c),
  };
  for (const p of deferred) {
    if (propless.has(p.d.candidate)) continue;
    const yes = answer[p.d.keep](p.d.candidate);
    // A drop the repository makes by convention is no lead either.
    if (!yes && p.d.keep === "if-deviant" && droppedByConvention.has(p.d.candidate)) continue;
    if (!yes && p.d.otherwise !== "lead") continue;
    // A claim when the answer is yes; a lead (hit.lead, an info note) when it is no and the check asked for one.
    let hit = yes ? { ...p.d.hit, lead: undefined } : p.d.hit;
    // A method overriding its base's own, kept only as a lead (`overrides: lead`): the family relaxing a check it owns.
    if (p.d.keep === "unless-owner-extended" && p.d.candidate.overrides?.lead && overriding.has(p.d.candidate)) hit = { ...hit, lead: OVERRIDE_LEAD };
    // An empty override of a dependency's class (`foreignOverride: lead`): the base's contract decides, which only a reader of it can.
    if (p.d.keep === "unless-owner-extended" && foreign.has(p.d.candidate) && hit.severity !== "info") hit = { ...hit, lead: FOREIGN_OVERRIDE_LEAD };
    // A Python method refusing with NotImplementedError in a repository whose shipped code catches that refusal: a lead.
    if (p.d.keep === "unless-owner-extended" && refusalCaught.protocol && p.d.candidate.method && p.d.candidate.language === "python" && hit.severity !== "info") hit = { ...hit, lead: REFUSAL_PROTOCOL };
    // An unread optional parameter that no caller of the repository passes: a lead, whatever else was asked.
    if (p.d.candidate.optional && unpassed.has(p.d.candidate)) hit = { ...hit, lead: NEVER_PASSED };
    // A test that discards a call to a check of the repository asserts by not raising, and one whose helper of another
    // test file renders or parses fails by throwing: a smoke note (validating-calls.ts, test-helpers.ts).
    if (p.d.keep === "unless-helper-asserts" && hit.severity !== "info" && (validating.pure.has(p.d.candidate) || smoke.has(p.d.candidate))) hit = { ...hit, severity: "info", message: NOTES["throw-based"]! };
    // The passing counterpart of a test that expects the same check to raise checks that it does not (raising-counterparts.ts): no finding.
    else if (p.d.keep === "unless-helper-asserts" && hit.severity !== "info" && validating.counterparts.has(p.d.candidate)) continue;
    // ... and one whose check no walked function defines (a validator class called on the spot): a smoke note.
    else if (p.d.keep === "unless-helper-asserts" && hit.severity !== "info" && validating.unresolved.has(p.d.candidate)) hit = { ...hit, severity: "info", message: NOTES["throw-based"]! };
    add(toFinding(ruleById.get(p.ruleId)!, p.d.candidate.file, lines(p.d.candidate.file), hit, p.place));
  }
  // Go: a dropped call that every walked declaration of its name answers without an error dropped nothing; a claim
  // that a call's error is dropped, where nothing in the repository shows the call answers one, is a lead.
  const needsError = new Set(rules.filter((r) => r.answers_error === "declared").map((r) => r.id));
  const { errorless, unproven, logged } = goDropVerdicts([...out.values()].flat(), needsError, files, lines);
  // Go: a claim about a call written as a bare statement that the repository drops at three sites or more and checks
  // at none is its convention (deviance.ts, the reverse reading): a lead.
  // A rule whose match itself shows the write (`evidence: shape`: an unchecked write or a written file's Close) keeps its claim.
  const byShape = new Set(rules.filter((r) => r.evidence === "shape").map((r) => r.id));
  const conventional = bareConventionalDrops([...out.values()].flat().filter((f) => !byShape.has(f.rule_id)), files, lines);
  // Rust: the same for `let _ = x.method(..)`, where every declaration of `method` answers a bool, a count, an Option.
  const rsErrorless = rsErrorlessDrops([...out.values()].flat(), files, lines);
  // Every verdict was taken on the same finding objects: one pass drops, then makes leads (the unproven reason first).
  const judged = (f: StaticFinding) => (unproven.has(f) ? asUnprovenLead(f) : conventional.has(f) ? asLead(f, LEAD_CONVENTIONAL) : logged.has(f) ? asLead(f, LEAD_LOGGED) : f);
  for (const [file, list] of out) out.set(file, list.filter((f) => !errorless.has(f) && !rsErrorless.has(f)).map(judged));
  for (const list of out.values()) list.sort((a, b) => a.line - b.line || a.rule_id.localeCompare(b.rule_id));
  return out;
}
