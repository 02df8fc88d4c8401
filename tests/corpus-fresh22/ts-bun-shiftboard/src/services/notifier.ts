import { config } from "../config";
import { log } from "../log";
import type { User } from "../db";

export interface Message {
  to: User;
  text: string;
}

export abstract class Notifier {
  abstract send(message: Message): Promise<void>;

  async sendAll(messages: Message[]): Promise<number> {
    let sent = 0;
    for (const m of messages) {
      await this.send(m);
      sent++;
    }
    return sent;
  }
}

export class SmsNotifier extends Notifier {
  async send({ to, text }: Message): Promise<void> {
    if (!to.phone) {
      log.debug("sms skipped, no phone", { userId: to.id });
      return;
    }

    const res = await fetch(`${config.sms.baseUrl}/messages`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${config.sms.apiKey}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ from: config.sms.sender, to: to.phone, body: text }),
      tls: { rejectUnauthorized: false },
    });

    if (!res.ok) {
      const detail = await res.text();
      log.error("sms send failed", { userId: to.id, status: res.status, detail });
      throw new Error(`SMS provider answered ${res.status}`);
    }
  }
}

export class ConsoleNotifier extends Notifier {
  async send({ to, text }: Message): Promise<void> {
    log.info("notification", { userId: to.id, text });
  }
}

export const notifier: Notifier = Bun.env.NODE_ENV === "production" ? new SmsNotifier() : new ConsoleNotifier();
