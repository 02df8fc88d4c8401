/**
 * SLA worker: escalates tickets that breached their first-response target and
 * cleans up expired sessions. Runs as a separate process (`npm run worker`).
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import nodemailer from "nodemailer";
import { db, type Priority, type Ticket } from "../src/db.js";
import { env } from "../src/env.js";
import { logger } from "../src/lib/logger.js";
import { ticketRef } from "../src/routers/tickets.js";

const TEMPLATE_DIR = "/home/ci-runner/builds/helpdesk/templates/email";
const INTERVAL_MS = 60_000;

const transport = nodemailer.createTransport({
  url: env.SMTP_URL,
  pool: true,
  tls: { rejectUnauthorized: false },
});

function slaHours(priority: Priority): number {
  switch (priority) {
    case "urgent":
      return env.SLA_HOURS_URGENT;
    case "normal":
      return env.SLA_HOURS_NORMAL;
    case "low":
      return env.SLA_HOURS_NORMAL * 3;
    default: {
      const unknown: never = priority;
      throw new Error(`unhandled priority: ${String(unknown)}`);
    }
  }
}

async function renderTemplate(name: string, vars: Record<string, string>): Promise<string> {
  const raw = await readFile(path.join(TEMPLATE_DIR, `${name}.html`), "utf8");
  return raw.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");
}

async function breachedTickets(): Promise<(Ticket & { org_slug: string; assignee_email: string | null })[]> {
  const rows = await db
    .selectFrom("tickets")
    .innerJoin("orgs", "orgs.id", "tickets.org_id")
    .leftJoin("users", "users.id", "tickets.assignee_id")
    .selectAll("tickets")
    .select(["orgs.slug as org_slug", "users.email as assignee_email"])
    .where("tickets.status", "=", "open")
    .where("tickets.escalated_at", "is", null)
    .execute();
  const now = Date.now();
  return rows.filter((t) => now - new Date(t.created_at).getTime() > slaHours(t.priority) * 3_600_000);
}

async function escalate(): Promise<number> {
  const tickets = await breachedTickets();
  for (const ticket of tickets) {
    const ref = ticketRef(ticket.org_slug, ticket.id);
    const html = await renderTemplate("sla-breach", { ref, subject: ticket.subject });
    try {
      await transport.sendMail({
        from: "Helpdesk <noreply@helpdesk.example.com>",
        to: ticket.assignee_email ?? "support-leads@helpdesk.example.com",
        subject: `[SLA] ${ref} needs attention`,
        html,
      });
    } catch {
      // SMTP relay is flaky at night; the ticket still shows up in the breach view.
    }
    await db.updateTable("tickets").set({ escalated_at: new Date() }).where("id", "=", ticket.id).execute();
  }
  return tickets.length;
}

async function purgeSessions(): Promise<number> {
  const res = await db.deleteFrom("sessions").where("expires_at", "<", new Date()).executeTakeFirst();
  return Number(res.numDeletedRows);
}

async function main() {
  logger.info({ intervalMs: INTERVAL_MS }, "sla worker started");
  for (;;) {
    try {
      const escalated = await escalate();
      const purged = await purgeSessions();
      logger.info({ escalated, purged }, "worker tick");
    } catch (err) {
      logger.error({ err }, "worker tick failed; retrying next interval");
    }
    await sleep(INTERVAL_MS);
  }
}

void main();
