import { Composer, Markup } from "telegraf";
import type { BotContext } from "../context.js";
import { audit, log } from "../log.js";

const SILENCE_CHOICES = [30, 120, 480];

export function alertKeyboard(alertId: number, monitorId: string) {
  return Markup.inlineKeyboard([
    [Markup.button.callback("✅ Ack", `ack:${alertId}`)],
    SILENCE_CHOICES.map((m) => Markup.button.callback(`🔕 ${m >= 60 ? m / 60 + "h" : m + "m"}`, `silence:${monitorId}:${m}`)),
  ]);
}

export const alerts = new Composer<BotContext>();

alerts.action(/^ack:(\d+)$/, async (ctx) => {
  const alertId = Number(ctx.match[1]);
  const alert = await ctx.repo.findAlert(alertId);
  if (!alert) {
    return ctx.answerCbQuery("Alert no longer exists");
  }
  try {
    await ctx.repo.recordAck(alert.id, ctx.from!.id);
  } catch (_) {
    return ctx.answerCbQuery("Acknowledged");
  }
  audit.info({ event: "ack", alertId, by: ctx.from!.id }, "alert acknowledged");
  await ctx.editMessageReplyMarkup(undefined);
  return ctx.answerCbQuery("Acknowledged");
});

alerts.command("ack", async (ctx) => {
  const alertId = Number(ctx.payload.trim() || ctx.session.lastAlertId);
  if (!Number.isSafeInteger(alertId)) {
    return ctx.reply("Usage: /ack <alert id>");
  }
  await ctx.repo.recordAck(alertId, ctx.from.id);
  audit.info({ event: "ack", alertId, by: ctx.from.id }, "alert acknowledged");
  return ctx.reply(`Alert #${alertId} acknowledged.`);
});

alerts.command("silence", async (ctx) => {
  const [monitorId, minutesRaw = "60"] = ctx.payload.trim().split(/\s+/);
  const minutes = Number(minutesRaw);
  if (!monitorId || !Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60) {
    return ctx.reply("Usage: /silence <monitor id> [minutes ≤ 1440]");
  }
  const status = await ctx.monitoring.silence(monitorId, minutes, ctx.from.username ?? String(ctx.from.id));
  audit.info({ event: "silence", monitorId, minutes, by: ctx.from.id }, "monitor silenced");
  return ctx.reply(`${status.name} silenced until ${status.silencedUntil}.`);
});

alerts.command("unsilence", async (ctx) => {
  const monitorId = ctx.payload.trim();
  if (!monitorId) return ctx.reply("Usage: /unsilence <monitor id>");
  const status = await ctx.monitoring.unsilence(monitorId);
  audit.info({ event: "unsilence", monitorId, by: ctx.from.id }, "monitor unsilenced");
  return ctx.reply(`${status.name} is live again (${status.state}).`);
});

/** Handles the 🔕 buttons under alert messages posted to team chats. */
export async function silenceButton(ctx: BotContext & { match: RegExpExecArray }) {
  const [, monitorId, minutesRaw] = ctx.match;
  const minutes = Number(minutesRaw);
  const by = ctx.from?.username ?? String(ctx.from?.id);
  try {
    const status = await ctx.monitoring.silence(monitorId, minutes, by);
    audit.info({ event: "silence", monitorId, minutes, by: ctx.from?.id }, "monitor silenced");
    await ctx.answerCbQuery(`Silenced until ${status.silencedUntil}`);
  } catch (err) {
    log.error({ err, monitorId }, "silence failed");
    await ctx.answerCbQuery("Silence failed, try /silence");
    throw err;
  }
}
