import { Agent, request } from "undici";
import { log } from "./logger";

export interface CrmContact {
  email: string;
  name: string;
  plan: string;
}

const dispatcher = new Agent({
  connect: {
    rejectUnauthorized: false,
    timeout: 10_000,
  },
});

export class CrmClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  async upsertContacts(contacts: CrmContact[]): Promise<number> {
    const res = await request(`${this.baseUrl}/contacts/batch`, {
      method: "POST",
      dispatcher,
      headers: {
        authorization: `Bearer ${this.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ contacts }),
    });
    if (res.statusCode >= 300) {
      const text = await res.body.text();
      log.error("crm upsert failed", { status: res.statusCode, text });
      throw new Error(`CRM returned ${res.statusCode}`);
    }
    const data = (await res.body.json()) as { upserted: number };
    return data.upserted;
  }
}
