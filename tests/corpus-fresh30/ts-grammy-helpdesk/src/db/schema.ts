import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

export type TicketStatus = "open" | "pending" | "solved" | "closed";

export interface TicketsTable {
  id: Generated<number>;
  desk_id: string | null;
  requester_tg_id: number;
  requester_name: string;
  subject: string;
  category: string;
  status: TicketStatus;
  assignee_tg_id: number | null;
  created_at: ColumnType<Date, string | undefined, never>;
  updated_at: ColumnType<Date, string | undefined, string>;
}

export interface TicketEventsTable {
  id: Generated<number>;
  ticket_id: number;
  actor_tg_id: number;
  kind: "created" | "assigned" | "commented" | "closed" | "reopened";
  detail: string | null;
  created_at: ColumnType<Date, string | undefined, never>;
}

export interface AgentsTable {
  tg_id: number;
  display_name: string;
  role: "agent" | "lead";
  active: boolean;
  enrolled_at: ColumnType<Date, string | undefined, never>;
}

export interface Database {
  tickets: TicketsTable;
  ticket_events: TicketEventsTable;
  agents: AgentsTable;
}

export type Ticket = Selectable<TicketsTable>;
export type NewTicket = Insertable<TicketsTable>;
export type TicketUpdate = Updateable<TicketsTable>;
export type Agent = Selectable<AgentsTable>;
export type TicketEvent = Selectable<TicketEventsTable>;
