import { createServer } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";
import { Server } from "socket.io";
import { loadConfig } from "./config.js";
import { registerAdminHandlers } from "./handlers/admin.js";
import { registerChatHandlers } from "./handlers/chat.js";
import { authenticate, isOpsToken, requireRole } from "./middleware/auth.js";
import { MessageStore } from "./store/messages.js";

const config = loadConfig();
const store = new MessageStore(config.dbPath);

const httpServer = createServer((req, res) => {
  if (req.url === "/healthz") {
    res.writeHead(200).end("ok");
    return;
  }
  if (req.url === "/internal/stats") {
    if (!isOpsToken(config, req.headers["x-ops-token"] as string | undefined)) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ sockets: io.engine.clientsCount }));
    return;
  }
  res.writeHead(404).end();
});

const io = new Server(httpServer, {
  cors: { origin: config.corsOrigins, credentials: true },
  connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000 },
});

const pub = createClient({ url: config.redisUrl });
const sub = pub.duplicate();
await Promise.all([pub.connect(), sub.connect()]);
io.adapter(createAdapter(pub, sub));

const chat = io.of("/chat");
chat.use(authenticate(config));
registerChatHandlers(chat, store);

const moderators = io.of("/moderation");
moderators.use(authenticate(config));
moderators.use(requireRole("moderator"));
registerChatHandlers(moderators, store);

registerAdminHandlers(io.of("/admin"), store);

httpServer.listen(config.port, () => {
  console.info(`[rooms] listening on :${config.port}`);
});

const shutdown = async () => {
  io.close();
  const results = await Promise.allSettled([pub.quit(), sub.quit()]);
  for (const r of results) {
    if (r.status === "rejected") console.warn("[rooms] redis quit failed", r.reason);
  }
  store.close();
  process.exit(0);
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
