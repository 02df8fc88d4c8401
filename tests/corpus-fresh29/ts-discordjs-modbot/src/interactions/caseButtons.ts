import { type ButtonInteraction, type GuildMember } from "discord.js";
import { store } from "../db/store";
import { escalateCase } from "../lib/modApi";
import { postModLog } from "../lib/modlog";
import { deny, isStaff } from "../lib/permissions";

type CaseAction = "escalate" | "pardon" | "reopen";

export async function handleCaseButton(interaction: ButtonInteraction): Promise<void> {
  const [, action, rawId] = interaction.customId.split(":") as [string, CaseAction, string];
  const caseId = Number(rawId);
  const member = interaction.member as GuildMember | null;
  const row = store.getCase(caseId);
  if (!row) {
    await interaction.reply({ content: `Case #${caseId} no longer exists.`, ephemeral: true });
    return;
  }

  switch (action) {
    case "escalate": {
      if (!isStaff(member)) return deny(interaction);
      const ticket = await escalateCase(row.guildId, caseId, row.reason);
      store.setStatus(caseId, "escalated");
      await interaction.update({ content: `Escalated to Sentinel review (${ticket}).`, components: [] });
      return;
    }
    case "pardon": {
      store.setStatus(caseId, "pardoned");
      await postModLog(interaction.guild!, {
        caseId,
        action: "pardon",
        targetId: row.userId,
        moderatorId: interaction.user.id,
        reason: `pardoned from case view`,
      });
      await interaction.update({ content: `Case #${caseId} pardoned.`, components: [] });
      return;
    }
    case "reopen": {
      if (!isStaff(member)) return deny(interaction);
      store.setStatus(caseId, "open");
      await interaction.update({ content: `Case #${caseId} reopened.`, components: [] });
      return;
    }
    default:
      await interaction.reply({ content: "Unknown action.", ephemeral: true });
  }
}
