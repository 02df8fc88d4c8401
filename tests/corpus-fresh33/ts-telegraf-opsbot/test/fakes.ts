import { vi } from "vitest";
import type { OpsbotConfig } from "../src/config.js";
import type { BotContext } from "../src/context.js";

export const config: OpsbotConfig = {
  botToken: "123456:TEST-TOKEN",
  publicDomain: "opsbot.test",
  webhookPath: "/telegram/webhook",
  webhookSecret: "test-webhook-secret-000",
  port: 0,
  ownerId: 1,
  onCallIds: [2, 3],
  adminApiToken: "test-admin-api-token",
  alertWebhookToken: "test-alert-webhook-token",
  monitoringUrl: "https://monitoring.test",
  monitoringToken: "test-monitoring-token",
  runbookDir: "test/runbooks",
  exportDir: "test/.exports",
  defaultTeam: "platform",
};

export function fakeContext(overrides: Record<string, unknown> = {}): BotContext & { match: RegExpExecArray } {
  return {
    from: { id: 2, is_bot: false, first_name: "Ada", username: "ada" },
    chat: { id: -100, type: "supergroup", title: "ops" },
    session: {},
    reply: vi.fn().mockResolvedValue({}),
    answerCbQuery: vi.fn().mockResolvedValue(true),
    editMessageReplyMarkup: vi.fn().mockResolvedValue(true),
    repo: {
      findAlert: vi.fn(),
      recordAck: vi.fn().mockResolvedValue(undefined),
    },
    monitoring: {
      silence: vi.fn().mockResolvedValue({ id: "m-1", name: "api latency", state: "alert", silencedUntil: "2024-05-01T12:00:00Z" }),
    },
    ...overrides,
  } as unknown as BotContext & { match: RegExpExecArray };
}
