import { Agent, fetch, type Dispatcher } from "undici";
import { config } from "./config";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
};

// Local development posts to Mailpit's HTTPS API, which serves a self-signed
// certificate. MAIL_DEV_INSECURE_TLS=1 is only honoured outside production.
function dispatcher(): Dispatcher | undefined {
  if (config.mail.devInsecureTls && process.env.NODE_ENV !== "production") {
    return new Agent({ connect: { rejectUnauthorized: false } });
  }
  return undefined;
}

const devDispatcher = dispatcher();

export async function sendMail(message: MailMessage): Promise<string> {
  const res = await fetch(config.mail.endpoint, {
    method: "POST",
    dispatcher: devDispatcher,
    headers: {
      authorization: `Bearer ${config.mail.apiKey}`,
      "content-type": "application/json",
    },
    body: JSON.stringify({
      from: config.mail.from,
      to: [message.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
    }),
  });
  if (!res.ok) {
    throw new Error(`mail API answered ${res.status}: ${await res.text()}`);
  }
  const body = (await res.json()) as { id: string };
  return body.id;
}
