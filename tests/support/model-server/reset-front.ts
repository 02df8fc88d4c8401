// A node:net front for the model server: pipes each client connection to Bun.serve and can RST it.
// Bun.serve cannot tear down a connection from a handler; a net socket can (resetAndDestroy sends a
// TCP RST), so every client connection goes through here and the backend asks for a reset by port.
import net from "node:net";

export interface ResetFront {
  port: number;
  /** Reset the client connection whose upstream socket has this local port; false if unknown. */
  reset(upstreamPort: number): boolean;
  stop(): Promise<void>;
}

/** Listen on 127.0.0.1:port (0 = any) and forward every connection to 127.0.0.1:backendPort. */
export async function startResetFront(backendPort: number, port = 0): Promise<ResetFront> {
  const byUpstreamPort = new Map<number, { client: net.Socket; upstream: net.Socket }>();
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {}); // resets and aborted clients are expected here
  };

  const server = net.createServer((client) => {
    track(client);
    client.setNoDelay(true);
    client.pause();
    const upstream = net.connect(backendPort, "127.0.0.1");
    track(upstream);
    upstream.setNoDelay(true);
    let upstreamPort = 0;
    upstream.on("connect", () => {
      upstreamPort = upstream.localPort ?? 0;
      byUpstreamPort.set(upstreamPort, { client, upstream });
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
    // A half-closed pair is useless here: when either side goes, both go.
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => {
      byUpstreamPort.delete(upstreamPort);
      client.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });

  return {
    port: (server.address() as net.AddressInfo).port,
    reset(upstreamPort) {
      const pair = byUpstreamPort.get(upstreamPort);
      if (!pair) return false;
      byUpstreamPort.delete(upstreamPort);
      pair.client.resetAndDestroy();
      pair.upstream.destroy();
      return true;
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}
