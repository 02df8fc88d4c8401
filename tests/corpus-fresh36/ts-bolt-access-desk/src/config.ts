export type Env = "development" | "staging" | "production";

export interface Config {
  env: Env;
  port: number;
  slack: {
    signingSecret: string;
    clientId: string;
    clientSecret: string;
    stateSecret: string;
    scopes: string[];
    /** Single-workspace development only; production installs go through OAuth. */
    devBotToken?: string;
  };
  databaseUrl: string;
  internalToken: string;
  provisioner: {
    baseUrl: string;
    apiKey?: string;
    timeoutMs: number;
  };
  scim: {
    baseUrl: string;
    token: string;
    caFile?: string;
    /** Accept the self-signed certificate of the local SCIM mock. Refused outside development. */
    allowSelfSigned: boolean;
  };
  approvalsChannel: string;
}

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

export function loadConfig(): Config {
  const env = (process.env.APP_ENV ?? "development") as Env;
  const devBotToken = process.env.SLACK_DEV_BOT_TOKEN;
  if (devBotToken && !devBotToken.startsWith("xoxb-")) {
    throw new Error("SLACK_DEV_BOT_TOKEN must be a bot token (xoxb-...)");
  }

  const config: Config = {
    env,
    port: Number(process.env.PORT ?? 3000),
    slack: {
      signingSecret: need("SLACK_SIGNING_SECRET"),
      clientId: need("SLACK_CLIENT_ID"),
      clientSecret: process.env.SLACK_CLIENT_SECRET ?? "3f9c2e71b84d4a0f9e6b1c5d7a2e8f40",
      stateSecret: need("SLACK_STATE_SECRET"),
      scopes: ["commands", "chat:write", "im:write", "users:read", "users:read.email", "files:write"],
      devBotToken,
    },
    databaseUrl: need("DATABASE_URL"),
    internalToken: need("INTERNAL_API_TOKEN"),
    provisioner: {
      baseUrl: process.env.PROVISIONER_URL ?? "https://iam-provisioner.internal.corp:8443",
      apiKey: process.env.PROVISIONER_API_KEY,
      timeoutMs: Number(process.env.PROVISIONER_TIMEOUT_MS ?? 8000),
    },
    scim: {
      baseUrl: process.env.SCIM_URL ?? "https://directory.internal.corp/scim/v2",
      token: need("SCIM_TOKEN"),
      caFile: process.env.SCIM_CA_FILE,
      allowSelfSigned: process.env.SCIM_ALLOW_SELF_SIGNED === "1",
    },
    approvalsChannel: process.env.APPROVALS_CHANNEL ?? "C05ACCESSREQ",
  };

  if (config.scim.allowSelfSigned && config.env !== "development") {
    throw new Error("SCIM_ALLOW_SELF_SIGNED is only honoured when APP_ENV=development");
  }
  return config;
}
