import { Composer, InlineKeyboard } from "grammy";
import type { CallbackQueryContext } from "grammy";
import type { MyContext } from "../context.js";
import { TicketClosedError, TicketRepo } from "../db/tickets.js";
import { isAgent, isLead } from "../guards.js";
import { logger } from "../logger.js";

export const agentComposer = new Composer<MyContext>();
const agents = agentComposer.filter(isAgent);

function ticketArgs(match: string): { id: number; text: string } | null {
  const [rawId, ...rest] = match.trim().split(/\s+/);
  const id = Number.parseInt(rawId ?? "", 10);
  if (!Number.isSafeInteger(id)) return null;
  return { id, text: rest.join(" ") };
}

agents.command("queue", async (ctx) => {
  const queue = await new TicketRepo(ctx.deps.db).openQueue();
  if (queue.length === 0) {
    await ctx.reply("Queue is empty.");
    return;
  }
  for (const ticket of queue) {
    const kb = new InlineKeyboard()
      .text("Take", `ticket:take:${ticket.id}`)
      .text("Close", `ticket:close:${ticket.id}`);
    await ctx.reply(`#${ticket.id} [${ticket.category}] ${ticket.subject}\nfrom ${ticket.requester_name}`, {
      reply_markup: kb,
    });
  }
});

agents.command("take", async (ctx) => {
  const args = ticketArgs(ctx.match);
  if (!args) return ctx.reply("Usage: /take <ticket>");
  try {
    await new TicketRepo(ctx.deps.db).assign(args.id, ctx.from!.id);
  } catch (err) {
    if (err instanceof TicketClosedError) return ctx.reply(`#${args.id} is already closed.`);
    throw err;
  }
  await ctx.reply(`#${args.id} is yours.`);
});

agents.command("reply", async (ctx) => {
  const args = ticketArgs(ctx.match);
  if (!args || args.text.length === 0) return ctx.reply("Usage: /reply <ticket> <text>");
  const ticket = await new TicketRepo(ctx.deps.db).byId(args.id);
  if (!ticket?.desk_id) return ctx.reply("Unknown ticket.");
  await ctx.deps.desk.addComment(ticket.desk_id, args.text, false);
  await ctx.api.sendMessage(ticket.requester_tg_id, `Support (#${ticket.id}): ${args.text}`);
  await ctx.reply("Sent.");
});

agents.command("note", async (ctx) => {
  const args = ticketArgs(ctx.match);
  if (!args || args.text.length === 0) return ctx.reply("Usage: /note <ticket> <text>");
  const ticket = await new TicketRepo(ctx.deps.db).byId(args.id);
  if (!ticket?.desk_id) return ctx.reply("Unknown ticket.");
  await ctx.deps.desk.addComment(ticket.desk_id, `[${ctx.from!.first_name}] ${args.text}`, true);
  await ctx.reply("Internal note saved.");
});

agents.command("close", async (ctx) => {
  const args = ticketArgs(ctx.match);
  if (!args) return ctx.reply("Usage: /close <ticket> [resolution]");
  await closeTicket(ctx, args.id, args.text || "closed from Telegram");
});

agents.filter(isLead).command("merge", async (ctx) => {
  const ids = ctx.match.trim().split(/\s+/);
  if (ids.length < 2) return ctx.reply("Usage: /merge <target> <source...>");
  const repo = new TicketRepo(ctx.deps.db);
  const [target, ...sources] = await Promise.all(ids.map((id) => repo.byId(Number(id))));
  if (!target?.desk_id || sources.some((s) => !s?.desk_id)) return ctx.reply("Unknown ticket in list.");
  await ctx.deps.desk.mergeInto(
    target.desk_id,
    sources.map((s) => s!.desk_id!),
  );
  await ctx.reply(`Merged into #${target.id}.`);
});

agents.callbackQuery(/^ticket:take:(\d+)$/, async (ctx) => {
  const id = Number(ctx.match[1]);
  await new TicketRepo(ctx.deps.db).assign(id, ctx.from.id);
  await ctx.answerCallbackQuery({ text: `#${id} assigned to you` });
  await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard().text("Close", `ticket:close:${id}`) });
});

async function closeTicket(ctx: MyContext, id: number, resolution: string): Promise<void> {
  const repo = new TicketRepo(ctx.deps.db);
  try {
    const ticket = await repo.close(id, ctx.from!.id, resolution);
    if (ticket.desk_id) await ctx.deps.desk.setStatus(ticket.desk_id, "solved");
    await ctx.api.sendMessage(ticket.requester_tg_id, `Your ticket #${ticket.id} was closed: ${resolution}`);
    logger.info({ ticket: id, agent: ctx.from?.id }, "ticket closed");
  } catch (err) {
    if (err instanceof TicketClosedError) {
      await ctx.reply(`#${id} is already closed.`);
      return;
    }
    throw err;
  }
}

export async function closeFromButton(ctx: CallbackQueryContext<MyContext>): Promise<void> {
  const id = Number(ctx.match[1]);
  await closeTicket(ctx, id, "closed from the queue");
  // The button is gone either way; a stale query id is not worth surfacing.
  await ctx.answerCallbackQuery({ text: `#${id} closed` }).catch(() => {});
  await ctx.editMessageReplyMarkup({ reply_markup: undefined });
}
