// Fewer tree walks: rules whose matches can never be the same node are asked in one findAll, tagged so
// each match says which rule it answered. A napi findAll costs a walk of the whole tree whatever the
// rule, so one combined query instead of one per rule is most of the floor's speed.
import type { NapiConfig, SgNode } from "@ast-grep/napi";
import type { CompiledRule } from "./compile-rule";

type Json = unknown;

/** Node kinds a rule can match at its top, or null when unknown (a pattern, a bare regex...). */
export function topKinds(rule: Json): Set<string> | null {
  if (!rule || typeof rule !== "object" || Array.isArray(rule)) return null;
  const r = rule as Record<string, Json>;
  let kinds: Set<string> | null = null;
  const meet = (k: Set<string> | null) => {
    if (!k) return;
    kinds = kinds ? new Set([...kinds].filter((x) => k.has(x))) : k;
  };
  if (typeof r.kind === "string") meet(new Set([r.kind]));
  if (Array.isArray(r.any)) {
    const parts = r.any.map(topKinds);
    if (parts.every((p) => p)) meet(new Set(parts.flatMap((p) => [...p!])));
  }
  if (Array.isArray(r.all)) for (const p of r.all.map(topKinds)) meet(p);
  return kinds;
}

/** Rename meta-variables (`$NAME` → `$R3_NAME`) and utility rules (`in-test` → `R3_in-test`) so rules can share one config. */
function rename(v: Json, tag: string): Json {
  if (Array.isArray(v)) return v.map((x) => rename(x, tag));
  if (!v || typeof v !== "object") return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => {
    if (k === "pattern" && typeof x === "string") return [k, x.replace(/\$(\$\$)?([A-Z_][A-Z0-9_]*)/g, (_m, d: string | undefined, n: string) => `$${d ?? ""}${tag}_${n}`)];
    if (k === "matches" && typeof x === "string") return [k, `${tag}_${x}`];
    return [k, rename(x, tag)];
  }));
}

export interface Layer {
  rules: CompiledRule[];
  config: NapiConfig;
  /** The tag of rule i in this layer: its match carries the meta-variable `${tag}__HIT`. */
  tags: string[];
}

/**
 * Split rules into layers whose top-level kinds are disjoint (a node is matched by at most one rule of a
 * layer, so `any` loses nothing by stopping at the first), and build each layer's tagged config.
 */
export function buildLayers(rules: readonly CompiledRule[]): Layer[] {
  const groups: { rules: CompiledRule[]; kinds: Set<string> | null }[] = [];
  for (const c of rules) {
    if (!c.matcher) continue;
    const k = topKinds(c.matcher.rule);
    const g = k && groups.find((x) => x.kinds && [...k].every((kind) => !x.kinds!.has(kind)));
    if (g) { g.rules.push(c); for (const kind of k) g.kinds!.add(kind); } else groups.push({ rules: [c], kinds: k ? new Set(k) : null });
  }
  return groups.map((g) => {
    const tags = g.rules.map((_, i) => `R${i}`);
    const utils: Record<string, Json> = {};
    const constraints: Record<string, Json> = {};
    const any = g.rules.map((c, i) => {
      for (const [k, v] of Object.entries(c.matcher!.utils ?? {})) utils[`${tags[i]}_${k}`] = rename(v, tags[i]!);
      for (const [k, v] of Object.entries(c.matcher!.constraints ?? {})) constraints[`${tags[i]}_${k}`] = rename(v, tags[i]!);
      return { all: [rename(c.matcher!.rule, tags[i]!), { pattern: `$${tags[i]}__HIT` }] };
    });
    const config = { rule: g.rules.length === 1 ? rename(g.rules[0]!.matcher!.rule, tags[0]!) : { any }, ...(Object.keys(utils).length ? { utils } : {}), ...(Object.keys(constraints).length ? { constraints } : {}) } as NapiConfig;
    return { rules: g.rules, config, tags };
  });
}

/** Run the layers over a root: the matched nodes of each rule, by rule id (rule order is the caller's). */
export function matchLayers(root: SgNode, layers: readonly Layer[]): Map<string, { nodes: SgNode[]; tag: string }> {
  const out = new Map<string, { nodes: SgNode[]; tag: string }>();
  for (const layer of layers) {
    layer.rules.forEach((c, i) => out.set(c.spec.id, { nodes: [], tag: layer.tags[i]! }));
    const single = layer.rules.length === 1;
    for (const node of root.findAll(layer.config)) {
      const i = single ? 0 : layer.tags.findIndex((t) => node.getMatch(`${t}__HIT`) !== null);
      if (i >= 0) out.get(layer.rules[i]!.spec.id)!.nodes.push(node);
    }
  }
  return out;
}
