// Bench: 200 chats through the real providers against the model server, at concurrency 8,
// with a fixed 200 ms answer delay and instantly. Usage: npx bun bench/providers.ts [files] [concurrency]
import { Rung } from "../pipeline/core/config";
import { createProvider } from "../pipeline/providers/factory";
import { startModelServer } from "../tests/support/model-server";

const files = Number(process.argv[2] ?? 200);
const concurrency = Number(process.argv[3] ?? 8);
const answer = JSON.stringify({ verdict: "concerns", score: 6, items: [{ title: "unchecked input", line: 12, severity: "warning" }] });

async function run(protocol: "ollama" | "openai", delayMs: number) {
  const server = await startModelServer({ delayMs, script: () => ({ text: answer }) });
  const endpoint = protocol === "ollama" ? { host: server.url } : { baseURL: `${server.url}/v1` };
  const provider = createProvider(Rung.parse({ provider: protocol, model: "bench", timeoutMs: 10_000, ...endpoint }), {});
  const user = "x".repeat(6000 * 4); // a full prompt budget of file content
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < files) {
        next++;
        await provider.chat({ system: "You review code.", user, json: true }).catch(() => failures++);
      }
    }),
  );
  const ms = performance.now() - started;
  await server.stop();
  const ideal = delayMs ? Math.ceil(files / concurrency) * delayMs : 0;
  console.log(
    `${protocol.padEnd(6)} delay ${String(delayMs).padStart(3)} ms: ${files} chats in ${ms.toFixed(0)} ms ` +
      `(${((files / ms) * 1000).toFixed(0)}/s, overhead over ideal ${delayMs ? `${(ms - ideal).toFixed(0)} ms` : "n/a"}, failures ${failures})`,
  );
}

for (const delay of [200, 0]) for (const protocol of ["ollama", "openai"] as const) await run(protocol, delay);
