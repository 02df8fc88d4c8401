import { defineConfig } from "vitest/config";

// Run from the repo root, e.g. `cd /Users/<you>/code/billing-portal && npx vitest run`.
export default defineConfig({
  test: {
    environment: "node",
    setupFiles: ["./test/setup.ts"],
  },
});
