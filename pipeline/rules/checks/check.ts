// The contract of a check: a small TypeScript refinement of what a rule's ast-grep part matched.
import type { SgNode } from "@ast-grep/napi";
import type { FileContext } from "../file-context";
import type { FindingClass } from "../../kb/schemas/static-finding";
import type { GrammarLanguage } from "../rule-spec";
import type { Hit } from "./hit";
import type { Candidate } from "./unreferenced";

/**
 * A decision that needs every walked file, taken after the scan: keep the hit only if the candidate's
 * name is referenced nowhere else (`if-unreferenced`), or unless it is passed somewhere as a value
 * (`unless-passed-as-value`: a callback's signature is imposed by whoever calls it), or unless its class is
 * extended somewhere (`unless-owner-extended`: a method of a base class that raises or does nothing is a
 * hook for subclasses, not a stub), or only if no other file reads the field it names (`if-field-unread`:
 * an options field nothing reads), or only if it is referenced somewhere (`if-referenced`: a placeholder
 * that something calls ships), or unless the walked settings give DRF a default permission
 * (`unless-drf-default-permission`: a DRF view without `permission_classes` is checked by it), or unless a
 * walked Go package declares the name `const`, or no walked file belongs to its package (`unless-declared-constant`:
 * `core.FieldNamePassword` names a field, `oauth2.AccessToken` is a dependency's API),
 * or unless a function it calls is defined in another test file and asserts (`unless-helper-asserts`), or
 * only if other call sites of the repository handle the error of the call it drops (`if-deviant`,
 * deviance.ts), or only if some call of the repository passes the optional parameter it leaves unread (`if-passed`,
 * never-passed.ts; a function called nowhere is not answered), or only if the interface a stubbed method
 * conforms to is not declared in the repository (`if-foreign-interface`, conformance-stub.ts), or unless every walked
 * definition of the one call a TypeScript swallow guards catches all it does (`unless-callee-catches`, callee-catches.ts),
 * or only if the odd member of a router of procedures is built from a weaker builder than its siblings (`if-weaker-builder`, odd-builder.ts),
 * or only if a peer's access check is one its peers' check builds on (`if-weaker-check`, weaker-check.ts),
 * or unless every route registering a view class wraps it in a guard (`unless-registered-guarded`, registered-guard.ts),
 * or only if a project base its sibling views extend checks who is asking (`if-base-guarded`, base-guarded.ts),
 * or unless another type of the repository implements for real the Go method a stub declines (`unless-implemented-elsewhere`, conformance-stub.ts), or unless another struct of its package embeds the Go type whose method a stub declines (`unless-embedded`). A hit answered "no" is dropped, or with `otherwise: "lead"` kept as a lead (its `hit.lead`).
 */
export interface Deferred {
  candidate: Candidate;
  hit: Hit;
  keep: "if-unreferenced" | "unless-passed-as-value" | "unless-owner-extended" | "if-field-unread" | "if-referenced" | "if-siblings-guarded" | "unless-drf-default-permission" | "unless-declared-constant" | "unless-helper-asserts" | "if-deviant" | "unless-router-hooked" | "unless-defined-again" | "if-passed" | "if-foreign-interface" | "unless-callee-catches" | "if-weaker-builder" | "if-weaker-check" | "unless-registered-guarded" | "unless-handler-decides" | "if-option-passed" | "if-base-guarded" | "unless-module-protocol" | "unless-implemented-elsewhere" | "unless-embedded" | "if-open-path-writes";
  otherwise?: "lead";
}

/** What a check may know of its rule (a structural subset of RuleSpec, so the registry stays acyclic). */
export interface CheckRule { id: string; language: GrammarLanguage; class: FindingClass; message: string; evidence?: "gated" | "shape" | "lead" }

export interface CheckContext {
  rule: CheckRule;
  /** The rule's `check:` parameters. */
  params: Record<string, unknown>;
  /** The node the rule's ast-grep part matched. */
  node: SgNode;
  file: FileContext;
  /** A meta-variable captured by the rule (`$NAME`), or null. */
  capture(name: unknown): SgNode | null;
  defer(d: Deferred): void;
  /** What `prepare` returned for this rule and file (one batch question instead of one per node). */
  state?: unknown;
}

/**
 * A check refines matched nodes (`node`), or reads the file's text when its rule has no ast-grep part
 * (`text`: secretlint today; a Unicode/text-level check fits here too). Register it in checks/index.ts.
 */
export interface Check {
  /** The check defers hits to decisions that read other files (`defer`): a mutant elsewhere can change its findings. */
  crossFile?: boolean;
  /** Called once per rule and file with every matched node, before `node`: batch the napi work here. */
  prepare?: (nodes: SgNode[], file: FileContext, rule: CheckRule) => unknown;
  node?: (c: CheckContext) => Hit[];
  text?: (path: string, content: string, params: Record<string, unknown>) => Hit[];
}
