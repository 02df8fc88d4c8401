import { readFileSync } from "node:fs";
import { Kysely, PostgresDialect, type ColumnType, type Generated, type Selectable } from "kysely";
import pg from "pg";
import { env } from "./env";

export type VehicleStatus = "active" | "in_service" | "retired";
export type UserRole = "driver" | "dispatcher" | "admin";

export interface VehicleTable {
  id: Generated<string>;
  vin: string;
  plate: string;
  depot_id: string;
  status: VehicleStatus;
  odometer_km: number;
  next_service_km: number;
  next_service_at: Date | null;
  version: Generated<number>;
  updated_at: ColumnType<Date, never, Date>;
}

export interface DriverTable {
  id: Generated<string>;
  name: string;
  email: string;
  depot_id: string;
  role: UserRole;
  password_hash: string;
  pin_hash: string | null;
  active: Generated<boolean>;
}

export interface MaintenanceJobTable {
  id: Generated<string>;
  vehicle_id: string;
  kind: "oil" | "tyres" | "inspection" | "brakes";
  due_at: Date;
  created_by: string;
  completed_at: Date | null;
}

export interface OdometerReadingTable {
  vehicle_id: string;
  recorded_at: Date;
  km: number;
  lat: number;
  lng: number;
}

export interface AuditEventTable {
  id: Generated<string>;
  actor_id: string;
  action: string;
  subject_id: string;
  at: Generated<Date>;
}

export interface Database {
  vehicles: VehicleTable;
  drivers: DriverTable;
  maintenance_jobs: MaintenanceJobTable;
  odometer_readings: OdometerReadingTable;
  audit_events: AuditEventTable;
}

export type DB = Kysely<Database>;
export type Vehicle = Selectable<VehicleTable>;

export function createDb(url: string = env.DATABASE_URL): DB {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ssl: env.DATABASE_SSL
      ? { rejectUnauthorized: true, ca: readFileSync(env.DATABASE_CA_PATH, "utf8") }
      : undefined,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
