import { Bot, GrammyError, HttpError, session } from "grammy";
import { conversations, createConversation } from "@grammyjs/conversations";
import { adminComposer } from "./composers/admin.js";
import { agentComposer, closeFromButton } from "./composers/agent.js";
import { publicComposer } from "./composers/public.js";
import { initialSession, type Deps, type MyContext } from "./context.js";
import { newTicket } from "./conversations/newTicket.js";
import { logger } from "./logger.js";

export function createBot(deps: Deps): Bot<MyContext> {
  const bot = new Bot<MyContext>(deps.config.botToken);

  bot.use(async (ctx, next) => {
    ctx.deps = deps;
    await next();
  });

  bot.use(
    session({
      initial: initialSession,
      getSessionKey: (ctx) => ctx.from?.id.toString(),
    }),
  );
  bot.use(conversations());
  bot.use(createConversation(newTicket, "newTicket"));

  bot.command("cancel", async (ctx) => {
    await ctx.conversation.exit();
    ctx.session.activeTicketId = null;
    await ctx.reply("Cancelled.");
  });

  bot.callbackQuery(/^ticket:close:(\d+)$/, closeFromButton);

  bot.use(publicComposer);
  bot.use(agentComposer);
  bot.use(adminComposer);

  bot.catch((err) => {
    const ctx = err.ctx;
    const e = err.error;
    if (e instanceof GrammyError) {
      logger.error({ update: ctx.update.update_id, description: e.description }, "telegram rejected a request");
    } else if (e instanceof HttpError) {
      logger.error({ update: ctx.update.update_id, err: e.error }, "could not reach telegram");
    } else {
      logger.error({ update: ctx.update.update_id, err: e }, "unhandled error in middleware");
    }
  });

  return bot;
}
