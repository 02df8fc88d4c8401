import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from "discord.js";
import { store } from "../db/store";
import type { SlashCommand } from "./index";

const caseCommand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("case")
    .setDescription("Inspect and manage moderation cases")
    .setDefaultMemberPermissions(PermissionFlagsBits.ModerateMembers)
    .setDMPermission(false)
    .addSubcommand((s) =>
      s
        .setName("view")
        .setDescription("Show a case")
        .addIntegerOption((o) => o.setName("id").setDescription("Case number").setRequired(true)),
    )
    .addSubcommand((s) =>
      s
        .setName("note")
        .setDescription("Attach a note to a case")
        .addIntegerOption((o) => o.setName("id").setDescription("Case number").setRequired(true))
        .addStringOption((o) => o.setName("text").setDescription("Note").setRequired(true)),
    )
    .addSubcommand((s) =>
      s
        .setName("export")
        .setDescription("Export a member's case history as CSV")
        .addUserOption((o) => o.setName("user").setDescription("Member").setRequired(true)),
    ),
  staffOnly: true,

  async execute(interaction) {
    const sub = interaction.options.getSubcommand();
    switch (sub) {
      case "view": {
        const id = interaction.options.getInteger("id", true);
        const row = store.getCase(id);
        if (!row || row.guildId !== interaction.guildId) {
          await interaction.reply({ content: `No case #${id} in this server.`, ephemeral: true });
          return;
        }
        const embed = new EmbedBuilder()
          .setTitle(`Case #${row.id} · ${row.action}`)
          .addFields(
            { name: "Member", value: `<@${row.userId}>`, inline: true },
            { name: "Moderator", value: `<@${row.moderatorId}>`, inline: true },
            { name: "Status", value: row.status, inline: true },
            { name: "Reason", value: row.reason || "—" },
          )
          .setTimestamp(new Date(row.createdAt));
        const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(`case:escalate:${row.id}`).setLabel("Escalate").setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId(`case:pardon:${row.id}`).setLabel("Pardon").setStyle(ButtonStyle.Success),
          new ButtonBuilder().setCustomId(`case:reopen:${row.id}`).setLabel("Reopen").setStyle(ButtonStyle.Secondary),
        );
        await interaction.reply({ embeds: [embed], components: [buttons], ephemeral: true });
        return;
      }
      case "note": {
        const id = interaction.options.getInteger("id", true);
        const text = interaction.options.getString("text", true);
        store.addNote(id, interaction.user.id, text);
        await interaction.reply({ content: `Note added to case #${id}.`, ephemeral: true });
        return;
      }
      case "export": {
        throw new Error("not implemented");
      }
      default:
        throw new Error(`unhandled /case subcommand: ${sub}`);
    }
  },
};

export default caseCommand;
