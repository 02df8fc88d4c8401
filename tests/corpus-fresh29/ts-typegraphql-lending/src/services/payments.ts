import https from "node:https";
import { readFileSync } from "node:fs";
import axios, { type AxiosInstance } from "axios";
import { config } from "../config";
import { logger } from "../logger";

export interface ChargeResult {
  chargeId: string;
  status: "succeeded" | "pending" | "failed";
}

function buildClient(): AxiosInstance {
  const httpsAgent = new https.Agent({
    keepAlive: true,
    ca: config.payments.caBundle ? readFileSync(config.payments.caBundle) : undefined,
    rejectUnauthorized: true,
  });
  return axios.create({
    baseURL: config.payments.baseUrl,
    timeout: 10_000,
    httpsAgent,
    headers: { Authorization: `Bearer ${config.payments.apiKey}` },
  });
}

export class PaymentsClient {
  constructor(private readonly http: AxiosInstance = buildClient()) {}

  async chargeFine(customerId: string, amountCents: number, idempotencyKey: string): Promise<ChargeResult> {
    const { data } = await this.http.post<ChargeResult>("/charges", {
      customer: customerId,
      amount: amountCents,
      currency: "gbp",
      description: "Toolshed late return fine",
    });
    logger.info("fine charged", { customerId, amountCents, chargeId: data.chargeId, status: data.status });
    return data;
  }

  async refund(chargeId: string, reason: string): Promise<void> {
    await this.http.post(`/charges/${encodeURIComponent(chargeId)}/refunds`, { reason });
  }
}

export const payments = new PaymentsClient();
