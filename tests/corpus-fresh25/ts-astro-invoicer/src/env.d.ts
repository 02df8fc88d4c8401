/// <reference path="../.astro/types.d.ts" />
/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    requestId: string;
    user: import("./lib/auth").SessionUser | null;
  }
}

interface ImportMetaEnv {
  readonly DATABASE_URL: string;
  readonly SESSION_SECRET?: string;
  readonly PAYMENTS_WEBHOOK_SECRET: string;
  readonly FX_API_URL?: string;
  readonly PG_CA_FILE?: string;
  readonly PG_POOL_MAX?: string;
  readonly LOG_LEVEL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
