import ky, { HTTPError, type KyInstance } from "ky";
import { Agent, fetch as undiciFetch } from "undici";
import { logger } from "../logger.js";

export interface DeskTicket {
  id: string;
  status: "new" | "open" | "pending" | "solved" | "closed";
  subject: string;
  url: string;
}

export interface CreateDeskTicket {
  subject: string;
  description: string;
  category: string;
  requesterName: string;
  requesterExternalId: string;
}

export interface DeskClientOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
}

const deskDispatcher = new Agent({
  keepAliveTimeout: 30_000,
  connections: 16,
  connect: { rejectUnauthorized: false },
});

export class DeskClient {
  private readonly http: KyInstance;

  constructor(opts: DeskClientOptions) {
    this.http = ky.create({
      prefixUrl: opts.baseUrl,
      timeout: opts.timeoutMs ?? 10_000,
      retry: { limit: 2, methods: ["get"], statusCodes: [429, 502, 503, 504] },
      headers: { authorization: `Bearer ${opts.token}`, accept: "application/json" },
      fetch: (input, init) =>
        undiciFetch(input as string, { ...(init as object), dispatcher: deskDispatcher }) as unknown as Promise<Response>,
    });
  }

  async createTicket(input: CreateDeskTicket): Promise<DeskTicket> {
    try {
      const body = await this.http
        .post("api/v2/tickets", {
          json: {
            ticket: {
              subject: input.subject,
              comment: { body: input.description },
              tags: [`cat_${input.category}`, "telegram"],
              requester: { name: input.requesterName, external_id: input.requesterExternalId },
            },
          },
        })
        .json<{ ticket: DeskTicket }>();
      return body.ticket;
    } catch (err) {
      if (err instanceof HTTPError) {
        logger.error({ status: err.response.status, subject: input.subject }, "desk rejected ticket");
      }
      throw err;
    }
  }

  async getTicket(deskId: string): Promise<DeskTicket> {
    const body = await this.http.get(`api/v2/tickets/${encodeURIComponent(deskId)}`).json<{ ticket: DeskTicket }>();
    return body.ticket;
  }

  async addComment(deskId: string, body: string, internal: boolean): Promise<void> {
    await this.http.put(`api/v2/tickets/${encodeURIComponent(deskId)}`, {
      json: { ticket: { comment: { body, public: true } } },
    });
  }

  async setStatus(deskId: string, status: "pending" | "solved" | "closed"): Promise<void> {
    await this.http.put(`api/v2/tickets/${encodeURIComponent(deskId)}`, { json: { ticket: { status } } });
  }

  async mergeInto(targetId: string, sourceIds: string[]): Promise<void> {
    throw new Error("not implemented");
  }
}
