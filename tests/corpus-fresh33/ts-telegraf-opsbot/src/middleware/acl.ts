import { Composer, type MiddlewareFn } from "telegraf";
import type { OpsbotConfig } from "../config.js";
import type { BotContext } from "../context.js";

/** True for the bot owner and everyone on the on-call roster. Telegram user ids are not secrets. */
export function isOnCall(config: Pick<OpsbotConfig, "ownerId" | "onCallIds">) {
  return (ctx: BotContext): boolean => {
    const id = ctx.from?.id;
    if (id === undefined) return false;
    return id === config.ownerId || config.onCallIds.includes(id);
  };
}

export function ownerOnly(config: Pick<OpsbotConfig, "ownerId">): MiddlewareFn<BotContext> {
  return Composer.branch<BotContext>(
    (ctx) => ctx.from?.id === config.ownerId,
    Composer.passThru(),
    (ctx) => ctx.reply("Owners only."),
  );
}

/** Replies once to strangers instead of silently ignoring them, so they know to /register. */
export function explainDenied(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.chat?.type === "private" && ctx.message && "text" in ctx.message && ctx.message.text.startsWith("/")) {
      await ctx.reply("You are not on the on-call roster. Send /register and an owner will review it.");
      return;
    }
    return next();
  };
}
