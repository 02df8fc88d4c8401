import { beforeEach, vi } from "vitest";

process.env.SESSION_SECRET = "test-session-secret-0123456789abcdef0123";
process.env.ADMIN_API_TOKEN = "test-admin-token";
process.env.BILLING_API_KEY = "test-billing-key";
process.env.BILLING_WEBHOOK_SECRET = "whsec_test_9d2c41";

export const sessionStore: { data: Record<string, unknown> } = { data: {} };

vi.mock("vinxi/http", () => ({
  useSession: vi.fn(async () => ({
    get data() {
      return sessionStore.data;
    },
    update: async (patch: Record<string, unknown>) => {
      Object.assign(sessionStore.data, patch);
    },
    clear: async () => {
      sessionStore.data = {};
    },
  })),
}));

beforeEach(async () => {
  sessionStore.data = {};
  const { resetDb } = await import("./helpers");
  resetDb();
});
