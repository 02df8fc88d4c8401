import nock from "nock";
import { expect, vi } from "vitest";
import type { GuardConfig } from "../src/config.js";
import type { GuardDeps } from "../src/index.js";

export const testConfig: GuardConfig = {
  databaseUrl: "postgres://localhost:5432/release_guard_test",
  databaseSsl: false,
  deployServiceUrl: "https://deploy.test",
  deployServiceToken: "test-deploy-token",
  adminToken: "test-admin-token",
  callbackSecret: "test-callback-secret",
  protectedEnvironments: ["production"],
  defaultEnvironment: "staging",
};

export function fakeDeps(overrides: Partial<GuardDeps> = {}): GuardDeps {
  return {
    config: testConfig,
    freezes: {
      listActive: vi.fn().mockResolvedValue([]),
      listAll: vi.fn().mockResolvedValue([]),
      create: vi.fn(),
      lift: vi.fn().mockResolvedValue(true),
      liftAll: vi.fn().mockResolvedValue(1),
    } as unknown as GuardDeps["freezes"],
    deployments: {
      record: vi.fn().mockResolvedValue(undefined),
      markStatus: vi.fn().mockResolvedValue(true),
      markMerged: vi.fn().mockResolvedValue(undefined),
      recent: vi.fn().mockResolvedValue([]),
      previousSucceeded: vi.fn().mockResolvedValue(undefined),
      approvedSha: vi.fn().mockResolvedValue(undefined),
      pendingApproval: vi.fn().mockResolvedValue(undefined),
      approve: vi.fn().mockResolvedValue(undefined),
    } as unknown as GuardDeps["deployments"],
    deployClient: {
      trigger: vi.fn().mockResolvedValue({ id: "job-1", status: "queued", url: "https://deploy.test/j/1" }),
      rollback: vi.fn().mockResolvedValue({ id: "job-2", status: "queued", url: "https://deploy.test/j/2" }),
      job: vi.fn(),
    } as unknown as GuardDeps["deployClient"],
    ping: vi.fn().mockResolvedValue(undefined),
    ...overrides,
  };
}

export function commentPayload(body: string, login = "octocat") {
  return {
    action: "created",
    issue: { number: 42, pull_request: { url: "https://api.github.com/repos/acme/web/pulls/42" } },
    comment: { id: 9001, body },
    sender: { login, type: "User" },
    repository: { name: "web", owner: { login: "acme" }, default_branch: "main" },
    installation: { id: 2 },
  };
}

export function expectAllMocksUsed(): void {
  expect(nock.pendingMocks()).toStrictEqual([]);
}
