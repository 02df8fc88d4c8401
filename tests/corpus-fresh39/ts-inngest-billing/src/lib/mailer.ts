import { Agent, fetch } from "undici";
import { config } from "../config.js";
import { logger } from "../logger.js";

export interface MailMessage {
  to: string;
  template: "invoice-ready" | "payment-failed" | "final-notice" | "account-suspended" | "refund-issued";
  model: Record<string, unknown>;
  tag?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<string>;
}

function dispatcher(): Agent | undefined {
  if (config.env === "development" && config.mail.insecureLocal) {
    return new Agent({ connect: { rejectUnauthorized: false } });
  }
  return undefined;
}

export class PostmarkMailer implements Mailer {
  private readonly agent = dispatcher();

  async send(message: MailMessage): Promise<string> {
    const res = await fetch(`${config.mail.apiUrl}/email/withTemplate`, {
      method: "POST",
      dispatcher: this.agent,
      headers: {
        accept: "application/json",
        "content-type": "application/json",
        "x-postmark-server-token": config.mail.serverToken,
      },
      body: JSON.stringify({
        From: config.mail.from,
        To: message.to,
        TemplateAlias: message.template,
        TemplateModel: message.model,
        Tag: message.tag ?? message.template,
        MessageStream: "outbound",
      }),
    });
    if (!res.ok) {
      const body = await res.text();
      throw new Error(`postmark responded ${res.status}: ${body.slice(0, 200)}`);
    }
    const json = (await res.json()) as { MessageID: string };
    logger.debug({ to: message.to, template: message.template }, "mail accepted");
    return json.MessageID;
  }
}

export const mailer: Mailer = new PostmarkMailer();
