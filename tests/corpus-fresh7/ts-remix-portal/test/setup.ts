import { vi } from "vitest";

process.env.SESSION_SECRETS = "test-session-secret";
process.env.BILLING_WEBHOOK_SECRET = "whsec_test_fixture";
process.env.EXPORT_API_TOKEN = "test-export-token";

vi.mock("~/lib/db.server", () => ({
  db: {
    user: { findUnique: vi.fn(), findMany: vi.fn(), update: vi.fn() },
    invoice: { findMany: vi.fn() },
    payment: { create: vi.fn() },
    notificationPreference: { findUnique: vi.fn() },
    $queryRaw: vi.fn(),
  },
}));

vi.mock("~/lib/mailer.server", () => ({
  sendInvoiceMail: vi.fn().mockResolvedValue(undefined),
}));
