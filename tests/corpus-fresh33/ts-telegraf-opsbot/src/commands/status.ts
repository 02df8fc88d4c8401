import { readFile } from "node:fs/promises";
import path from "node:path";
import { Composer } from "telegraf";
import type { OpsbotConfig } from "../config.js";
import type { BotContext } from "../context.js";

export function statusCommands(config: OpsbotConfig) {
  const composer = new Composer<BotContext>();

  composer.command("firing", async (ctx) => {
    const team = ctx.payload.trim() || config.defaultTeam;
    const firing = await ctx.monitoring.listFiring(team);
    if (firing.length === 0) return ctx.reply(`Nothing firing for ${team}. 🎉`);
    return ctx.reply(firing.map((m) => `• ${m.name} (${m.id})`).join("\n"));
  });

  composer.command("incidents", async (ctx) => {
    const team = ctx.payload.trim() || config.defaultTeam;
    const open = await ctx.repo.openIncidents(team, 10);
    if (open.length === 0) return ctx.reply(`No open incidents for ${team}.`);
    return ctx.reply(open.map((i) => `#${i.id} [${i.severity}] ${i.title}`).join("\n"));
  });

  composer.command("runbook", async (ctx) => {
    const name = ctx.payload.trim().toLowerCase();
    if (!/^[a-z0-9-]+$/.test(name)) return ctx.reply("Usage: /runbook <name>");
    const file = path.resolve(config.runbookDir, `${name}.md`);
    if (!file.startsWith(path.resolve(config.runbookDir) + path.sep)) {
      return ctx.reply("Unknown runbook.");
    }
    try {
      const text = await readFile(file, "utf8");
      return ctx.replyWithMarkdownV2(text.slice(0, 4000));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return ctx.reply("Unknown runbook.");
      throw err;
    }
  });

  return composer;
}
