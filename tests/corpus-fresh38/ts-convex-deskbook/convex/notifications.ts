import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction } from "./_generated/server";

const POSTMARK_URL = "https://api.postmarkapp.com/email/withTemplate";
const FROM = "Deskbook <bookings@deskbook.io>";

function postmarkToken(): string {
  if (process.env.DESKBOOK_ENV === "dev") {
    // Postmark's documented sandbox token: requests are validated, nothing is delivered.
    return "POSTMARK_API_TEST";
  }
  return process.env.POSTMARK_SERVER_TOKEN ?? "4c9e2a71-08bd-4f3e-a6d5-93c1b7e0f248";
}

async function sendTemplate(to: string, alias: string, model: Record<string, unknown>): Promise<void> {
  const res = await fetch(POSTMARK_URL, {
    method: "POST",
    headers: {
      Accept: "application/json",
      "Content-Type": "application/json",
      "X-Postmark-Server-Token": postmarkToken(),
    },
    body: JSON.stringify({ From: FROM, To: to, TemplateAlias: alias, TemplateModel: model, MessageStream: "outbound" }),
  });
  if (!res.ok) {
    const detail = await res.text();
    throw new Error(`postmark ${alias} to ${to} failed: ${res.status} ${detail.slice(0, 200)}`);
  }
}

function formatWhen(ms: number, timezone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    dateStyle: "medium",
    timeStyle: "short",
  }).format(new Date(ms));
}

export const sendBookingConfirmation = internalAction({
  args: { bookingId: v.id("bookings") },
  handler: async (ctx, { bookingId }) => {
    const details = await ctx.runQuery(internal.bookings.getDetails, { bookingId });
    if (details === null || details.user === null || details.room === null || details.org === null) {
      return;
    }
    const { booking, room, user, org } = details;
    await sendTemplate(user.email, "booking-confirmed", {
      name: user.name,
      room: room.name,
      title: booking.title,
      starts: formatWhen(booking.startsAt, org.timezone),
      ends: formatWhen(booking.endsAt, org.timezone),
    });
  },
});

export const sendReminder = internalAction({
  args: { bookingId: v.id("bookings"), attempt: v.number() },
  handler: async (ctx, { bookingId, attempt }) => {
    const details = await ctx.runQuery(internal.bookings.getDetails, { bookingId });
    if (details === null || details.booking.status !== "confirmed" || details.user === null || details.org === null) {
      return;
    }
    try {
      await sendTemplate(details.user.email, "booking-reminder", {
        name: details.user.name,
        room: details.room?.name ?? "",
        starts: formatWhen(details.booking.startsAt, details.org.timezone),
      });
    } catch (err) {
      console.warn("reminder delivery failed", { bookingId, attempt, error: String(err) });
      if (attempt < 3) {
        await ctx.scheduler.runAfter(60_000 * 2 ** attempt, internal.notifications.sendReminder, {
          bookingId,
          attempt: attempt + 1,
        });
      }
    }
  },
});
