import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { Client, TextChannel } from "discord.js";
import { config } from "../config";
import { store } from "../db/store";
import { child } from "../logger";

const log = child("verdict-webhook");

interface Verdict {
  guild: string;
  channel: string;
  message: string;
  action: "allow" | "flag" | "delete";
  labels: string[];
}

export function verifySignature(body: Buffer, header: string, secret = config.sentinel.webhookSecret): boolean {
  const expected = createHmac("sha256", secret).update(body).digest();
  const given = Buffer.from(header.replace(/^sha256=/, ""), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: IncomingMessage, limit = 64 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > limit) throw new Error("payload too large");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function startVerdictServer(client: Client): Server {
  const server = createServer(async (req, res) => {
    // Liveness probe for the container platform; carries no data.
    if (req.method === "GET" && req.url === "/healthz") {
      res.writeHead(client.isReady() ? 200 : 503).end();
      return;
    }
    if (req.method !== "POST" || req.url !== "/sentinel/verdict") {
      res.writeHead(404).end();
      return;
    }

    try {
      const body = await readBody(req);
      const signature = req.headers["x-sentinel-signature"];
      if (typeof signature !== "string" || !verifySignature(body, signature)) {
        res.writeHead(401).end();
        return;
      }
      const verdict = JSON.parse(body.toString("utf8")) as Verdict;
      await applyVerdict(client, verdict);
      res.writeHead(204).end();
    } catch (err) {
      log.error({ err }, "verdict processing failed");
      res.writeHead(500).end();
    }
  });
  server.listen(config.webhookPort, () => log.info({ port: config.webhookPort }, "verdict webhook listening"));
  return server;
}

async function applyVerdict(client: Client, verdict: Verdict): Promise<void> {
  store.recordVerdict(verdict.guild, verdict.message, verdict.action, verdict.labels);
  if (verdict.action !== "delete") return;
  const channel = (await client.channels.fetch(verdict.channel)) as TextChannel | null;
  const message = await channel?.messages.fetch(verdict.message);
  await message?.delete();
  log.info({ message: verdict.message, labels: verdict.labels }, "message removed on sentinel verdict");
}
