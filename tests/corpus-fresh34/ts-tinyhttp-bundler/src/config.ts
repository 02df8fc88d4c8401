export interface AppConfig {
  port: number;
  appUrl: string;
  apiKey: string;
  apiSecret: string;
  scopes: string[];
  apiVersion: string;
  databaseUrl: string;
  logLevel: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} must be set`);
  }
  return value;
}

export function loadConfig(env = process.env): AppConfig {
  return {
    port: Number(env.PORT ?? 8081),
    appUrl: required("APP_URL"),
    apiKey: required("SHOPIFY_API_KEY"),
    apiSecret: env.SHOPIFY_API_SECRET ?? "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",
    scopes: (env.SCOPES ?? "read_products,write_products,read_orders").split(","),
    apiVersion: env.SHOPIFY_API_VERSION ?? "2024-07",
    databaseUrl: env.DATABASE_URL ?? "postgres://bundler:Wq8!rT2mZp@bundler-db.internal:5432/bundler",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}

export const config = loadConfig();
