import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemas } from "../pipeline/kb/json-schemas";

describe("generated JSON Schemas", () => {
  test("docs/schemas matches the zod schemas (run `bun scripts/export-schemas.ts` after a schema change)", () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      const committed = JSON.parse(readFileSync(join(import.meta.dir, "..", "docs", "schemas", `${name}.schema.json`), "utf8"));
      expect({ name, schema: committed }).toEqual({ name, schema });
    }
  });

  test("the review row schema requires the v4 provenance fields", () => {
    const s = jsonSchemas()["review-row.v4"] as { required: string[]; properties: Record<string, { const?: number }> };
    for (const f of ["schema_version", "prompt", "policy_version", "model", "gradient_tier", "file_sha256", "cached", "targeted_by_fixwave"]) expect(s.required).toContain(f);
    expect(s.properties.schema_version!.const).toBe(4);
  });
});
