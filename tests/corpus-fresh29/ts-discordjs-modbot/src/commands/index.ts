import {
  Collection,
  REST,
  Routes,
  type ChatInputCommandInteraction,
  type Client,
  type SlashCommandOptionsOnlyBuilder,
  type SlashCommandSubcommandsOnlyBuilder,
} from "discord.js";
import { config } from "../config";
import { child } from "../logger";
import appeal from "./appeal";
import ban from "./ban";
import caseCommand from "./case";
import lockdown from "./lockdown";
import warn from "./warn";

const log = child("commands");

export interface SlashCommand {
  data: SlashCommandOptionsOnlyBuilder | SlashCommandSubcommandsOnlyBuilder;
  /**
   * Staff-only commands are re-checked by the dispatcher on every invocation.
   * Default member permissions can be overridden by server admins in the
   * integration settings, so they are not relied on alone.
   */
  staffOnly?: boolean;
  execute(interaction: ChatInputCommandInteraction, client: Client): Promise<void>;
}

const all: SlashCommand[] = [warn, ban, lockdown, caseCommand, appeal];

export function loadCommands(): Collection<string, SlashCommand> {
  const commands = new Collection<string, SlashCommand>();
  for (const command of all) {
    if (commands.has(command.data.name)) {
      throw new Error(`duplicate command name ${command.data.name}`);
    }
    commands.set(command.data.name, command);
  }
  log.info({ count: commands.size }, "commands loaded");
  return commands;
}

export async function deployCommands(commands: Collection<string, SlashCommand>): Promise<void> {
  const rest = new REST({ version: "10" }).setToken(config.discordToken);
  const body = commands.map((c) => c.data.toJSON());
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  await rest.put(route, { body });
  log.info({ count: body.length, guild: config.guildId || "global" }, "slash commands deployed");
}
