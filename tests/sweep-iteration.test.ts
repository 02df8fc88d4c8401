import { describe, expect, test } from "bun:test";
import type { ReviewRow } from "../pipeline/kb/schemas/review-row";
import type { RunRow } from "../pipeline/kb/schemas/run-row";
import { pickIteration } from "../pipeline/sweep/iteration";

const row = (iter: number) => ({ iter }) as ReviewRow;
const run = (iter: number, phase: "start" | "end", interrupted = false) => ({ iter, phase, interrupted }) as RunRow;

describe("pickIteration", () => {
  test("an empty KB starts at 1; a finished iteration is followed by the next", () => {
    expect(pickIteration([], [])).toEqual({ iter: 1, resuming: false, byNight: false });
    expect(pickIteration([row(1)], [run(1, "start"), run(1, "end")])).toEqual({ iter: 2, resuming: false, byNight: false });
  });

  test("a start without a clean end is resumed", () => {
    expect(pickIteration([row(2)], [run(1, "start"), run(1, "end"), run(2, "start")])).toEqual({ iter: 2, resuming: true, byNight: false });
    expect(pickIteration([row(2)], [run(2, "start"), run(2, "end", true)])).toEqual({ iter: 2, resuming: true, byNight: false });
  });

  test("rows without run records (a copied or migrated KB) are not an interrupted run", () => {
    expect(pickIteration([row(3)], [])).toEqual({ iter: 4, resuming: false, byNight: false });
  });

  test("--iter wins, and says whether it resumes", () => {
    expect(pickIteration([row(1)], [], 1)).toEqual({ iter: 1, resuming: true, byNight: false });
    expect(pickIteration([row(1)], [], 5)).toEqual({ iter: 5, resuming: false, byNight: false });
  });
});
