import { PermissionsBitField, type GuildMember, type RepliableInteraction } from "discord.js";
import { config } from "../config";

export function isStaff(member: GuildMember | null | undefined): boolean {
  if (!member) return false;
  if (member.permissions.has(PermissionsBitField.Flags.Administrator)) return true;
  if (member.permissions.has(PermissionsBitField.Flags.ModerateMembers)) return true;
  return config.staffRoleIds.some((id) => member.roles.cache.has(id));
}

/** A moderator may only act on members whose highest role is strictly lower. */
export function canActOn(actor: GuildMember, target: GuildMember): boolean {
  if (target.id === target.guild.ownerId) return false;
  if (actor.id === actor.guild.ownerId) return true;
  return actor.roles.highest.comparePositionTo(target.roles.highest) > 0;
}

export async function deny(interaction: RepliableInteraction): Promise<void> {
  await interaction.reply({ content: "You need moderator access for that.", ephemeral: true });
}
