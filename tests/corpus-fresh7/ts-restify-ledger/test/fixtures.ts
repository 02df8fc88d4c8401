import type { Config } from "../src/config";

export const TEST_API_KEY = "test-api-key-not-secret";
export const TEST_WEBHOOK_SECRET = "changeme";

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    databaseUrl: "postgres://ledger:ledger@localhost:5432/ledger_test",
    apiKeys: [TEST_API_KEY],
    webhookSecret: TEST_WEBHOOK_SECRET,
    stripeSecretKey: "sk_test_placeholder",
    partnerBaseUrl: "https://localhost:9443",
    ledgerCaFile: "/home/ci/fixtures/partner-ca.pem",
    ...overrides,
  };
}

export class FakePool {
  public queries: Array<{ text: string; values: unknown[] }> = [];
  constructor(private readonly rowsByPrefix: Record<string, unknown[]> = {}) {}

  async query(text: string, values: unknown[] = []) {
    this.queries.push({ text, values });
    const key = Object.keys(this.rowsByPrefix).find((p) => text.trim().startsWith(p));
    const rows = key ? this.rowsByPrefix[key] : [];
    return { rows, rowCount: rows.length };
  }
}
