import { beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DISCORD_TOKEN = "test-token";
  process.env.DISCORD_APP_ID = "100000000000000001";
  process.env.SENTINEL_WEBHOOK_SECRET = "test-webhook-secret";
  process.env.MODLOG_CHANNEL_ID = "900";
  process.env.MODBOT_DB = ":memory:";
});

const storeMock = vi.hoisted(() => ({
  getCase: vi.fn(),
  setStatus: vi.fn(),
  recordWarning: vi.fn(() => 41),
  activeWarnings: vi.fn(() => []),
  recordCase: vi.fn(() => 42),
}));

vi.mock("../src/db/store", () => ({ store: storeMock }));
vi.mock("../src/lib/modApi", () => ({ escalateCase: vi.fn(async () => "SNT-1"), reportBan: vi.fn() }));
vi.mock("../src/lib/modlog", () => ({
  postModLog: vi.fn(async () => undefined),
  notifyMember: vi.fn(async () => true),
}));

import caseCommand from "../src/commands/case";
import warn from "../src/commands/warn";
import { handleCaseButton } from "../src/interactions/caseButtons";

function fakeMember(staff: boolean) {
  return { permissions: { has: () => staff }, roles: { cache: { has: () => false } } };
}

function fakeButton(customId: string, staff: boolean): any {
  return {
    customId,
    member: fakeMember(staff),
    user: { id: "7", tag: "mod#0007" },
    guild: { id: "1", name: "Larkspur" },
    reply: vi.fn(async () => undefined),
    update: vi.fn(async () => undefined),
  };
}

function fakeCommand(options: Record<string, unknown>, sub?: string): any {
  return {
    guildId: "1",
    guild: { id: "1", name: "Larkspur" },
    user: { id: "7", tag: "mod#0007" },
    options: {
      getUser: (n: string) => options[n],
      getString: (n: string) => options[n] ?? null,
      getInteger: (n: string) => options[n] ?? null,
      getSubcommand: () => sub,
    },
    reply: vi.fn(async () => undefined),
  };
}

function expectDenied(interaction: any) {
  expect(interaction.reply).toHaveBeenCalledWith(
    expect.objectContaining({ content: expect.stringMatching(/moderator access/), ephemeral: true }),
  );
  expect(interaction.update).not.toHaveBeenCalled();
}

describe("case buttons", () => {
  beforeEach(() => {
    vi.clearAllMocks();
    storeMock.getCase.mockReturnValue({ id: 5, guildId: "1", userId: "55", reason: "spam", status: "open" });
  });

  it("refuses escalation from a member without moderator access", async () => {
    const interaction = fakeButton("case:escalate:5", false);
    await handleCaseButton(interaction);
    expectDenied(interaction);
  });

  it("pardons a case from the case view", async () => {
    const interaction = fakeButton("case:pardon:5", true);
    await handleCaseButton(interaction);
  });

  it("reopens a case for staff", async () => {
    const interaction = fakeButton("case:reopen:5", true);
    await handleCaseButton(interaction);
    expect(storeMock.setStatus).toHaveBeenCalledWith(5, "open");
  });
});

describe("/warn", () => {
  beforeEach(() => vi.clearAllMocks());

  it("keeps the registered command payload stable", () => {
    expect(warn.data.toJSON()).toMatchSnapshot();
  });

  it("records the warning with its expiry", async () => {
    const interaction = fakeCommand({ user: { id: "55", tag: "spammer#1" }, reason: "spam", expires_days: 7 });
    await warn.execute(interaction, {} as any);
    expect(storeMock.recordWarning).toHaveBeenCalledWith("1", "55", "7", "spam", expect.any(Date));
  });
});

describe("/case", () => {
  it("rejects subcommands it does not know", async () => {
    await expect(caseCommand.execute(fakeCommand({}, "archive"), {} as any)).rejects.toThrow(/unhandled/);
  });
});
