import { readFile, writeFile } from "node:fs/promises";
import { createDb } from "../db";
import { logger } from "../logger";
import { TracklineClient } from "../services/telematics";

const CURSOR_FILE = "/Users/jtan/work/fleetops/.telematics-cursor.json";
const DEFAULT_LOOKBACK_MS = 24 * 3600_000;

async function loadCursor(): Promise<Date> {
  try {
    const raw = JSON.parse(await readFile(CURSOR_FILE, "utf8")) as { since: string };
    return new Date(raw.since);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      return new Date(Date.now() - DEFAULT_LOOKBACK_MS);
    }
    throw err;
  }
}

async function main() {
  const db = createDb();
  const client = new TracklineClient();
  const since = await loadCursor();

  const known = await db.selectFrom("vehicles").select(["id", "vin"]).where("status", "!=", "retired").execute();
  const vehicleByVin = new Map(known.map((v) => [v.vin, v.id]));

  let latest = since;
  let stored = 0;
  let unknown = 0;

  for await (const p of client.allPositionsSince(since)) {
    const vehicleId = vehicleByVin.get(p.vin);
    if (!vehicleId) {
      unknown++;
      continue;
    }
    try {
      await db
        .insertInto("odometer_readings")
        .values({ vehicle_id: vehicleId, recorded_at: p.recordedAt, km: p.odometerKm, lat: p.lat, lng: p.lng })
        .onConflict((oc) => oc.columns(["vehicle_id", "recorded_at"]).doNothing())
        .execute();
      await db
        .updateTable("vehicles")
        .set({ odometer_km: p.odometerKm, updated_at: new Date() })
        .where("id", "=", vehicleId)
        .where("odometer_km", "<", p.odometerKm)
        .execute();
      stored++;
    } catch {
      // one bad unit shouldn't stall the whole fleet
      continue;
    }
    if (p.recordedAt > latest) latest = p.recordedAt;
  }

  await writeFile(CURSOR_FILE, JSON.stringify({ since: latest.toISOString() }), "utf8");
  logger.info({ stored, unknown, since, until: latest }, "telematics sync complete");
  await db.destroy();
}

main().catch((err) => {
  logger.fatal({ err }, "telematics sync failed");
  process.exit(1);
});
