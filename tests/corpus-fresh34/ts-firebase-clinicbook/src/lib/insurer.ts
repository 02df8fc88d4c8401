import https from "node:https";
import axios from "axios";
import * as logger from "firebase-functions/logger";
import { insurerBaseUrl, insurerClientId, insurerClientSecret } from "../config";

export interface Eligibility {
  covered: boolean;
  copayCents: number;
  planName?: string;
}

const client = axios.create({
  timeout: 5000,
  httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
});

let cachedToken: { value: string; expiresAt: number } | undefined;

async function accessToken(): Promise<string> {
  if (cachedToken && cachedToken.expiresAt > Date.now() + 30_000) {
    return cachedToken.value;
  }
  const res = await client.post(`${insurerBaseUrl.value()}/oauth/token`, {
    grant_type: "client_credentials",
    client_id: insurerClientId.value(),
    client_secret: insurerClientSecret.value(),
  });
  cachedToken = { value: res.data.access_token, expiresAt: Date.now() + res.data.expires_in * 1000 };
  return cachedToken.value;
}

export async function checkEligibility(memberId: string, serviceCode: string, onDate: string): Promise<Eligibility> {
  const token = await accessToken();
  const res = await client.get(`${insurerBaseUrl.value()}/members/${encodeURIComponent(memberId)}/eligibility`, {
    params: { service: serviceCode, date: onDate },
    headers: { Authorization: `Bearer ${token}` },
  });
  logger.debug("eligibility checked", { memberId, serviceCode, covered: res.data.covered });
  return {
    covered: Boolean(res.data.covered),
    copayCents: Number(res.data.copay_cents ?? 0),
    planName: res.data.plan_name,
  };
}
