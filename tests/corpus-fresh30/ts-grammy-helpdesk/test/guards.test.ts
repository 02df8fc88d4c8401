import { describe, expect, it, vi } from "vitest";
import type { MyContext } from "../src/context.js";
import { parseIdList } from "../src/config.js";
import { inAgentChat, isAdmin, isAgent } from "../src/guards.js";

vi.mock("../src/db/agents.js", () => ({
  AgentRepo: vi.fn().mockImplementation(() => ({
    active: vi.fn(async (id: number) => (id === 501 ? { tg_id: 501, role: "agent", active: true } : undefined)),
  })),
}));

function fakeCtx(fromId: number | undefined, chatId = 1): MyContext {
  return {
    from: fromId === undefined ? undefined : { id: fromId, is_bot: false, first_name: "T" },
    chat: { id: chatId, type: "private" },
    deps: {
      db: {},
      desk: {},
      config: { adminIds: new Set([900]), agentChatId: -100200 },
    },
  } as unknown as MyContext;
}

function expectAccess(result: boolean, allowed: boolean): void {
  expect(result, allowed ? "expected access" : "expected denial").toBe(allowed);
}

describe("parseIdList", () => {
  it("drops blanks and garbage", () => {
    expect([...parseIdList(" 12, ,abc,34 ")]).toEqual([12, 34]);
  });
});

describe("guards", () => {
  it("admins are recognised from config", () => {
    expectAccess(isAdmin(fakeCtx(900)), true);
    expectAccess(isAdmin(fakeCtx(901)), false);
  });

  it("updates without a sender are never agents", async () => {
    expectAccess(await isAgent(fakeCtx(undefined)), false);
  });

  it("enrolled agents pass, strangers do not", async () => {
    expect(await isAgent(fakeCtx(501))).toBe(true);
    expect(await isAgent(fakeCtx(777))).toBe(false);
  });

  it("knows the agent chat", () => {
    expect(inAgentChat(fakeCtx(1, -100200))).toBe(true);
    expect(inAgentChat(fakeCtx(1, 42))).toBe(false);
  });
});
