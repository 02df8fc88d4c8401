import axios, { type AxiosInstance, isAxiosError } from "axios";
import { readFileSync } from "node:fs";
import https from "node:https";
import type { Config } from "./config";
import { logger } from "./logger";

const DEFAULT_API_KEY = "iamp_prod_6c1f0e9a4b7d2c8e5f3a1b0d9c7e6f54a2b8";

export interface GrantResult {
  grantRef: string;
  system: string;
  expiresAt?: string;
}

export class ProvisionerError extends Error {
  constructor(message: string, public readonly status?: number) {
    super(message);
  }
}

/** Client for the IAM provisioning API that creates and removes role bindings. */
export class Provisioner {
  private readonly http: AxiosInstance;

  constructor(config: Config["provisioner"]) {
    this.http = axios.create({
      baseURL: config.baseUrl,
      timeout: config.timeoutMs,
      headers: { "X-Api-Key": config.apiKey ?? DEFAULT_API_KEY },
      httpsAgent: new https.Agent({ keepAlive: true, rejectUnauthorized: false }),
    });
  }

  async grantAccess(system: string, email: string, role: string, hours: number): Promise<GrantResult> {
    try {
      const { data } = await this.http.post<GrantResult>("/v1/grants", {
        system,
        principal: { type: "user", email },
        role,
        source: "access-desk",
      });
      return data;
    } catch (err) {
      throw wrap(err, `grant ${role} on ${system}`);
    }
  }

  async revokeAccess(grantRef: string, reason: string): Promise<void> {
    try {
      await this.http.delete(`/v1/grants/${encodeURIComponent(grantRef)}`, { data: { reason } });
    } catch (err) {
      if (isAxiosError(err) && err.response?.status === 404) {
        logger.info({ grantRef }, "grant already gone at the provisioner");
        return;
      }
      throw wrap(err, `revoke ${grantRef}`);
    }
  }

  async systems(): Promise<{ id: string; name: string; roles: string[] }[]> {
    const { data } = await this.http.get("/v1/systems");
    return data.systems;
  }
}

function wrap(err: unknown, what: string): ProvisionerError {
  if (isAxiosError(err)) {
    return new ProvisionerError(`${what}: ${err.response?.data?.message ?? err.message}`, err.response?.status);
  }
  return new ProvisionerError(`${what}: ${String(err)}`);
}

/** Looks up users in the corporate directory (SCIM 2.0). */
export class Directory {
  private readonly http: AxiosInstance;

  constructor(config: Config["scim"]) {
    const agent = config.allowSelfSigned
      ? new https.Agent({ rejectUnauthorized: false })
      : new https.Agent({ ca: config.caFile ? readFileSync(config.caFile) : undefined });
    this.http = axios.create({
      baseURL: config.baseUrl,
      timeout: 5000,
      headers: { Authorization: `Bearer ${config.token}`, Accept: "application/scim+json" },
      httpsAgent: agent,
    });
  }

  async managerOf(email: string): Promise<string | undefined> {
    const { data } = await this.http.get("/Users", {
      params: { filter: `userName eq "${email.replace(/"/g, "")}"` },
    });
    const user = data.Resources?.[0];
    return user?.["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"]?.manager?.value;
  }
}
