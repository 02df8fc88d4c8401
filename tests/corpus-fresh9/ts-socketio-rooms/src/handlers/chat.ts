import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import type { SocketUser } from "../middleware/auth.js";
import type { MessageStore } from "../store/messages.js";
import { checkMessage } from "../moderation.js";

const SendMessage = z.object({ roomId: z.string().min(1), body: z.string().min(1).max(4000) });
const FetchHistory = z.object({ roomId: z.string(), before: z.number().optional(), limit: z.number().max(200).optional() });

type Ack = (response: { ok: boolean; error?: string; data?: unknown }) => void;

export function registerChatHandlers(nsp: Namespace, store: MessageStore): void {
  nsp.on("connection", (socket: Socket) => {
    const user = socket.data.user as SocketUser;
    console.info(`[chat] ${user.id} connected (${socket.id})`);

    socket.on("room:join", async (roomId: string, ack: Ack) => {
      await socket.join(roomId);
      ack({ ok: true, data: store.recent(roomId) });
    });

    socket.on("message:send", async (payload: unknown, ack: Ack) => {
      const parsed = SendMessage.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: "invalid payload" });
      const { roomId, body } = parsed.data;
      if (!socket.rooms.has(roomId)) return ack({ ok: false, error: "not in room" });

      try {
        if (!(await checkMessage(body))) return ack({ ok: false, error: "rejected by moderation" });
        const msg = store.append(roomId, user.id, body);
        nsp.to(roomId).emit("message:new", msg);
        ack({ ok: true, data: { id: msg.id } });
      } catch (err) {
        console.error("[chat] failed to persist message", err);
        ack({ ok: false, error: "could not save message" });
      }
    });

    socket.on("history:fetch", (payload: unknown, ack: Ack) => {
      const parsed = FetchHistory.safeParse(payload);
      if (!parsed.success) return ack({ ok: false, error: "invalid payload" });
      const { roomId, before, limit } = parsed.data;
      ack({ ok: true, data: store.recent(roomId, limit, before) });
    });

    socket.on("message:delete", (messageId: number, ack: Ack) => {
      let removed = false;
      try {
        removed = store.remove(messageId, user.id);
      } catch {
        // ignore
      }
      if (removed) nsp.emit("message:deleted", { id: messageId });
      ack({ ok: removed });
    });

    socket.on("room:export", async (roomId: string, ack: Ack) => {
      ack({ ok: true, data: await exportRoomTranscript(roomId) });
    });

    socket.on("disconnect", (_reason) => {
      console.info(`[chat] ${user.id} disconnected`);
    });
  });
}

async function exportRoomTranscript(roomId: string): Promise<string> {
  throw new Error(`TODO: transcript export for ${roomId}`);
}
