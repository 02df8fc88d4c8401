import { describe, expect, test } from "bun:test";
import { byPrevalence, demoteBelow, keepAbove, type LabelledClaim, leaveOnePanelOut } from "../bench/label-trust";

const claims = (panel: string, rule: string, defensible: number, not: number): LabelledClaim[] => [
  ...Array.from({ length: defensible }, () => ({ panel, repo: `${panel}-repo`, rule, defensible: true })),
  ...Array.from({ length: not }, () => ({ panel, repo: `${panel}-repo`, rule, defensible: false })),
];

// "noisy" is never defensible on any panel; "sharp" always is; "odd" is good on one panel only.
const all = ["a", "b", "c", "d"].flatMap((p) => [...claims(p, "noisy", 0, 3), ...claims(p, "sharp", 2, 0)]).concat(claims("a", "odd", 3, 0), claims("b", "odd", 0, 6));

describe("leave-one-panel-out trust simulation", () => {
  test("a rule noisy on the other panels is demoted on the held-out one", () => {
    const r = leaveOnePanelOut(all, demoteBelow(0.1), 0.1);
    // On each held-out panel only "sharp" (and "odd" where it is not demoted) stays.
    expect(r.perPanel.c).toEqual({ labelled: 2, defensible: 2 });
    expect(r.perPanel.d).toEqual({ labelled: 2, defensible: 2 });
  });

  test("the held-out panel's own labels never decide for it", () => {
    // Held out "a": "odd" is judged on b alone (0/6, one panel): too few panels to demote, so a's 3 stay.
    const r = leaveOnePanelOut(all, demoteBelow(0.1), 0.1);
    expect(r.perPanel.a).toEqual({ labelled: 5, defensible: 5 });
    // Held out "b": "odd" is judged on a alone (3/3): kept by a high-confidence tier, and b's 6 are all noise.
    const tier = leaveOnePanelOut(all, keepAbove(0.5), 0.5);
    expect(tier.perPanel.b).toEqual({ labelled: 2, defensible: 2 });
    const tier3 = leaveOnePanelOut(all, (t) => t.labelled >= 3 && t.defensible / t.labelled >= 0.5, 0.5);
    expect(tier3.perPanel.b).toEqual({ labelled: 8, defensible: 2 });
  });

  test("prevalence buckets count a claim by its rule's claims in the same repository", () => {
    const b = byPrevalence(all, (c) => all.filter((o) => o.repo === c.repo && o.rule === c.rule).length);
    expect(b["2-3"]!.labelled).toBe(4 * 3 + 4 * 2 + 3);
    expect(b["4-9"]).toEqual({ labelled: 6, defensible: 0 });
    expect(b["1"]!.labelled).toBe(0);
  });
});
