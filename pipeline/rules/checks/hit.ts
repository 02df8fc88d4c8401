// What a check returns: a region (0-based, as ast-grep reports it) and an optional message override.
import type { SgNode } from "@ast-grep/napi";
import type { Severity } from "../../kb/schemas/static-finding";

export interface Region {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

export interface Hit {
  region: Region;
  /** Replaces the rule's message (e.g. to name the parameter). */
  message?: string;
  /** Replaces the rule's severity (e.g. an info-level smoke-test note). */
  severity?: Severity;
  /** Why the match is a lead, not a defect claim (claim-evidence.ts): kept as an info-level note for the models to verify. */
  lead?: string;
}

export function regionOf(node: SgNode): Region {
  const r = node.range();
  return { start: { line: r.start.line, column: r.start.column }, end: { line: r.end.line, column: r.end.column } };
}

/** A check's typed parameters come from YAML; read them defensively with a default. */
export function param<T>(check: Record<string, unknown>, key: string, fallback: T): T {
  const v = check[key];
  return v === undefined ? fallback : (v as T);
}
