// The control plane process: owns the port; everything else is the pure app.
import { RuntimeError } from "../core/errors";
import { createUiApp, type UiAppDeps } from "./app";

export interface RunningUi {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export function startUi(deps: UiAppDeps, listen: { host: string; port: number }): RunningUi {
  const app = createUiApp(deps);
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({ hostname: listen.host, port: listen.port, fetch: app.fetch, maxRequestBodySize: 1024 });
  } catch (e) {
    throw new RuntimeError("E_LISTEN", `cannot listen on ${listen.host}:${listen.port}: ${(e as Error).message.split("\n")[0]}`, "pick another --port");
  }
  const host = listen.host.includes(":") ? `[${listen.host}]` : listen.host;
  return { url: `http://${host}:${server.port}`, port: server.port!, stop: async () => void (await server.stop(true)) };
}
