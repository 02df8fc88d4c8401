import type { Config } from "../src/config";

export const testConfig: Config = {
  env: "development",
  port: 0,
  slack: {
    signingSecret: "test-signing-secret",
    clientId: "111.222",
    clientSecret: "test-client-secret",
    stateSecret: "test-state-secret",
    scopes: ["commands"],
  },
  databaseUrl: "postgres://localhost:5432/access_desk_test",
  internalToken: "test-internal-token",
  provisioner: { baseUrl: "https://provisioner.test", apiKey: "test-provisioner-key", timeoutMs: 1000 },
  scim: { baseUrl: "https://scim.test", token: "test-scim-token", allowSelfSigned: false },
  approvalsChannel: "CAPPROVALS",
};

export function expectEphemeral(respond: jest.Mock, text: RegExp): void {
  const call = respond.mock.calls.find(([arg]) => arg?.response_type === "ephemeral" && text.test(arg.text));
  expect(call).toBeDefined();
}
