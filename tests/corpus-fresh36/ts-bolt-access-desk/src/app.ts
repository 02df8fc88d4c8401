import { App, ExpressReceiver, type InstallationStore, LogLevel } from "@slack/bolt";
import { FileInstallationStore } from "@slack/oauth";
import { type Config, loadConfig } from "./config";
import { Store } from "./db";
import { PgInstallationStore } from "./installationStore";
import * as commands from "./listeners/commands";
import * as events from "./listeners/events";
import * as interactions from "./listeners/interactions";
import { boltLogger, logger } from "./logger";
import { loadRole } from "./middleware";
import { Directory, Provisioner } from "./provisioner";
import { registerCustomRoutes } from "./routes";

export interface Deps {
  config: Config;
  store: Store;
  provisioner: Provisioner;
  directory: Directory;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set for the postgres installation store`);
  return value;
}

export function buildApp() {
  const config = loadConfig();
  const store = Store.connect(config.databaseUrl);

  const installationStore: InstallationStore =
    process.env.INSTALLATION_STORE === "postgres"
      ? new PgInstallationStore(store.rawPool, requiredEnv("INSTALLATION_ENCRYPTION_KEY"))
      : new FileInstallationStore({ baseDir: "/tmp/access-desk/installations", clientId: config.slack.clientId });

  const receiver = new ExpressReceiver({
    signingSecret: config.slack.signingSecret,
    clientId: config.slack.clientId,
    clientSecret: config.slack.clientSecret,
    stateSecret: config.slack.stateSecret,
    scopes: config.slack.scopes,
    installationStore,
    installerOptions: { directInstall: true },
    logger: boltLogger("receiver"),
    processBeforeResponse: false,
  });

  const app = new App({
    receiver,
    logger: boltLogger("app"),
    logLevel: config.env === "production" ? LogLevel.INFO : LogLevel.DEBUG,
  });

  const deps: Deps = {
    config,
    store,
    provisioner: new Provisioner(config.provisioner),
    directory: new Directory(config.scim),
  };

  app.use(loadRole(store));
  commands.register(app, deps);
  interactions.register(app, deps);
  events.register(app, deps, installationStore);
  registerCustomRoutes(receiver.router, config, store, deps.provisioner, installationStore);

  return { app, receiver, config };
}

if (require.main === module) {
  const { app, config } = buildApp();
  app
    .start(config.port)
    .then(() => logger.info({ port: config.port }, "access-desk listening"))
    .catch((err) => {
      logger.fatal({ err }, "failed to start");
      process.exit(1);
    });
}
