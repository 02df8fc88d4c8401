import https from "node:https";
import axios, { type AxiosInstance } from "axios";
import * as logger from "firebase-functions/logger";
import { isEmulator, mailApiBase, mailApiKey, mailFrom } from "../config";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  tag: "confirmation" | "reminder" | "cancellation" | "receipt";
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

class MailcraftMailer implements Mailer {
  private readonly http: AxiosInstance;

  constructor() {
    // The emulator suite talks to a local Mailcraft stub that serves a
    // self-signed certificate (see docs/local-dev.md); production keeps full verification.
    const agent = isEmulator()
      ? new https.Agent({ keepAlive: true, rejectUnauthorized: false })
      : new https.Agent({ keepAlive: true });
    this.http = axios.create({
      baseURL: mailApiBase.value(),
      timeout: 8000,
      httpsAgent: agent,
      headers: { Authorization: `Bearer ${mailApiKey.value()}` },
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    const res = await this.http.post("/messages", {
      from: mailFrom.value(),
      to: [mail.to],
      subject: mail.subject,
      text: mail.text,
      tags: [mail.tag],
    });
    logger.debug("mail queued", { id: res.data?.id, tag: mail.tag });
  }
}

/** Used by the emulator suite when MAIL_DRY_RUN=1 so local runs never email patients. */
export class ConsoleMailer implements Mailer {
  async send(mail: OutgoingMail): Promise<void> {
    logger.info("dry-run mail", { to: mail.to, subject: mail.subject, tag: mail.tag });
  }
}

let instance: Mailer | undefined;

export function mailer(): Mailer {
  if (!instance) {
    instance = isEmulator() && process.env.MAIL_DRY_RUN === "1" ? new ConsoleMailer() : new MailcraftMailer();
  }
  return instance;
}

export function setMailerForTests(m: Mailer): void {
  instance = m;
}
