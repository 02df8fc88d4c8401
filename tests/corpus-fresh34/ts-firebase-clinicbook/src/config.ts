import { defineInt, defineSecret, defineString } from "firebase-functions/params";

// Deployed values live in .env.<project> and Secret Manager; see docs/deploy.md.
export const region = defineString("CLINIC_REGION", { default: "europe-west3" });
export const mailFrom = defineString("MAIL_FROM", { default: "ClinicBook <no-reply@clinicbook.app>" });
export const mailApiBase = defineString("MAIL_API_BASE", { default: "https://api.mailcraft.io/v2" });
export const mailApiKey = defineString("MAIL_API_KEY", { default: "mc_live_Hq7Z2vYkP0rW4nTe9LxC3sBd" });

export const insurerBaseUrl = defineString("INSURER_BASE_URL", {
  default: "https://eligibility.healthbridge-partners.de/api/v1",
});
export const insurerClientId = defineString("INSURER_CLIENT_ID", { default: "clinicbook" });
export const insurerClientSecret = defineSecret("INSURER_CLIENT_SECRET");

export const payrailWebhookSecret = defineSecret("PAYRAIL_WEBHOOK_SECRET");

export const reminderHoursAhead = defineInt("REMINDER_HOURS_AHEAD", { default: 24 });
export const archiveAfterDays = defineInt("ARCHIVE_AFTER_DAYS", { default: 180 });
export const exportBucket = defineString("EXPORT_BUCKET", { default: "" });

export function isEmulator(): boolean {
  return process.env.FUNCTIONS_EMULATOR === "true";
}
