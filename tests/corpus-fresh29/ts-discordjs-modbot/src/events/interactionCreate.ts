import { Events, type Client, type Collection, type GuildMember, type Interaction } from "discord.js";
import type { SlashCommand } from "../commands";
import { handleAppealModal } from "../commands/appeal";
import { handleCaseButton } from "../interactions/caseButtons";
import { deny, isStaff } from "../lib/permissions";
import { child } from "../logger";

const log = child("interactions");

export function registerInteractionHandler(client: Client, commands: Collection<string, SlashCommand>): void {
  client.on(Events.InteractionCreate, async (interaction: Interaction) => {
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) {
          log.warn({ name: interaction.commandName }, "unknown command");
          return;
        }
        if (command.staffOnly && !isStaff(interaction.member as GuildMember | null)) {
          await deny(interaction);
          return;
        }
        await command.execute(interaction, client);
        return;
      }

      if (interaction.isButton() && interaction.customId.startsWith("case:")) {
        await handleCaseButton(interaction);
        return;
      }

      if (interaction.isModalSubmit() && interaction.customId.startsWith("appeal:")) {
        await handleAppealModal(interaction);
      }
    } catch (err) {
      log.error({ err, interactionId: interaction.id, user: interaction.user.id }, "interaction handler failed");
      if (interaction.isRepliable() && !interaction.replied && !interaction.deferred) {
        await interaction
          .reply({ content: "Something went wrong handling that.", ephemeral: true })
          .catch((replyErr) => log.warn({ replyErr }, "could not send the error reply"));
      }
    }
  });
}
