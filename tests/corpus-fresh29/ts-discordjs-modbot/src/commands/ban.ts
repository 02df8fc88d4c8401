import { PermissionFlagsBits, SlashCommandBuilder, type Client, type GuildMember } from "discord.js";
import { store } from "../db/store";
import { reportBan } from "../lib/modApi";
import { notifyMember, postModLog } from "../lib/modlog";
import { canActOn } from "../lib/permissions";
import { child } from "../logger";
import type { SlashCommand } from "./index";

const log = child("ban");

const ban: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("ban")
    .setDescription("Ban a member from the server")
    .setDefaultMemberPermissions(PermissionFlagsBits.BanMembers)
    .setDMPermission(false)
    .addUserOption((o) => o.setName("user").setDescription("Member to ban").setRequired(true))
    .addStringOption((o) => o.setName("reason").setDescription("Reason").setRequired(true))
    .addIntegerOption((o) =>
      o.setName("delete_hours").setDescription("Hours of messages to delete").setMinValue(0).setMaxValue(168),
    ),
  staffOnly: true,

  // The client argument is part of the SlashCommand contract; this command
  // reaches everything it needs through the interaction's guild.
  async execute(interaction, _client: Client) {
    const guild = interaction.guild!;
    const target = interaction.options.getUser("user", true);
    const reason = interaction.options.getString("reason", true);
    const deleteHours = interaction.options.getInteger("delete_hours") ?? 0;

    const actor = interaction.member as GuildMember;
    const targetMember = await guild.members.fetch(target.id).catch(() => null);
    if (targetMember && !canActOn(actor, targetMember)) {
      await interaction.reply({ content: "You cannot ban a member with an equal or higher role.", ephemeral: true });
      return;
    }

    await notifyMember(target, `You have been banned from **${guild.name}**: ${reason}`);
    await guild.members.ban(target, { reason: `${interaction.user.tag}: ${reason}`, deleteMessageSeconds: deleteHours * 3600 });

    const caseId = store.recordCase(guild.id, target.id, interaction.user.id, "ban", reason);
    await postModLog(guild, { caseId, action: "ban", targetId: target.id, moderatorId: interaction.user.id, reason });

    try {
      await reportBan(guild.id, target.id, reason);
    } catch (err) {
      log.warn({ err, caseId }, "sentinel ban report failed; case kept locally");
      store.flagForResync(caseId);
    }

    await interaction.reply({ content: `Banned ${target.tag} (case #${caseId}).`, ephemeral: true });
  },
};

export default ban;
