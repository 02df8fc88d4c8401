import type { Namespace } from "socket.io";
import type { MessageStore } from "../store/messages.js";

export function registerAdminHandlers(nsp: Namespace, store: MessageStore): void {
  nsp.on("connection", (socket) => {
    socket.on("room:purge", (roomId: string, ack: (n: number) => void) => {
      const removed = store.purgeRoom(roomId);
      nsp.server.of("/chat").to(roomId).emit("room:purged", { roomId });
      ack(removed);
    });

    socket.on("user:kick", async (userId: string) => {
      const chat = nsp.server.of("/chat");
      const sockets = await chat.fetchSockets();
      for (const s of sockets) {
        if (s.data.user?.id === userId) s.disconnect(true);
      }
    });
  });
}
