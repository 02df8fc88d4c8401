import type { MyContext } from "./context.js";
import { AgentRepo } from "./db/agents.js";

export function isAdmin(ctx: MyContext): boolean {
  const id = ctx.from?.id;
  return id !== undefined && ctx.deps.config.adminIds.has(id);
}

export async function isAgent(ctx: MyContext): Promise<boolean> {
  const id = ctx.from?.id;
  if (id === undefined) return false;
  if (isAdmin(ctx)) return true;
  const agent = await new AgentRepo(ctx.deps.db).active(id);
  return agent !== undefined;
}

export async function isLead(ctx: MyContext): Promise<boolean> {
  const id = ctx.from?.id;
  if (id === undefined) return false;
  if (isAdmin(ctx)) return true;
  const agent = await new AgentRepo(ctx.deps.db).active(id);
  return agent?.role === "lead";
}

export function inAgentChat(ctx: MyContext): boolean {
  return ctx.chat?.id === ctx.deps.config.agentChatId;
}
