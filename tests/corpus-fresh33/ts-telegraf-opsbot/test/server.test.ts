import request from "supertest";
import { Telegraf } from "telegraf";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BotContext } from "../src/context.js";
import type { Repo } from "../src/db.js";
import { createServer } from "../src/server.js";
import { config } from "./fakes.js";

describe("http server", () => {
  let bot: Telegraf<BotContext>;
  let repo: Repo;

  beforeEach(() => {
    bot = new Telegraf<BotContext>(config.botToken);
    vi.spyOn(bot.telegram, "setWebhook").mockResolvedValue(true);
    vi.spyOn(bot.telegram, "sendMessage").mockResolvedValue({} as never);
    repo = {
      pendingAccessRequests: vi.fn().mockResolvedValue([{ telegramId: 42n, username: "newbie" }]),
      upsertAlert: vi.fn(),
      resolveAlert: vi.fn(),
      subscribersFor: vi.fn().mockResolvedValue([]),
    } as unknown as Repo;
  });

  it("requires the admin token", async () => {
    const app = await createServer(config, bot, repo);
    await request(app).get("/admin/access-requests").expect(401);
    await request(app).get("/admin/access-requests").set("authorization", "Bearer wrong").expect(401);
  });

  it("lists access requests for admins", async () => {
    const app = await createServer(config, bot, repo);
    const res = await request(app)
      .get("/admin/access-requests")
      .set("authorization", `Bearer ${config.adminApiToken}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ telegramId: "42", username: "newbie" }]);
  });

  it("registers the webhook with the secret token", async () => {
    await createServer(config, bot, repo);
    expect(bot.telegram.setWebhook).toHaveBeenCalledWith(
      "https://opsbot.test/telegram/webhook",
      expect.objectContaining({ secret_token: config.webhookSecret }),
    );
  });
});
