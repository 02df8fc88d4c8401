#!/usr/bin/env tsx
/**
 * Operator CLI for the admin party.
 *
 *   ADMIN_TOKEN=... tsx scripts/admin-cli.ts list
 *   ADMIN_TOKEN=... tsx scripts/admin-cli.ts backup <boardId>
 *   ADMIN_TOKEN=... tsx scripts/admin-cli.ts delete <boardId> --org <orgId>
 *
 * --local talks to `partykit dev` on this machine instead of production.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

const BACKUP_DIR = "/tmp/inkwell-board-backups";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    local: { type: "boolean", default: false },
    org: { type: "string" },
    operator: { type: "string", default: process.env.USER ?? "operator" },
  },
});

const base = values.local
  ? "http://127.0.0.1:1999/parties/admin/ops"
  : "https://inkwell-rooms.inkwell.partykit.dev/parties/admin/ops";

function headers(): Record<string, string> {
  const token = process.env.ADMIN_TOKEN;
  if (!token) {
    console.error("ADMIN_TOKEN is not set");
    process.exit(2);
  }
  return { authorization: `Bearer ${token}`, "x-operator": values.operator! };
}

async function call(method: string, suffix: string) {
  const res = await fetch(`${base}${suffix}`, { method, headers: headers() });
  if (!res.ok && res.status !== 204) {
    throw new Error(`${method} ${suffix} -> ${res.status} ${await res.text()}`);
  }
  return res;
}

async function main() {
  const [command, boardId] = positionals;
  switch (command) {
    case "list": {
      const body = (await (await call("GET", "/boards")).json()) as { count: number; rooms: { id: string; orgId: string; title: string }[] };
      for (const r of body.rooms) console.log(`${r.id}\t${r.orgId}\t${r.title}`);
      console.log(`${body.count} boards`);
      return;
    }
    case "backup": {
      if (!boardId) throw new Error("backup needs a board id");
      const res = await fetch(`${base.replace("/admin/ops", "/main/")}${boardId}`, { headers: headers() });
      await mkdir(BACKUP_DIR, { recursive: true });
      const file = path.join(BACKUP_DIR, `${boardId}-${Date.now()}.json`);
      await writeFile(file, await res.text());
      console.log(`saved ${file}`);
      return;
    }
    case "delete": {
      if (!boardId || !values.org) throw new Error("delete needs a board id and --org");
      await call("DELETE", `/boards/${encodeURIComponent(boardId)}?org=${encodeURIComponent(values.org)}`);
      console.log(`deleted ${boardId}`);
      return;
    }
    default:
      console.error("usage: admin-cli <list|backup|delete> [boardId]");
      process.exit(2);
  }
}

main().catch((err) => {
  console.error(String(err));
  process.exit(1);
});
