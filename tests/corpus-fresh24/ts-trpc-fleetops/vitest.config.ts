import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
    env: {
      NODE_ENV: "test",
      DATABASE_URL: "postgres://fleetops:fleetops@localhost:5432/fleetops_test",
      DATABASE_SSL: "false",
      JWT_SECRET: "vitest-only-signing-key-not-used-anywhere-else",
      SERVICE_API_KEY: "vitest-service-key-000000000000",
      TELEMATICS_TOKEN: "unused-in-tests",
      LOG_LEVEL: "warn",
    },
  },
});
