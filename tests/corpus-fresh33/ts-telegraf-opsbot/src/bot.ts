import { Composer, Scenes, session, Telegraf } from "telegraf";
import { alerts, silenceButton } from "./commands/alerts.js";
import { statusCommands } from "./commands/status.js";
import type { OpsbotConfig } from "./config.js";
import type { BotContext } from "./context.js";
import type { Repo } from "./db.js";
import { audit, log } from "./log.js";
import { explainDenied, isOnCall, ownerOnly } from "./middleware/acl.js";
import type { MonitoringClient } from "./monitoring.js";
import { INCIDENT_WIZARD, incidentWizard } from "./scenes/incidentWizard.js";

export function createBot(config: OpsbotConfig, repo: Repo, monitoring: MonitoringClient): Telegraf<BotContext> {
  const bot = new Telegraf<BotContext>(config.botToken, { handlerTimeout: 30_000 });
  bot.context.repo = repo;
  bot.context.monitoring = monitoring;

  const stage = new Scenes.Stage<BotContext>([incidentWizard]);
  bot.use(session());
  bot.use(stage.middleware());

  // Public entry points: they only describe the bot and never touch monitoring.
  bot.start((ctx) => ctx.reply("Opsbot for the on-call rotation. Send /register to request access."));
  bot.help((ctx) =>
    ctx.reply("/firing, /incidents, /ack, /silence, /unsilence, /incident, /runbook — on-call only."),
  );

  // Anyone may ask for access in a private chat; owners approve requests over the admin API.
  bot.use(
    Composer.privateChat(
      Composer.command("register", async (ctx) => {
        await ctx.repo.requestAccess(ctx.from.id, ctx.from.username);
        return ctx.reply("Request recorded. An owner will add you to the roster.");
      }),
    ),
  );

  const onCall = new Composer<BotContext>();
  onCall.use(alerts);
  onCall.use(statusCommands(config));
  onCall.command("incident", (ctx) => ctx.scene.enter(INCIDENT_WIZARD));
  bot.use(Composer.acl(isOnCall(config), onCall));

  bot.action(/^silence:([\w-]+):(\d+)$/, silenceButton);

  bot.command("roster", ownerOnly(config), async (ctx) => {
    const pending = await ctx.repo.pendingAccessRequests();
    const lines = pending.map((p) => `${p.telegramId} @${p.username ?? "?"}`);
    audit.info({ event: "roster.view", by: ctx.from.id }, "roster viewed");
    return ctx.reply(lines.length ? lines.join("\n") : "No pending requests.");
  });

  bot.use(explainDenied());

  bot.catch(async (err, ctx) => {
    log.error({ err, update: ctx.update.update_id }, "unhandled bot error");
    await ctx.reply("Something went wrong; the error was logged.").catch((replyErr) =>
      log.warn({ err: replyErr }, "could not report the error to the chat"),
    );
  });

  return bot;
}
