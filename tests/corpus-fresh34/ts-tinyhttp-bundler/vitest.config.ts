import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    env: {
      APP_URL: "https://bundler.test",
      SHOPIFY_API_KEY: "test-api-key",
      SHOPIFY_API_SECRET: "test-api-secret",
      DATABASE_URL: "postgres://localhost:5432/bundler_test",
      LOG_LEVEL: "silent",
    },
  },
});
