import { PermissionFlagsBits, SlashCommandBuilder } from "discord.js";
import { store } from "../db/store";
import { notifyMember, postModLog } from "../lib/modlog";
import type { SlashCommand } from "./index";

const DAY_MS = 86_400_000;

const warn: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("warn")
    .setDescription("Warn a member and record a moderation case")
    .setDefaultMemberPermissions(PermissionFlagsBits.ModerateMembers)
    .setDMPermission(false)
    .addUserOption((o) => o.setName("user").setDescription("Member to warn").setRequired(true))
    .addStringOption((o) =>
      o.setName("reason").setDescription("Why the member is warned").setRequired(true).setMaxLength(500),
    )
    .addIntegerOption((o) =>
      o.setName("expires_days").setDescription("Days until the warning lapses").setMinValue(1).setMaxValue(365),
    ),
  staffOnly: true,

  async execute(interaction) {
    const target = interaction.options.getUser("user", true);
    const reason = interaction.options.getString("reason", true);
    const days = interaction.options.getInteger("expires_days") ?? 90;
    const expiresAt = new Date(Date.now() + days * DAY_MS);

    const caseId = store.recordWarning(interaction.guildId!, target.id, interaction.user.id, reason, expiresAt);
    const active = store.activeWarnings(interaction.guildId!, target.id);

    const delivered = await notifyMember(
      target,
      `You received a warning in **${interaction.guild?.name}**: ${reason}\nCase #${caseId}. Use /appeal to contest it.`,
    );
    await postModLog(interaction.guild!, {
      caseId,
      action: "warn",
      targetId: target.id,
      moderatorId: interaction.user.id,
      reason,
    });

    await interaction.reply({
      content: `Case #${caseId} recorded. ${target.tag} now has ${active.length} active warning(s).${
        delivered ? "" : " They could not be messaged."
      }`,
      ephemeral: true,
    });
  },
};

export default warn;
