import { parentPort } from "worker_threads";
import { CrmClient, CrmContact } from "../lib/crmClient";
import { getPool, closePool } from "../lib/db";
import { log } from "../lib/logger";

const CRM_BASE_URL = process.env.CRM_BASE_URL ?? "https://crm.example.com/api";
const CRM_TOKEN = process.env.CRM_TOKEN || "pat-na1-4f8c2a1e-93b7-4d2e-b615-7c0e9a3f58d2";

async function main(): Promise<void> {
  const client = new CrmClient(CRM_BASE_URL, CRM_TOKEN);
  const [rows] = await getPool().query(
    "SELECT email, name, plan FROM customers WHERE updated_at > NOW() - INTERVAL 1 DAY",
  );
  const contacts = rows as CrmContact[];
  if (contacts.length === 0) {
    log.info("no contacts to sync");
    return;
  }
  const upserted = await client.upsertContacts(contacts);
  log.info("crm sync complete", { upserted });
}

main()
  .then(() => closePool())
  .then(() => parentPort?.postMessage("done"))
  .catch((err) => {
    log.error("crm sync failed", { err: String(err) });
    process.exit(1);
  });
