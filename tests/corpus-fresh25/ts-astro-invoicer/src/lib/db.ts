import { readFileSync } from "node:fs";
import postgres from "postgres";

// Managed Postgres presents a certificate chained to a public root; the bundle
// location differs between distros, so deployments can point PG_CA_FILE elsewhere.
const caFile = import.meta.env.PG_CA_FILE ?? "/etc/ssl/certs/ca-certificates.crt";

function tlsOptions() {
  return {
    ca: readFileSync(caFile, "utf8"),
    rejectUnauthorized: true,
  };
}

export const sql = postgres(import.meta.env.DATABASE_URL, {
  ssl: tlsOptions(),
  max: Number(import.meta.env.PG_POOL_MAX ?? 10),
  idle_timeout: 30,
  connect_timeout: 10,
  transform: postgres.camel,
  onnotice: () => undefined,
});

export type Sql = typeof sql;
