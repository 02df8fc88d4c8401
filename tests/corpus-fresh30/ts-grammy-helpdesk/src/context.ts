import type { Context, SessionFlavor } from "grammy";
import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import type { Kysely } from "kysely";
import type { Config } from "./config.js";
import type { Database } from "./db/schema.js";
import type { DeskClient } from "./services/desk.js";

export interface SessionData {
  activeTicketId: number | null;
  draftCategory: string | null;
  locale: string;
}

export interface Deps {
  db: Kysely<Database>;
  desk: DeskClient;
  config: Config;
}

export type DepsFlavor = { deps: Deps };

export type MyContext = Context & SessionFlavor<SessionData> & ConversationFlavor & DepsFlavor;
export type MyConversation = Conversation<MyContext>;

export function initialSession(): SessionData {
  return { activeTicketId: null, draftCategory: null, locale: "en" };
}
