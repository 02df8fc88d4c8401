import { EmbedBuilder, type Guild, type TextChannel, type User } from "discord.js";
import { config } from "../config";
import { child } from "../logger";

const log = child("modlog");

export interface ModLogEntry {
  caseId: number;
  action: string;
  targetId: string;
  moderatorId: string;
  reason: string;
}

const COLOURS: Record<string, number> = {
  warn: 0xf1c40f,
  ban: 0xe74c3c,
  pardon: 0x2ecc71,
  lockdown: 0x8e44ad,
  appeal: 0x3498db,
};

export async function postModLog(guild: Guild, entry: ModLogEntry): Promise<void> {
  const channel = guild.channels.cache.get(config.modLogChannelId) as TextChannel | undefined;
  if (!channel) {
    log.error({ guild: guild.id }, "mod-log channel is not configured or not visible");
    return;
  }
  const embed = new EmbedBuilder()
    .setTitle(`Case #${entry.caseId} · ${entry.action}`)
    .setColor(COLOURS[entry.action] ?? 0x95a5a6)
    .addFields(
      { name: "Member", value: `<@${entry.targetId}>`, inline: true },
      { name: "Moderator", value: `<@${entry.moderatorId}>`, inline: true },
      { name: "Reason", value: entry.reason.slice(0, 1024) || "—" },
    )
    .setTimestamp();
  await channel.send({ embeds: [embed] }).catch(() => undefined);
}

/**
 * DMs a member about an action taken against them. Members often have DMs
 * closed, so a failure is expected; it is logged and reported to the caller.
 */
export async function notifyMember(user: User, text: string): Promise<boolean> {
  try {
    await user.send(text);
    return true;
  } catch (err) {
    log.info({ err, user: user.id }, "could not DM member");
    return false;
  }
}
