// Write docs/schemas/*.json from the zod schemas; tests/kb-schema-snapshot.test.ts fails when they drift.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { jsonSchemas } from "../pipeline/kb/json-schemas";

const dir = join(import.meta.dir, "..", "docs", "schemas");
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, `${name}.schema.json`), JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote docs/schemas/${name}.schema.json`);
}
