// Property: the observer's /event handler answers any body with 200 (and stores a valid op row) or a
// 4xx whose error is one line; it never throws, and nothing invalid reaches the ops log.
import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import { createObserverApp } from "../pipeline/observer/app";
import { OpRow } from "../pipeline/observer/event";
import { OpState } from "../pipeline/observer/op-state";

// SCRUM_FUZZ_RUNS=5000 for a deeper run; the default keeps the suite fast.
const RUNS = Number(process.env.SCRUM_FUZZ_RUNS) || 300;
const stored: unknown[] = [];
const app = createObserverApp({ state: new OpState(10), append: async (r) => { stored.push(r); }, maxBodyBytes: 4096, now: () => new Date("2026-11-20T08:00:00Z") });
const post = (body: string | Uint8Array) => app.fetch(new Request("http://o/event", { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : Buffer.from(body) }));

const eventish = fc.record(
  {
    endpoint: fc.oneof(fc.string(), fc.jsonValue()),
    success: fc.oneof(fc.boolean(), fc.jsonValue()),
    timestamp: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    duration_ms: fc.oneof(fc.double(), fc.integer()),
    source: fc.string(),
    score: fc.oneof(fc.double(), fc.constant(null)),
    input_summary: fc.string({ maxLength: 5000 }),
  },
  { requiredKeys: [] },
);

async function holds(body: string | Uint8Array): Promise<void> {
  const before = stored.length;
  const res = await post(body);
  const json = (await res.json()) as { ok?: boolean; error?: string };
  if (res.status === 200) {
    expect(json.ok).toBe(true);
    expect(stored.length).toBe(before + 1);
    expect(OpRow.safeParse(stored[stored.length - 1]).success).toBe(true);
  } else {
    expect([400, 413]).toContain(res.status);
    expect(json.error!.length).toBeGreaterThan(0);
    expect(json.error).not.toContain("\n");
    expect(stored.length).toBe(before);
  }
}

describe("observer /event body under arbitrary input", () => {
  test("any text or bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.uint8Array({ maxLength: 300 }), fc.json()), holds), { numRuns: RUNS });
  });
  test("objects shaped like events, with any values", async () => {
    await fc.assert(fc.asyncProperty(eventish.map((e) => JSON.stringify(e)), holds), { numRuns: RUNS });
  });
});
