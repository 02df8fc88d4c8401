// Pinned findings: the floor's output on a fixed input set must not move when the engine is made faster.
// A deliberate rule change regenerates the pin: SCRUM_UPDATE_PIN=1 bun test tests/rules-pin.test.ts,
// then read the diff of tests/fixtures/floor-pin.jsonl before committing it.
import { describe, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadFloor } from "../pipeline/rules/floor";
import { PIN_FILE, pinLines, pinnedInputs } from "./support/floor-pin";

const floor = loadFloor(join(import.meta.dir, "..", "prompts", "rules"));

function current(): string[] {
  return pinnedInputs(floor).flatMap((s) => pinLines(s.name, floor.scan(s.files)));
}

describe("pinned floor findings", () => {
  test("scan reproduces the pinned findings of both corpora and every rule example", () => {
    const now = current();
    if (process.env.SCRUM_UPDATE_PIN === "1") writeFileSync(PIN_FILE, now.join("\n") + "\n");
    expect(existsSync(PIN_FILE)).toBe(true);
    const pinned = readFileSync(PIN_FILE, "utf8").split("\n").filter(Boolean);
    const added = now.filter((l) => !pinned.includes(l));
    const removed = pinned.filter((l) => !now.includes(l));
    expect({ added, removed }).toEqual({ added: [], removed: [] });
    expect(now.length).toBeGreaterThan(200);
  });

  test("worker threads produce the same findings as the single-threaded scan", async () => {
    for (const s of pinnedInputs(floor).slice(0, 2)) {
      const threaded = await floor.scanAsync(s.files, { workers: 2 });
      expect(pinLines(s.name, threaded)).toEqual(pinLines(s.name, floor.scan(s.files)));
    }
  });
});
