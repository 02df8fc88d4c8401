import { Composer } from "grammy";
import type { MyContext } from "../context.js";
import { AgentRepo } from "../db/agents.js";
import { TicketRepo } from "../db/tickets.js";
import { logger } from "../logger.js";

// Everything here is meant for customers in private chats; agent and admin
// commands live in their own composers behind role filters.
export const publicComposer = new Composer<MyContext>();
const dm = publicComposer.chatType("private");

dm.command("start", async (ctx) => {
  await ctx.reply(
    "Hi! I'm the Northgate support bot.\n\n/new – open a ticket\n/status – your recent tickets\n/help – how this works",
  );
});

dm.command("help", async (ctx) => {
  await ctx.reply("Open a ticket with /new. An agent will answer here; replies from you are added to your ticket.");
});

dm.command("new", async (ctx) => {
  await ctx.conversation.enter("newTicket");
});

// Shows only the caller's own tickets, keyed by their Telegram id.
dm.command("status", async (ctx) => {
  const tickets = await new TicketRepo(ctx.deps.db).forRequester(ctx.from.id);
  if (tickets.length === 0) {
    await ctx.reply("You have no tickets yet. Use /new to open one.");
    return;
  }
  const lines = tickets.map((t) => `#${t.id} · ${t.subject} · ${t.status}`);
  await ctx.reply(lines.join("\n"));
});

dm.command("enroll", async (ctx) => {
  const code = ctx.match.trim();
  if (code.length === 0 || code !== ctx.deps.config.agentEnrollCode) {
    await ctx.reply("That enrolment code is not valid.");
    return;
  }
  const name = [ctx.from.first_name, ctx.from.last_name].filter(Boolean).join(" ");
  const agent = await new AgentRepo(ctx.deps.db).enroll(ctx.from.id, name);
  logger.info({ agent: agent.tg_id }, "agent enrolled");
  await ctx.reply("You are now enrolled as a support agent. Use /queue in the agent chat.");
});

dm.on("message:text", async (ctx, next) => {
  if (ctx.session.activeTicketId === null) return next();
  const repo = new TicketRepo(ctx.deps.db);
  const ticket = await repo.byId(ctx.session.activeTicketId);
  if (!ticket?.desk_id || ticket.status === "closed") {
    ctx.session.activeTicketId = null;
    return next();
  }
  await ctx.deps.desk.addComment(ticket.desk_id, ctx.message.text, false);
  await ctx.reply(`Added to ticket #${ticket.id}.`);
});
