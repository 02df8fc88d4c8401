// Concurrency: requests in flight follow --concurrency up to an explicit per-provider cap, counted at the
// model server; the summary says which limit applied.
import { afterAll, describe, expect, test } from "bun:test";
import { planConcurrency } from "../pipeline/ladder/concurrency";
import { renderSummary } from "../pipeline/sweep/summary";
import { startModelServer } from "./support/model-server";
import { answer, sweep, testConfig } from "./support/sweep-harness";
import { gitRepo } from "./support/tmp-repo";

let inFlight = 0, peak = 0;
const server = await startModelServer({
  script: async () => {
    peak = Math.max(peak, ++inFlight);
    await Bun.sleep(150);
    inFlight--;
    return { text: answer({ score: 7 }) };
  },
});
afterAll(() => server.stop());

const repo = gitRepo(Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`src/m${i}.ts`, `export const v${i} = ${i};\n`])));
const rung = { provider: "ollama" as const, model: "m1", host: server.url };

describe("concurrency", () => {
  test("--concurrency 8 puts 8 requests in flight when no per-provider cap is set", async () => {
    peak = 0;
    const { summary } = await sweep(repo, testConfig([rung]), { concurrency: 8 });
    expect(peak).toBe(8);
    expect(summary.concurrency).toEqual({ files: 8, files_from: "--concurrency", providers: [{ provider: "ollama", limit: 8, from: "--concurrency" }] });
    expect(renderSummary(summary)).toContain("concurrency: 8 files in flight (--concurrency); ollama ≤ 8 requests (--concurrency)");
  }, 30_000);

  test("an explicit concurrency.perProvider cap below the flag holds, and the summary names it", async () => {
    peak = 0;
    const cfg = testConfig([rung], { concurrency: { files: 4, perProvider: { ollama: 3 } } });
    const { summary } = await sweep(repo, cfg, { concurrency: 8 });
    expect(peak).toBe(3);
    expect(summary.concurrency!.providers).toEqual([{ provider: "ollama", limit: 3, from: "concurrency.perProvider.ollama" }]);
  }, 30_000);

  test("without the flag, concurrency.files decides; a cap above it changes nothing", async () => {
    peak = 0;
    const { summary } = await sweep(repo, testConfig([rung], { concurrency: { files: 2, perProvider: { ollama: 6 } } }));
    expect(peak).toBe(2);
    expect(summary.concurrency!.providers[0]).toEqual({ provider: "ollama", limit: 2, from: "concurrency.files" });
  }, 30_000);

  test("the static rung needs no limit and each provider of the ladder gets one", () => {
    const c = planConcurrency(5, { files: 4, perProvider: { openai: 1 } }, ["ollama", "openai", "ollama", "static"]);
    expect(c.providers).toEqual([{ provider: "ollama", limit: 5, from: "--concurrency" }, { provider: "openai", limit: 1, from: "concurrency.perProvider.openai" }]);
  });
});
