import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

export default defineConfig({
  resolve: {
    alias: { "~": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  test: {
    environment: "node",
    setupFiles: ["test/setup.ts"],
    env: {
      DATABASE_FILE: ":memory:",
      LOG_LEVEL: "error",
    },
  },
});
