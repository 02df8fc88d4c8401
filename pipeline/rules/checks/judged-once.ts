// A check that judges a file's matched nodes together (a run of registrations, the methods of one implementation):
// `prepare` keeps the nodes, the first node asked judges them all, and each node gets the hits anchored at it. Matching
// the container instead would hand ast-grep every container's whole text.
import type { SgNode } from "@ast-grep/napi";
import type { CheckContext } from "./check";
import type { Hit } from "./hit";

/** A hit anchored at the start of the matched node it belongs to. */
export type AnchoredHit = Hit & { at: number };

export interface JudgedOnce { nodes: SgNode[]; hits?: AnchoredHit[] }

/** `prepare`: keep the file's matched nodes for one judgement. */
export const keepNodes = (nodes: SgNode[]): JudgedOnce => ({ nodes });

/** The hits of the node being asked, judging the file's nodes at the first ask. */
export function hitsAt(ctx: CheckContext, judge: (ctx: CheckContext, nodes: SgNode[]) => AnchoredHit[]): Hit[] {
  const state = ctx.state as JudgedOnce | undefined;
  if (!state) return [];
  state.hits ??= judge(ctx, state.nodes);
  const at = ctx.node.range().start.index;
  return state.hits.filter((h) => h.at === at).map(({ at: _at, ...hit }) => hit);
}
