// The control plane process: owns the port; everything else is the pure app.
import { hostGuard } from "../observer/host-guard";
import { listenError } from "../observer/io-error";
import { createUiApp, type UiAppDeps } from "./app";

/** The environment variable holding the UI's API key (required to bind anything but loopback). */
export const UI_KEY_ENV = "SCRUM_UI_KEY";

export interface RunningUi {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

export function startUi(deps: Omit<UiAppDeps, "allowHost">, listen: { host: string; port: number }): RunningUi {
  let port = listen.port;
  const app = createUiApp({ ...deps, allowHost: hostGuard(listen.host, () => port) });
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({ hostname: listen.host, port: listen.port, fetch: app.fetch, maxRequestBodySize: 1024 });
  } catch (e) {
    throw listenError(e, listen.host, listen.port, "pick another --port");
  }
  port = server.port!;
  const host = listen.host.includes(":") ? `[${listen.host}]` : listen.host;
  return { url: `http://${host}:${port}`, port, stop: async () => void (await server.stop(true)) };
}
