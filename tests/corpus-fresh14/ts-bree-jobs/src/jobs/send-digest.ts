import sgMail from "@sendgrid/mail";
import { parentPort } from "worker_threads";
import { getPool, closePool } from "../lib/db";
import { log } from "../lib/logger";

sgMail.setApiKey(process.env.SENDGRID_API_KEY ?? "");

interface DigestRow {
  email: string;
  unread: number;
}

export function renderDigest(row: DigestRow): { subject: string; text: string } {
  const noun = row.unread === 1 ? "notification" : "notifications";
  return {
    subject: `You have ${row.unread} unread ${noun}`,
    text: `Hi,\n\nYou have ${row.unread} unread ${noun} waiting in Acme.\n`,
  };
}

async function run(): Promise<void> {
  const [rows] = await getPool().query("SELECT email, unread FROM digest_queue WHERE sent_at IS NULL");
  for (const row of rows as DigestRow[]) {
    const { subject, text } = renderDigest(row);
    try {
      await sgMail.send({ to: row.email, from: "digest@acme.example", subject, text });
      await getPool().execute("UPDATE digest_queue SET sent_at = NOW() WHERE email = ?", [row.email]);
    } catch (err) {
      log.warn("digest send failed, will retry next run", { email: row.email, err: String(err) });
      await getPool().execute("UPDATE digest_queue SET attempts = attempts + 1 WHERE email = ?", [row.email]);
    }
  }
}

run()
  .finally(() => closePool())
  .then(() => parentPort?.postMessage("done"));
