import { createHash } from "node:crypto";
import {
  ActionRowBuilder,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ModalSubmitInteraction,
} from "discord.js";
import { store } from "../db/store";
import { postModLog } from "../lib/modlog";
import type { SlashCommand } from "./index";

function digest(code: string): string {
  return createHash("sha256").update(code.trim().toUpperCase()).digest("hex");
}

const appeal: SlashCommand = {
  // Appeals are open to every member (including people who were just
  // sanctioned), so there are deliberately no default member permissions.
  // The per-case appeal code sent by DM is what authorises the appeal.
  data: new SlashCommandBuilder()
    .setName("appeal")
    .setDescription("Appeal a moderation case using the code you received")
    .setDMPermission(true)
    .addIntegerOption((o) => o.setName("case").setDescription("Case number").setRequired(true))
    .addStringOption((o) => o.setName("code").setDescription("Appeal code from your DM").setRequired(true)),

  async execute(interaction) {
    const caseId = interaction.options.getInteger("case", true);
    const code = interaction.options.getString("code", true);
    const row = store.getCase(caseId);

    if (!row || row.userId !== interaction.user.id || row.appealCodeHash !== digest(code)) {
      await interaction.reply({ content: "That case number and code do not match.", ephemeral: true });
      return;
    }
    if (row.status === "appealed") {
      await interaction.reply({ content: "This case already has an open appeal.", ephemeral: true });
      return;
    }

    const modal = new ModalBuilder().setCustomId(`appeal:${caseId}`).setTitle(`Appeal case #${caseId}`);
    const statement = new TextInputBuilder()
      .setCustomId("statement")
      .setLabel("Why should this case be reconsidered?")
      .setStyle(TextInputStyle.Paragraph)
      .setMinLength(30)
      .setMaxLength(1500)
      .setRequired(true);
    modal.addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(statement));
    await interaction.showModal(modal);
  },
};

export async function handleAppealModal(interaction: ModalSubmitInteraction): Promise<void> {
  const caseId = Number(interaction.customId.split(":")[1]);
  const row = store.getCase(caseId);
  if (!row || row.userId !== interaction.user.id) {
    await interaction.reply({ content: "This appeal is not yours to submit.", ephemeral: true });
    return;
  }
  const statement = interaction.fields.getTextInputValue("statement");
  store.openAppeal(caseId, statement);

  const guild = interaction.client.guilds.cache.get(row.guildId);
  if (guild) {
    await postModLog(guild, {
      caseId,
      action: "appeal",
      targetId: row.userId,
      moderatorId: row.userId,
      reason: statement.slice(0, 900),
    });
  }
  await interaction.reply({ content: "Your appeal was submitted. The team will reply by DM.", ephemeral: true });
}

export default appeal;
