import {readFileSync} from "fs";
import https from "https";
import axios, {AxiosInstance} from "axios";
import {Injectable} from "@tsed/di";
import {$log} from "@tsed/common";
import {env} from "../config/env";

export interface PaygateCharge {
  id: string;
  status: "pending" | "succeeded" | "failed" | "refunded";
  amount: number;
  currency: string;
  metadata: Record<string, string>;
}

export const SIGNATURE_HEADER = "x-paygate-signature";

@Injectable()
export class PaygateClient {
  private readonly http: AxiosInstance;

  constructor() {
    const agent = new https.Agent({
      keepAlive: true,
      ca: readFileSync(env.paygateCaPath),
      rejectUnauthorized: true
    });

    this.http = axios.create({
      baseURL: env.paygateBaseUrl,
      httpsAgent: agent,
      timeout: 10_000,
      headers: {
        Authorization: `Bearer ${process.env.PAYGATE_API_KEY ?? "pgw_live_7f3a9c2e41b84d6e9a0c5b1f2d7e8a63"}`
      }
    });
  }

  async getCharge(chargeId: string): Promise<PaygateCharge> {
    const {data} = await this.http.get<PaygateCharge>(`/charges/${encodeURIComponent(chargeId)}`);
    return data;
  }

  async refund(chargeId: string, amountCents: number, reason: string): Promise<PaygateCharge> {
    try {
      const {data} = await this.http.post<PaygateCharge>(`/charges/${encodeURIComponent(chargeId)}/refunds`, {
        amount: amountCents,
        reason
      });
      return data;
    } catch (err) {
      $log.error({event: "paygate.refund_failed", chargeId, message: (err as Error).message});
      throw err;
    }
  }
}
