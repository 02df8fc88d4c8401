import { ChannelType, SlashCommandBuilder, type TextChannel } from "discord.js";
import { config } from "../config";
import { store } from "../db/store";
import { postModLog } from "../lib/modlog";
import type { SlashCommand } from "./index";

const lockdown: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("lockdown")
    .setDescription("Stop @everyone from sending messages in text channels")
    .setDMPermission(false)
    .addBooleanOption((o) => o.setName("lift").setDescription("Lift an active lockdown instead"))
    .addStringOption((o) => o.setName("reason").setDescription("Shown in the mod log")),

  async execute(interaction, client) {
    const guild = interaction.guild!;
    const lift = interaction.options.getBoolean("lift") ?? false;
    const reason = interaction.options.getString("reason") ?? "raid response";
    await interaction.deferReply({ ephemeral: true });

    const channels = guild.channels.cache.filter(
      (c): c is TextChannel =>
        c.type === ChannelType.GuildText && !config.lockdownExemptChannelIds.includes(c.id),
    );
    let changed = 0;
    for (const channel of channels.values()) {
      await channel.permissionOverwrites.edit(guild.roles.everyone, { SendMessages: lift ? null : false }, { reason });
      changed += 1;
    }

    const caseId = store.recordCase(guild.id, client.user!.id, interaction.user.id, lift ? "unlock" : "lockdown", reason);
    await postModLog(guild, {
      caseId,
      action: lift ? "unlock" : "lockdown",
      targetId: guild.id,
      moderatorId: interaction.user.id,
      reason: `${reason} (${changed} channels)`,
    });
    await interaction.editReply(`${lift ? "Lifted lockdown on" : "Locked"} ${changed} channel(s).`);
  },
};

export default lockdown;
