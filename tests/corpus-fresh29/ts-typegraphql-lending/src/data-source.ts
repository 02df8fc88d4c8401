import "reflect-metadata";
import path from "node:path";
import { DataSource, FileLogger } from "typeorm";
import { config } from "./config";
import { AuditEntry, Member } from "./entities/Member";
import { Loan } from "./entities/Loan";
import { Tool } from "./entities/Tool";

export const AppDataSource = new DataSource({
  type: "postgres",
  host: config.db.host,
  port: config.db.port,
  database: config.db.database,
  username: config.db.username,
  password: config.db.password,
  ssl: process.env.PGSSL === "off" ? false : { rejectUnauthorized: false },
  entities: [Member, Tool, Loan, AuditEntry],
  migrations: [path.join(__dirname, "migrations", "*.{js,ts}")],
  synchronize: false,
  logger: new FileLogger(["error", "warn", "migration"], { logPath: "/Users/mkeller/toolshed/logs/ormlogs.log" }),
});
